package io.tronpay.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.tx.Transaction;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** A started DevNode with a client pointed at it; blocks are mined by hand. */
final class TestChain implements AutoCloseable {
  final DevNode node;
  final TronClient client;

  TestChain(String seed, int solidityDepth) {
    this(DevNode.builder().seed(seed).solidityDepth(solidityDepth));
  }

  TestChain(DevNode.Builder builder) {
    this.node = builder.build();
    this.client = clientBuilder(node.start())
        .retryPolicy(new RetryPolicy(8, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofSeconds(2)))
        .build();
  }

  /**
   * A client builder for a DevNode that answers each request in about 2 ms instead of 45: every
   * request gets a fresh TCP_NODELAY connection. DevNode's server leaves Nagle's algorithm on, so
   * on a reused loopback connection the body of each response waits for the client's delayed
   * ACK (40 ms on Linux); a fresh connection is still in quick-ACK mode.
   */
  static TronClient.Builder clientBuilder(String url) {
    OkHttpClient http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
        .socketFactory(new NoDelaySockets())
        .build();
    return TronClient.builder().fullNode(url).httpClient(http);
  }

  DevAccount account(int i) {
    return node.accounts().get(i);
  }

  ReferenceBlock head() {
    return ReferenceBlock.of(client.getNowBlock());
  }

  /** Broadcasts over HTTP, mines a block and returns the node's execution result. */
  TransactionInfo land(Transaction tx) {
    client.broadcastTransaction(tx);
    node.mineBlock();
    TransactionInfo info = client.getTransactionInfoById(tx.txId()).orElseThrow();
    assertFalse(info.failed(), () -> "failed: " + info.resMessage());
    if (info.receipt().result() != null) {
      assertEquals("SUCCESS", info.receipt().result());
    }
    return info;
  }

  /** The super representatives, read from the producers of the first blocks. */
  List<Address> witnesses() {
    while (node.headBlockNumber() < 3) {
      node.mineBlock();
    }
    List<Address> out = new ArrayList<>();
    for (long n = 1; n <= 3; n++) {
      Address w = client.getBlockByNum(n).orElseThrow().witness();
      if (!out.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /** Plain sockets with TCP_NODELAY set. */
  private static final class NoDelaySockets extends SocketFactory {
    private final SocketFactory plain = SocketFactory.getDefault();

    private static Socket noDelay(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(plain.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort)
        throws IOException {
      return noDelay(plain.createSocket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
        throws IOException {
      return noDelay(plain.createSocket(host, port, local, localPort));
    }
  }

  @Override
  public void close() {
    client.close();
    node.close();
  }
}

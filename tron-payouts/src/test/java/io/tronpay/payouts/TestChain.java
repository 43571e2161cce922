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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

  /** A client builder for this chain's DevNode. */
  static TronClient.Builder clientBuilder(String url) {
    return TronClient.builder().fullNode(url);
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

  @Override
  public void close() {
    client.close();
    node.close();
  }
}

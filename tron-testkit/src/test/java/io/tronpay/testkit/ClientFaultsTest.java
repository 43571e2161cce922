package io.tronpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.Block;
import io.tronpay.client.BroadcastResult;
import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TronBroadcastUnknownException;
import io.tronpay.client.TronClient;
import io.tronpay.client.TronResponseException;
import io.tronpay.client.TronTransportException;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each DevNode fault, seen through {@link TronClient}: what the client does about it. */
class ClientFaultsTest {
  @RegisterExtension
  final DevNodeExtension devNode = DevNodeExtension.withSeed("client-faults");

  /** Retries without backoff of their own, so only Retry-After makes the client wait. */
  private static final RetryPolicy QUICK =
      new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2));

  private TronClient client;

  private TronClient client(RetryPolicy policy, Duration readTimeout) {
    client = TronClient.builder().fullNode(devNode.url()).retryPolicy(policy)
        .readTimeout(readTimeout).build();
    return client;
  }

  private TronClient client(RetryPolicy policy) {
    return client(policy, Duration.ofSeconds(10));
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void rateLimit429_clientHonoursRetryAfter_andSucceeds() {
    DevNode node = devNode.node();
    TronClient c = client(QUICK);
    node.faults().rateLimit(1, 429, Duration.ofSeconds(1));
    c.getNowBlock();
    // Without waiting out Retry-After the immediate retry would land in the same window, be
    // limited again, and the three attempts would run out.
    assertEquals(node.headBlockNumber(), c.getNowBlock().number());
    assertEquals(1, c.stats().retries());
  }

  @Test
  void rateLimit403_isRetriedLike429() {
    DevNode node = devNode.node();
    TronClient c = client(QUICK);
    node.faults().rateLimit(1, 403, Duration.ofSeconds(1));
    c.getNowBlock();
    assertEquals(node.headBlockNumber(), c.getNowBlock().number());
    assertEquals(1, c.stats().retries());
  }

  @Test
  void rateLimit_retryAfterLongerThanThePolicyAllows_failsAsTransport() {
    devNode.node().faults().rateLimit(1, 429, Duration.ofSeconds(30));
    TronClient c = client(QUICK);
    c.getNowBlock();
    TronTransportException e = assertThrows(TronTransportException.class, c::getNowBlock);
    assertEquals(429, e.httpStatus());
  }

  @Test
  void serverErrors_areRetried_untilTheNodeRecovers() {
    devNode.node().faults().failNext(2, 503);
    TronClient c = client(QUICK);
    assertEquals(devNode.node().headBlockNumber(), c.getNowBlock().number());
    assertEquals(2, c.stats().retries());
  }

  @Test
  void serverErrors_beyondTheAttempts_failAsTransportWithTheStatus() {
    devNode.node().faults().failNext(3, 502);
    TronTransportException e = assertThrows(TronTransportException.class,
        () -> client(QUICK).getNowBlock());
    assertEquals(502, e.httpStatus());
  }

  @Test
  void delayedResponse_firesTheReadTimeout_asTransportWithoutStatus() {
    devNode.node().faults().delayNext(1, Duration.ofSeconds(2));
    TronClient c = client(RetryPolicy.NONE, Duration.ofMillis(200));
    TronTransportException e = assertThrows(TronTransportException.class, c::getNowBlock);
    assertEquals(0, e.httpStatus());
    assertTrue(e.getMessage().contains("timed out"), e.getMessage());
  }

  @Test
  void malformedBody_isAResponseErrorNamingThePath() {
    devNode.node().faults().malformedNext(1);
    TronResponseException e = assertThrows(TronResponseException.class,
        () -> client(QUICK).getNowBlock());
    assertTrue(e.getMessage().startsWith("/wallet/getnowblock:"), e.getMessage());
  }

  @Test
  void disconnect_onARead_isRetried() {
    devNode.node().faults().disconnectNext(1);
    TronClient c = client(QUICK);
    assertEquals(devNode.node().headBlockNumber(), c.getNowBlock().number());
    assertEquals(1, c.stats().retries());
  }

  @Test
  void disconnect_onABroadcast_isUnknownUntilTheSameBytesAreSentAgain() {
    DevNode node = devNode.node();
    DevAccount a = node.accounts().get(0);
    Transaction tx = Transaction.of(node.newRawData(new TransferContract(a.address(),
        node.accounts().get(1).address(), 1_000)).build()).sign(a.privateKey());
    node.faults().disconnectNext(1);
    TronClient c = client(QUICK);
    // The node took the transaction before the connection dropped; it is pooled, not mined,
    // so the client's lookup cannot find it yet.
    TronBroadcastUnknownException e = assertThrows(TronBroadcastUnknownException.class,
        () -> c.broadcastTransaction(tx));
    assertEquals(tx.txId(), e.txId());
    assertEquals(BroadcastResult.Outcome.DUPLICATE, c.broadcastTransaction(tx).outcome());
    node.mineBlock();
    assertEquals(tx.txId(), c.getTransactionById(tx.txId()).orElseThrow().txId());
  }

  @Test
  void staleHead_getNowBlockStopsMoving_whileTheChainGoesOn() {
    DevNode node = devNode.node();
    TronClient c = client(QUICK);
    node.mineBlocks(3);
    node.faults().staleHead();
    long frozen = c.getNowBlock().number();
    node.mineBlocks(4);
    assertEquals(frozen, c.getNowBlock().number());
    assertEquals(frozen + 4, node.headBlockNumber());
    node.faults().resumeHead();
    assertEquals(frozen + 4, c.getNowBlock().number());
  }

  @Test
  void reorg_getBlockByNumReturnsTheNewBranch_withALinkedParentChain() {
    DevNode node = devNode.node();
    TronClient c = client(QUICK);
    DevAccount a = node.accounts().get(0);
    Transaction tx = Transaction.of(node.newRawData(new TransferContract(a.address(),
        PrivateKey.fromHex("41".repeat(32)).address(), 5_000)).build()).sign(a.privateKey());
    node.mineBlocks(10);
    c.broadcastTransaction(tx);
    node.mineBlocks(3);
    long head = node.headBlockNumber();
    List<Block> before = c.getBlockByLimitNext(head - 3, head + 1);

    String newHead = node.reorg(3, ReorgMode.DROP_TRANSACTIONS);

    List<Block> after = c.getBlockByLimitNext(head - 3, head + 1);
    assertEquals(before.get(0), after.get(0), "the fork point stays");
    for (int i = 1; i < after.size(); i++) {
      assertNotEquals(before.get(i).blockId(), after.get(i).blockId());
      assertEquals(after.get(i - 1).blockId(), after.get(i).parentHash());
      assertEquals(after.get(i), c.getBlockByNum(head - 3 + i).orElseThrow());
    }
    assertEquals(newHead, c.getNowBlock().blockId());
    assertEquals(java.util.Optional.empty(), c.getTransactionById(tx.txId()));
  }

  @Test
  void reorg_moveTransactions_findsTheTransactionInALaterBlock() {
    DevNode node = devNode.node();
    TronClient c = client(QUICK);
    DevAccount a = node.accounts().get(0);
    Transaction tx = Transaction.of(node.newRawData(new TransferContract(a.address(),
        PrivateKey.fromHex("42".repeat(32)).address(), 5_000)).build()).sign(a.privateKey());
    c.broadcastTransaction(tx);
    long first = node.mineBlock();
    node.mineBlocks(2);
    node.reorg(3, ReorgMode.MOVE_TRANSACTIONS);
    Block original = c.getBlockByNum(first).orElseThrow();
    assertEquals(List.of(), original.transactions());
    assertEquals(first + 2, c.getTransactionInfoById(tx.txId()).orElseThrow().blockNumber());
  }
}

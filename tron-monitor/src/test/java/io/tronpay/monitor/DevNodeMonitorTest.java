package io.tronpay.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.testkit.BroadcastResult;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import io.tronpay.testkit.DevToken;
import io.tronpay.testkit.ReorgMode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BlockScanSource and the monitor against DevNode, a simulated node over HTTP. */
class DevNodeMonitorTest {
  private static final int SOLIDITY_DEPTH = 5;

  private DevNode node;
  private TronClient client;
  private BlockScanSource source;
  private MutableClock clock;
  private final InMemoryPaymentStore store = new InMemoryPaymentStore();
  private final RecordingListener listener = new RecordingListener();
  private DevAccount payer;
  private int memo;

  @BeforeEach
  void startNode() {
    node = DevNode.builder().seed("monitor-devnode").solidityDepth(SOLIDITY_DEPTH).build();
    String url = node.start();
    client = TronClient.builder().fullNode(url).retryPolicy(RetryPolicy.NONE)
        .readTimeout(Duration.ofMillis(500)).build();
    node.mineBlocks(SOLIDITY_DEPTH + 2);
    source = BlockScanSource.builder(client).assets(Asset.TRX, Asset.USDT).build();
    clock = new MutableClock(Instant.ofEpochMilli(node.headBlockTime()));
    payer = node.accounts().get(0);
  }

  @AfterEach
  void stopNode() {
    client.close();
    node.close();
  }

  private PaymentMonitor monitor(RecordingListener l) {
    return PaymentMonitor.builder().source(source).store(store).listener(l).clock(clock).build();
  }

  private static Address address(int n) {
    return MonitorFlowTest.address(n);
  }

  private String send(DevAccount from, Contract contract) {
    Transaction tx = Transaction.of(node.newRawData(contract).memo("m" + memo++).build())
        .sign(from.privateKey());
    BroadcastResult result = node.broadcast(tx);
    assertTrue(result.accepted(), result.code() + " " + result.message());
    return tx.txId();
  }

  private String sendUsdt(Address to, long units) {
    return send(payer, new TriggerSmartContract(payer.address(), DevNode.MAINNET_USDT,
        new Trc20Call.Transfer(to, BigInteger.valueOf(units)).encode()));
  }

  private String sendTrx(Address to, long sun) {
    return send(payer, new TransferContract(payer.address(), to, sun));
  }

  private static PaymentRequest usdt(String order, Address to, long units) {
    return PaymentRequest.builder().orderId(order).address(to).usdt(TokenAmount.of(units, 6))
        .build();
  }

  private static PaymentRequest trx(String order, Address to, long sun) {
    return PaymentRequest.builder().orderId(order).address(to).trx(sun).build();
  }

  private void solidifyAndTick(PaymentMonitor m) {
    node.mineBlocks(SOLIDITY_DEPTH + 1);
    m.tick();
  }

  @Test
  void exactPayments_usdtAndTrx_areDetectedThenConfirmedOnce() {
    PaymentMonitor m = monitor(listener);
    m.tick();
    Payment u = m.watch(usdt("u", address(1), 12_500_000));
    Payment t = m.watch(trx("t", address(2), 3_000_000));
    sendUsdt(address(1), 12_500_000);
    sendTrx(address(2), 3_000_000);
    node.mineBlock();
    m.tick();
    assertEquals(List.of("payment.detected"), listener.types(t.id()),
        "TRX is seen at the head");
    assertEquals(List.of("payment.detected"), listener.types(u.id()),
        "USDT is seen at the head");
    node.mineBlocks(SOLIDITY_DEPTH - 1);
    m.tick();
    assertEquals(List.of("payment.detected"), listener.types(u.id()),
        "not confirmed before its block is solidified");
    solidifyAndTick(m);
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(u.id()));
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(t.id()));
    assertEquals(TokenAmount.of(12_500_000, 6), m.status(u.id()).orElseThrow().received());
    assertTrue(m.reconcile(u.id()).consistent());
  }

  @Test
  void blockDepthPolicy_confirmsUsdtAndTrxAtDepth_beforeSolidification() {
    PaymentMonitor m = monitor(listener);
    m.tick();
    Payment u = m.watch(usdt("u", address(1), 4_000_000).toBuilder()
        .confirmation(ConfirmationPolicy.blocks(3)).build());
    Payment t = m.watch(trx("t", address(2), 4_000_000).toBuilder()
        .confirmation(ConfirmationPolicy.blocks(3)).build());
    sendUsdt(address(1), 4_000_000);
    sendTrx(address(2), 4_000_000);
    long block = node.mineBlock();
    m.tick();
    assertEquals(List.of("payment.detected"), listener.types(u.id()));
    assertEquals(List.of("payment.detected"), listener.types(t.id()));
    node.mineBlocks(2);
    m.tick();
    assertTrue(node.solidBlockNumber() < block, "the block is not solidified yet");
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(u.id()));
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(t.id()));
  }

  @Test
  void usdtReorgBeforeConfirmation_reverts_thenTheResentTransferIsCreditedOnce() {
    PaymentMonitor m = monitor(listener);
    m.tick();
    Payment p = m.watch(usdt("o", address(1), 2_000_000));
    sendUsdt(address(1), 2_000_000);
    node.mineBlock();
    node.mineBlock();
    m.tick();
    assertEquals(List.of("payment.detected"), listener.types(p.id()));
    node.reorg(2, ReorgMode.DROP_TRANSACTIONS);
    node.mineBlocks(2);
    m.tick();
    assertEquals(List.of("payment.detected", "payment.reverted"), listener.types(p.id()));

    sendUsdt(address(1), 2_000_000);
    node.mineBlock();
    solidifyAndTick(m);
    assertEquals(List.of("payment.detected", "payment.reverted", "payment.detected",
        "payment.confirmed"), listener.types(p.id()));
    assertEquals(TokenAmount.of(2_000_000, 6), m.status(p.id()).orElseThrow().received());
  }

  @Test
  void pollWithoutTheMonitorsHint_stillLearnsTheSolidifiedHead() {
    ChainUpdate first = source.poll(java.util.Optional.empty());
    sendUsdt(address(1), 1_000_000);
    long block = node.mineBlock();
    ChainUpdate seen = source.poll(java.util.Optional.of(first.cursor()));
    assertEquals(1, seen.transfers().size());
    assertTrue(seen.solid() < block, "seen at the head, before solidification");
    node.mineBlocks(SOLIDITY_DEPTH + 1);
    ChainUpdate later = source.poll(java.util.Optional.of(seen.cursor()));
    assertEquals(node.solidBlockNumber(), later.solid());
  }

  @Test
  void adversarialTransfers_creditNothing() {
    PaymentMonitor m = monitor(listener);
    m.tick();
    Payment p = m.watch(usdt("o", address(1), 5_000_000));
    DevToken fake = node.deployToken("Tether USD", "USDT", 6);
    node.injectFakeTokenTransfer(fake, address(1), BigInteger.valueOf(5_000_000));
    node.injectRevertedTransfer(address(1), BigInteger.valueOf(5_000_000));
    node.injectZeroValueTransferFrom(node.accounts().get(3).address(), address(1));
    sendUsdt(address(9), 5_000_000);
    node.mineBlock();
    m.tick();
    solidifyAndTick(m);
    assertEquals(List.of(), listener.allTypes());
    assertEquals(PaymentStatus.PENDING, m.status(p.id()).orElseThrow().status());
    assertEquals(List.of(), m.transfers(p.id()));
  }

  @Test
  void internalTransfer_fromAnotherContract_isCredited() {
    PaymentMonitor m = monitor(listener);
    m.tick();
    Payment p = m.watch(usdt("o", address(1), 7_000_000));
    node.injectInternalTransfer(node.accounts().get(1), address(1), BigInteger.valueOf(7_000_000));
    node.mineBlock();
    solidifyAndTick(m);
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()));
  }

  @Test
  void reorgBeforeConfirmation_reverts_thenTheMovedTransferIsCreditedOnce() {
    PaymentMonitor m = monitor(listener);
    m.tick();
    Payment p = m.watch(trx("o", address(1), 2_000_000));
    sendTrx(address(1), 2_000_000);
    node.mineBlock();
    node.mineBlock();
    m.tick();
    assertEquals(List.of("payment.detected"), listener.types(p.id()));
    node.reorg(2, ReorgMode.DROP_TRANSACTIONS);
    node.mineBlock();
    m.tick();
    assertEquals(List.of("payment.detected", "payment.reverted"), listener.types(p.id()));

    sendTrx(address(1), 2_000_000);
    node.mineBlock();
    solidifyAndTick(m);
    assertEquals(List.of("payment.detected", "payment.reverted", "payment.detected",
        "payment.confirmed"), listener.types(p.id()));
    assertEquals(TokenAmount.of(2_000_000, 6), m.status(p.id()).orElseThrow().received());
  }

  @Test
  void reorgMovingTheTransaction_creditsItOnceAtItsNewBlock() {
    PaymentMonitor m = monitor(listener);
    m.tick();
    Payment p = m.watch(trx("o", address(1), 2_000_000));
    sendTrx(address(1), 2_000_000);
    node.mineBlock();
    node.mineBlock();
    m.tick();
    node.reorg(2, ReorgMode.MOVE_TRANSACTIONS);
    node.mineBlock();
    m.tick();
    solidifyAndTick(m);
    List<String> types = listener.types(p.id());
    assertEquals("payment.confirmed", types.get(types.size() - 1), types.toString());
    assertEquals(TokenAmount.of(2_000_000, 6), m.status(p.id()).orElseThrow().received());
    assertEquals(1, m.transfers(p.id()).size());
  }

  @Test
  void restart_after500BlocksOfPayments_findsEachExactlyOnce() {
    PaymentMonitor first = monitor(listener);
    first.tick();
    List<PaymentRequest> requests = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      requests.add(i % 2 == 0 ? usdt("o" + i, address(100 + i), 1_000 + i)
          : trx("o" + i, address(100 + i), 1_000_000 + i));
    }
    List<Payment> watched = new ArrayList<>(first.watchAll(requests));
    first.close();

    for (int i = 0; i < 500; i++) {
      if (i % 2 == 0) {
        sendUsdt(address(100 + i), 1_000 + i);
      } else {
        sendTrx(address(100 + i), 1_000_000 + i);
      }
      node.mineBlock();
    }
    node.mineBlocks(SOLIDITY_DEPTH + 1);
    PaymentMonitor second = monitor(listener);
    for (int i = 0; i < 5; i++) {
      second.tick();
    }
    for (Payment p : watched) {
      assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()),
          p.request().orderId());
    }
    assertEquals(1000, listener.events.size());
  }

  @Test
  void nodeFaults_produceNoFalseEvent_andTheScanCatchesUpAfterwards() {
    PaymentMonitor m = monitor(listener);
    m.tick();
    Payment p = m.watch(usdt("o", address(1), 5_000_000));
    sendUsdt(address(1), 5_000_000);
    node.mineBlock();
    node.mineBlocks(SOLIDITY_DEPTH + 1);

    node.faults().failNext(3, 503);
    m.tick();
    node.faults().failNext(3, 429);
    m.tick();
    node.faults().delayNext(2, Duration.ofSeconds(2));
    m.tick();
    node.faults().malformedNext(2);
    m.tick();
    assertEquals(List.of(), listener.allTypes());
    MonitorHealth sick = m.health();
    assertTrue(sick.sourceErrors().getOrDefault("server", 0L) >= 1, sick.toString());
    assertTrue(sick.sourceErrors().getOrDefault("rate_limited", 0L) >= 1, sick.toString());

    node.faults().clear();
    m.tick();
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()));
    assertEquals(0, m.health().consecutiveErrors());
  }

  @Test
  void staleNode_reportsNothingNew_untilItMovesAgain() {
    PaymentMonitor m = monitor(listener);
    m.tick();
    Payment p = m.watch(trx("o", address(1), 1_000_000));
    node.faults().staleHead();
    sendTrx(address(1), 1_000_000);
    node.mineBlocks(SOLIDITY_DEPTH + 2);
    m.tick();
    assertEquals(List.of(), listener.allTypes());
    node.faults().resumeHead();
    m.tick();
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()));
  }

  @Test
  void liveScan_costsAtMostTwoNodeRequestsPerBlock() {
    PaymentMonitor m = monitor(listener);
    m.tick();
    m.watch(usdt("o", address(1), 1));
    for (int i = 0; i < 10; i++) {
      sendUsdt(address(50 + i), 1);
      node.mineBlock();
      m.tick();
    }
    long before = source.requestCount();
    int blocks = 60;
    for (int i = 0; i < blocks; i++) {
      sendUsdt(address(50 + i), 1);
      node.mineBlock();
      m.tick();
    }
    long requests = source.requestCount() - before;
    assertTrue(requests <= 2L * blocks, requests + " requests for " + blocks + " blocks");
  }
}

package io.tronpay.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.testkit.BroadcastResult;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import io.tronpay.testkit.DevToken;
import io.tronpay.testkit.ReorgMode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TronGridPollingSource against DevNode's TronGrid {@code /v1} listing and node lookups. */
class TronGridPollingSourceTest {
  private static final int SOLIDITY_DEPTH = 4;

  private DevNode node;
  private TronClient client;
  private MutableClock clock;
  private final Set<Address> watched = new CopyOnWriteArraySet<>();
  private final InMemoryPaymentStore store = new InMemoryPaymentStore();
  private final RecordingListener listener = new RecordingListener();
  private TronGridPollingSource source;
  private PaymentMonitor monitor;
  private DevAccount payer;
  private int memo;

  @BeforeEach
  void start() {
    node = DevNode.builder().seed("trongrid-polling").solidityDepth(SOLIDITY_DEPTH).build();
    String url = node.start();
    client = TronClient.builder().fullNode(url).tronGrid(url).retryPolicy(RetryPolicy.NONE)
        .build();
    node.mineBlocks(SOLIDITY_DEPTH + 2);
    clock = new MutableClock(Instant.ofEpochMilli(node.headBlockTime()));
    payer = node.accounts().get(0);
    source = TronGridPollingSource.builder(client, () -> watched).pageSize(5)
        .overlap(Duration.ofSeconds(30)).build();
    monitor = PaymentMonitor.builder().source(source).store(store).listener(listener)
        .clock(clock).build();
    monitor.tick();
  }

  @AfterEach
  void stop() {
    client.close();
    node.close();
  }

  private Payment watch(String order, Address to, long units) {
    watched.add(to);
    return monitor.watch(PaymentRequest.builder().orderId(order).address(to)
        .usdt(TokenAmount.of(units, 6)).build());
  }

  private String sendUsdt(Address to, long units) {
    Transaction tx = Transaction.of(node.newRawData(new TriggerSmartContract(payer.address(),
        DevNode.MAINNET_USDT, new Trc20Call.Transfer(to, BigInteger.valueOf(units)).encode()))
        .memo("p" + memo++).build()).sign(payer.privateKey());
    BroadcastResult result = node.broadcast(tx);
    assertTrue(result.accepted(), result.code() + " " + result.message());
    return tx.txId();
  }

  private void tick() {
    clock.set(Instant.ofEpochMilli(node.headBlockTime()));
    monitor.tick();
  }

  @Test
  void usdtPayment_isDetectedUnconfirmed_thenConfirmedByTheConfirmedListing() {
    Payment p = watch("o", MonitorFlowTest.address(1), 3_000_000);
    String txId = sendUsdt(MonitorFlowTest.address(1), 3_000_000);
    node.mineBlock();
    tick();
    assertEquals(List.of("payment.detected"), listener.types(p.id()));
    node.mineBlocks(SOLIDITY_DEPTH - 1);
    tick();
    assertEquals(List.of("payment.detected"), listener.types(p.id()),
        "not confirmed before TronGrid lists it as confirmed");
    node.mineBlocks(2);
    tick();
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()));
    assertEquals(List.of(txId), m(p).stream().map(t -> t.transfer().txId()).toList());
  }

  private List<TransferRecord> m(Payment p) {
    return monitor.transfers(p.id());
  }

  @Test
  void manyPartialPayments_acrossPagesAndOverlappingPolls_areEachCreditedOnce() {
    Address to = MonitorFlowTest.address(2);
    Payment p = watch("o", to, 12_000_000);
    for (int i = 0; i < 12; i++) {
      sendUsdt(to, 1_000_000);
      if (i % 3 == 2) {
        node.mineBlock();
        tick();
      }
    }
    for (int i = 0; i < 5; i++) {
      node.mineBlocks(2);
      tick();
    }
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()));
    assertEquals(12, m(p).size());
    assertEquals(node.tokenBalance(node.usdt(), to), store.find(p.id()).orElseThrow()
        .confirmedUnits());
  }

  @Test
  void fakeTokenRevertedAndZeroValueTransfers_creditNothing() {
    Address to = MonitorFlowTest.address(3);
    Payment p = watch("o", to, 5_000_000);
    DevToken fake = node.deployToken("Tether USD", "USDT", 6);
    node.injectFakeTokenTransfer(fake, to, BigInteger.valueOf(5_000_000));
    node.injectRevertedTransfer(to, BigInteger.valueOf(5_000_000));
    node.injectZeroValueTransferFrom(node.accounts().get(3).address(), to);
    node.mineBlock();
    tick();
    node.mineBlocks(SOLIDITY_DEPTH + 1);
    tick();
    assertEquals(List.of(), listener.allTypes());
    assertEquals(PaymentStatus.PENDING, store.find(p.id()).orElseThrow().status());
  }

  @Test
  void reorgBeforeConfirmation_reverts_thenTheResentPaymentIsCredited() {
    Address to = MonitorFlowTest.address(4);
    Payment p = watch("o", to, 2_000_000);
    sendUsdt(to, 2_000_000);
    node.mineBlock();
    node.mineBlock();
    tick();
    assertEquals(List.of("payment.detected"), listener.types(p.id()));
    node.reorg(2, ReorgMode.DROP_TRANSACTIONS);
    node.mineBlocks(2);
    tick();
    assertEquals(List.of("payment.detected", "payment.reverted"), listener.types(p.id()));
    sendUsdt(to, 2_000_000);
    node.mineBlock();
    tick();
    node.mineBlocks(SOLIDITY_DEPTH + 1);
    tick();
    assertEquals(List.of("payment.detected", "payment.reverted", "payment.detected",
        "payment.confirmed"), listener.types(p.id()));
  }

  @Test
  void trxAsset_isRefusedWithANamedFault() {
    InvalidPaymentRequestException e = assertThrows(InvalidPaymentRequestException.class,
        () -> TronGridPollingSource.builder(client, () -> watched).assets(Asset.TRX));
    assertTrue(e.getMessage().contains("TRC20"), e.getMessage());
  }
}

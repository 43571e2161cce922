package io.tronpay.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.monitor.jdbc.JdbcPaymentStore;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second instance on the same database stands by while another holds the scanner lease: it
 * reads nothing from the node, yet delivers the events the scanner stored.
 */
class StandbyInstanceTest {
  private static final int SOLIDITY_DEPTH = 3;

  private DevNode node;
  private JdbcDataSource database;
  private MutableClock clock;
  private TronClient scannerClient;
  private TronClient standbyClient;

  @BeforeEach
  void start() {
    node = DevNode.builder().seed("monitor-standby").solidityDepth(SOLIDITY_DEPTH).build();
    String url = node.start();
    node.mineBlocks(SOLIDITY_DEPTH + 2);
    scannerClient = TronClient.builder().fullNode(url).retryPolicy(RetryPolicy.NONE).build();
    standbyClient = TronClient.builder().fullNode(url).retryPolicy(RetryPolicy.NONE).build();
    database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:standby-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    clock = new MutableClock(Instant.ofEpochMilli(node.headBlockTime()));
  }

  @AfterEach
  void stop() {
    scannerClient.close();
    standbyClient.close();
    node.close();
  }

  private JdbcPaymentStore store(String instanceId) {
    JdbcPaymentStore store = JdbcPaymentStore.builder(database).instanceId(instanceId)
        .scannerLease(Duration.ofSeconds(30)).clock(clock).build();
    store.migrate();
    return store;
  }

  @Test
  void standby_readsNothingFromTheNode_andDeliversTheScannersEvents() {
    RecordingListener scannerEvents = new RecordingListener();
    RecordingListener standbyEvents = new RecordingListener();
    BlockScanSource scannerSource = BlockScanSource.builder(scannerClient)
        .assets(Asset.TRX, Asset.USDT).build();
    BlockScanSource standbySource = BlockScanSource.builder(standbyClient)
        .assets(Asset.TRX, Asset.USDT).build();
    JdbcPaymentStore scannerStore = store("scanner");
    JdbcPaymentStore standbyStore = store("standby");
    // The scanner only scans here (never a whole round), so every delivery is the standby's.
    PaymentMonitor scanner = PaymentMonitor.builder().source(scannerSource)
        .store(scannerStore).listener(scannerEvents).clock(clock).build();
    PaymentMonitor standby = PaymentMonitor.builder().source(standbySource)
        .store(standbyStore).listener(standbyEvents).clock(clock).build();

    scanner.scanOnce();
    assertTrue(scannerStore.mayScan());
    assertFalse(standbyStore.mayScan(), "the scanner holds the lease");

    Address deposit = MonitorFlowTest.address(7);
    Payment payment = standby.watch(PaymentRequest.builder().orderId("standby-1")
        .address(deposit).usdt(TokenAmount.of(4_000_000, 6)).build());
    DevAccount payer = node.accounts().get(0);
    node.broadcast(Transaction.of(node.newRawData(new TriggerSmartContract(payer.address(),
        DevNode.MAINNET_USDT, new Trc20Call.Transfer(deposit, BigInteger.valueOf(4_000_000))
            .encode())).build()).sign(payer.privateKey()));
    node.mineBlocks(SOLIDITY_DEPTH + 2);
    while (!scanner.scanOnce()) {
      // catch up
    }

    long standbyRequestsBefore = standbySource.requestCount();
    standby.tick();
    assertEquals(standbyRequestsBefore, standbySource.requestCount(),
        "a standby asks the node nothing");
    assertEquals(List.of("payment.detected", "payment.confirmed"),
        standbyEvents.types(payment.id()), "the standby delivered the scanner's events");
    assertEquals(List.of(), scannerEvents.types(payment.id()));

    // The scanner's lease runs out without renewal: the standby takes over the scan.
    clock.advance(Duration.ofSeconds(31));
    assertTrue(standbyStore.mayScan());
    standby.tick();
    assertTrue(standbySource.requestCount() > standbyRequestsBefore, "the standby now scans");
    assertFalse(scannerStore.mayScan());
  }
}

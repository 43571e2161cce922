package io.tronpay.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import io.tronpay.testkit.ReorgMode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded random run against DevNode: payments of every shape, reorgs, node faults and a flaky
 * listener over 1,200 blocks, then the invariants are checked against the node's ledger.
 */
class SimulationTest {
  private static final int SOLIDITY_DEPTH = 6;
  private static final int BLOCKS = 1200;
  private static final int REQUESTS = 80;

  /** Fails now and then, by the seeded random; records every delivery it accepts. */
  private static final class FlakyListener extends PaymentListener {
    final Random random;
    final List<PaymentEvent> delivered = new ArrayList<>();

    FlakyListener(Random random) {
      this.random = random;
    }

    @Override
    public void onEvent(PaymentEvent event) {
      if (random.nextInt(10) == 0) {
        throw new IllegalStateException("flaky host");
      }
      delivered.add(event);
    }
  }

  @Test
  void randomRun_creditsMatchTheLedger_andEveryStateChangeIsOneEvent() {
    Random random = new Random(20261123L);
    try (DevNode node = DevNode.builder().seed("monitor-simulation")
        .solidityDepth(SOLIDITY_DEPTH).build()) {
      String url = node.start();
      node.mineBlocks(SOLIDITY_DEPTH + 2);
      try (TronClient client = TronClient.builder().fullNode(url).retryPolicy(RetryPolicy.NONE)
          .build()) {
        run(random, node, client);
      }
    }
  }

  private void run(Random random, DevNode node, TronClient client) {
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(node.headBlockTime()));
    FlakyListener listener = new FlakyListener(random);
    InMemoryPaymentStore store = new InMemoryPaymentStore();
    PaymentMonitor monitor = PaymentMonitor.builder()
        .source(BlockScanSource.builder(client).assets(Asset.TRX, Asset.USDT).build())
        .store(store).listener(listener).clock(clock)
        .deliveryPolicy(new DeliveryPolicy(1000, Duration.ofSeconds(1), Duration.ofSeconds(3)))
        .retention(Duration.ofDays(30)).build();
    monitor.tick();

    List<Payment> watched = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      PaymentRequest.Builder b = PaymentRequest.builder().orderId("sim-" + i)
          .address(MonitorFlowTest.address(5000 + i));
      if (i % 2 == 0) {
        b.amount(Asset.USDT, BigInteger.valueOf(1_000_000L * (1 + random.nextInt(50))));
      } else {
        b.trx(1_000_000L * (1 + random.nextInt(50)));
      }
      // A quarter expire within the run, so expiry, underpayment and late payment happen too.
      b.expiresIn(i % 4 == 0 ? Duration.ofSeconds(3L * (100 + random.nextInt(900)))
          : Duration.ofDays(1));
      watched.add(monitor.watch(b.build()));
    }

    int memo = 0;
    for (int step = 0; step < BLOCKS; step++) {
      int payments = random.nextInt(10) < 3 ? 1 + random.nextInt(3) : 0;
      for (int k = 0; k < payments; k++) {
        Payment target = watched.get(random.nextInt(watched.size()));
        BigInteger expected = target.request().expectedUnits();
        BigInteger amount;
        switch (random.nextInt(4)) {
          case 0:
            amount = expected;
            break;
          case 1:
            amount = expected.divide(BigInteger.valueOf(3)).add(BigInteger.ONE);
            break;
          case 2:
            amount = expected.add(BigInteger.valueOf(1 + random.nextInt(1000)));
            break;
          default:
            amount = BigInteger.valueOf(1 + random.nextInt(5_000_000));
        }
        DevAccount payer = node.accounts().get(random.nextInt(node.accounts().size()));
        Address to = target.request().address();
        Contract contract = target.request().asset().isTrx()
            ? new TransferContract(payer.address(), to, amount.longValueExact())
            : new TriggerSmartContract(payer.address(), DevNode.MAINNET_USDT,
                new Trc20Call.Transfer(to, amount).encode());
        node.broadcast(Transaction.of(node.newRawData(contract).memo("s" + memo++).build())
            .sign(payer.privateKey()));
      }
      node.mineBlock();
      int dice = random.nextInt(100);
      long unsolid = node.headBlockNumber() - node.solidBlockNumber();
      if (dice < 2 && unsolid >= 2) {
        node.reorg(1 + random.nextInt((int) Math.min(unsolid - 1, 4)),
            random.nextBoolean() ? ReorgMode.DROP_TRANSACTIONS : ReorgMode.MOVE_TRANSACTIONS);
      } else if (dice < 5) {
        node.faults().failNext(1 + random.nextInt(3), random.nextBoolean() ? 429 : 503);
      }
      clock.set(Instant.ofEpochMilli(node.headBlockTime()));
      if (random.nextInt(4) == 0) {
        monitor.tick();
      }
    }

    node.faults().clear();
    node.mineBlocks(SOLIDITY_DEPTH + 2);
    for (int i = 0; i < 200 && (store.stats().outboxPending() > 0 || i < 3); i++) {
      clock.set(Instant.ofEpochMilli(node.headBlockTime()).plusSeconds(10L * (i + 1)));
      monitor.tick();
    }
    assertEquals(0, store.stats().outboxPending());
    assertEquals(0, store.stats().deadLetters());

    Map<String, List<PaymentEvent>> byPayment = new HashMap<>();
    Map<String, PaymentEvent> unique = new LinkedHashMap<>();
    for (PaymentEvent e : listener.delivered) {
      unique.putIfAbsent(e.eventId(), e);
    }
    for (PaymentEvent e : unique.values()) {
      if (e.paymentId() != null) {
        byPayment.computeIfAbsent(e.paymentId(), k -> new ArrayList<>()).add(e);
      }
    }
    int credited = 0;
    for (Payment p : watched) {
      Payment now = store.find(p.id()).orElseThrow();
      BigInteger ledger = p.request().asset().isTrx()
          ? BigInteger.valueOf(node.balance(p.request().address()))
          : node.tokenBalance(node.usdt(), p.request().address());
      assertEquals(ledger, now.confirmedUnits(), p.request().orderId());
      assertEquals(BigInteger.ZERO, now.unconfirmedUnits(), p.request().orderId());
      credited += ledger.signum();

      PaymentStatus status = PaymentStatus.PENDING;
      for (PaymentEvent e : byPayment.getOrDefault(p.id(), List.of())) {
        boolean repeat = e.status() == status
            && (status == PaymentStatus.OVERPAID || status == PaymentStatus.LATE);
        assertTrue(repeat || status.canMoveTo(e.status()),
            p.request().orderId() + ": " + status + " -> " + e.status());
        status = e.status();
      }
      assertEquals(now.status(), status, p.request().orderId());
    }
    assertTrue(credited > REQUESTS / 2, "the run should pay most requests, paid " + credited);
  }
}

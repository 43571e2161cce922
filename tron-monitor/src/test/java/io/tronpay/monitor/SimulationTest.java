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
 * Seeded random runs: payments of every shape, reorgs, source faults and a flaky listener, then
 * the invariants are checked against the chain's own ledger: every request is credited exactly
 * the transfers to its address, and every state change is delivered as exactly one event id.
 *
 * <p>The bulk run uses {@link FakeChain}, an in-test chain source, for 20,000 blocks; a shorter
 * run goes through DevNode over HTTP and {@link BlockScanSource}, so the scan's own reorg and
 * fault handling are held to the same invariants.
 */
class SimulationTest {
  private static final int SOLIDITY_DEPTH = 6;
  private static final int DEVNODE_BLOCKS = 600;
  private static final int FAKE_BLOCKS = 20_000;
  private static final int REQUESTS = 80;

  /** The chain a run drives: the test pays into it, mines, forks and breaks it. */
  private interface SimChain {
    ChainSource source();

    void pay(PaymentRequest target, BigInteger amount, Random random);

    void mine();

    long unsolidified();

    void reorg(int depth, boolean moveTransactions);

    void fail(int count, Random random);

    void clearFaults();

    long headTime();

    void settle();

    BigInteger ledger(PaymentRequest request);
  }

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
  void randomRunOnDevNode_creditsMatchTheLedger_andEveryStateChangeIsOneEvent() {
    Random random = new Random(20261123L);
    try (DevNode node = DevNode.builder().seed("monitor-simulation")
        .solidityDepth(SOLIDITY_DEPTH).build()) {
      String url = node.start();
      node.mineBlocks(SOLIDITY_DEPTH + 2);
      try (TronClient client = TronClient.builder().fullNode(url).retryPolicy(RetryPolicy.NONE)
          .build()) {
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(node.headBlockTime()));
        run(random, clock, new DevNodeChain(node, client), DEVNODE_BLOCKS);
      }
    }
  }

  @Test
  void thousandsOfBlocksOnAnInTestChain_creditsMatchTheLedger_andEveryStateChangeIsOneEvent() {
    Random random = new Random(7_654_321L);
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    FakeSimChain chain = new FakeSimChain(new FakeChain(clock, SOLIDITY_DEPTH));
    run(random, clock, chain, FAKE_BLOCKS);
    assertTrue(chain.reorgs > 100, "the run should fork often, forked " + chain.reorgs);
  }

  /** DevNode over HTTP, read by the real block scan. */
  private static final class DevNodeChain implements SimChain {
    final DevNode node;
    final ChainSource source;
    int memo;

    DevNodeChain(DevNode node, TronClient client) {
      this.node = node;
      this.source = BlockScanSource.builder(client).assets(Asset.TRX, Asset.USDT).build();
    }

    @Override
    public ChainSource source() {
      return source;
    }

    @Override
    public void pay(PaymentRequest target, BigInteger amount, Random random) {
      DevAccount payer = node.accounts().get(random.nextInt(node.accounts().size()));
      Address to = target.address();
      Contract contract = target.asset().isTrx()
          ? new TransferContract(payer.address(), to, amount.longValueExact())
          : new TriggerSmartContract(payer.address(), DevNode.MAINNET_USDT,
              new Trc20Call.Transfer(to, amount).encode());
      node.broadcast(Transaction.of(node.newRawData(contract).memo("s" + memo++).build())
          .sign(payer.privateKey()));
    }

    @Override
    public void mine() {
      node.mineBlock();
    }

    @Override
    public long unsolidified() {
      return node.headBlockNumber() - node.solidBlockNumber();
    }

    @Override
    public void reorg(int depth, boolean moveTransactions) {
      node.reorg(depth, moveTransactions ? ReorgMode.MOVE_TRANSACTIONS
          : ReorgMode.DROP_TRANSACTIONS);
    }

    @Override
    public void fail(int count, Random random) {
      node.faults().failNext(count, random.nextBoolean() ? 429 : 503);
    }

    @Override
    public void clearFaults() {
      node.faults().clear();
    }

    @Override
    public long headTime() {
      return node.headBlockTime();
    }

    @Override
    public void settle() {
      node.mineBlocks(SOLIDITY_DEPTH + 2);
    }

    @Override
    public BigInteger ledger(PaymentRequest request) {
      return request.asset().isTrx() ? BigInteger.valueOf(node.balance(request.address()))
          : node.tokenBalance(node.usdt(), request.address());
    }
  }

  /** FakeChain: ready-made transfers, no HTTP, so a run can be long. */
  private static final class FakeSimChain implements SimChain {
    final FakeChain chain;
    final List<FakeChain.Pay> pending = new ArrayList<>();
    int reorgs;
    long latestTime;

    FakeSimChain(FakeChain chain) {
      this.chain = chain;
    }

    @Override
    public ChainSource source() {
      return chain;
    }

    @Override
    public void pay(PaymentRequest target, BigInteger amount, Random random) {
      pending.add(new FakeChain.Pay(target.asset(), target.address(), amount.longValueExact()));
    }

    @Override
    public void mine() {
      chain.mine(pending.toArray(new FakeChain.Pay[0]));
      pending.clear();
    }

    @Override
    public long unsolidified() {
      return Math.min(chain.head(), SOLIDITY_DEPTH);
    }

    @Override
    public void reorg(int depth, boolean moveTransactions) {
      reorgs++;
      if (moveTransactions) {
        // The dropped transactions come back in the next block, with the same ids.
        for (long n = chain.head() - depth + 1; n <= chain.head(); n++) {
          for (Transfer t : chain.transfersIn(n)) {
            pending.add(new FakeChain.Pay(t.asset(), t.to(), t.units().longValueExact(),
                t.txId()));
          }
        }
      }
      chain.reorg(depth);
    }

    @Override
    public void fail(int count, Random random) {
      chain.failNext(count);
    }

    @Override
    public void clearFaults() {
      chain.failNext(0);
    }

    @Override
    public long headTime() {
      // FakeChain stamps a block with the clock's time; keep the clock moving forward past a
      // fork, as a real chain's time does.
      latestTime = Math.max(latestTime, chain.headTimestamp() + 3000);
      return latestTime;
    }

    @Override
    public void settle() {
      mine();
      chain.mineEmpty(SOLIDITY_DEPTH + 1);
    }

    @Override
    public BigInteger ledger(PaymentRequest request) {
      BigInteger sum = BigInteger.ZERO;
      for (long n = 0; n <= chain.head(); n++) {
        for (Transfer t : chain.transfersIn(n)) {
          if (t.to().equals(request.address()) && t.asset().equals(request.asset())) {
            sum = sum.add(t.units());
          }
        }
      }
      return sum;
    }
  }

  private void run(Random random, MutableClock clock, SimChain chain, int blocks) {
    FlakyListener listener = new FlakyListener(random);
    InMemoryPaymentStore store = new InMemoryPaymentStore();
    PaymentMonitor monitor = PaymentMonitor.builder()
        .source(chain.source())
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
      b.expiresIn(i % 4 == 0 ? Duration.ofSeconds(3L * (blocks / 12 + random.nextInt(blocks * 3
          / 4))) : Duration.ofDays(1));
      watched.add(monitor.watch(b.build()));
    }

    for (int step = 0; step < blocks; step++) {
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
        chain.pay(target.request(), amount, random);
      }
      chain.mine();
      int dice = random.nextInt(100);
      long unsolid = chain.unsolidified();
      if (dice < 2 && unsolid >= 2) {
        chain.reorg(1 + random.nextInt((int) Math.min(unsolid - 1, 4)), random.nextBoolean());
      } else if (dice < 5) {
        chain.fail(1 + random.nextInt(3), random);
      }
      clock.set(Instant.ofEpochMilli(chain.headTime()));
      if (random.nextInt(4) == 0) {
        monitor.tick();
      }
    }

    chain.clearFaults();
    chain.settle();
    for (int i = 0; i < 200 && (store.stats().outboxPending() > 0 || i < 3); i++) {
      clock.set(Instant.ofEpochMilli(chain.headTime()).plusSeconds(10L * (i + 1)));
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
      BigInteger ledger = chain.ledger(p.request());
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

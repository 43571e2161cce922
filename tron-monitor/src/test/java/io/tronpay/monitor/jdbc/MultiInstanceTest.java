package io.tronpay.monitor.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.checks.jdbc.SmallPool;
import io.tronpay.checks.jdbc.TestDatabases;
import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.BlockScanSource;
import io.tronpay.monitor.EventType;
import io.tronpay.monitor.OutboxEntry;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentListener;
import io.tronpay.monitor.PaymentMonitor;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.PaymentStore;
import io.tronpay.monitor.ScanCursor;
import io.tronpay.monitor.StaleStateException;
import io.tronpay.monitor.StoreBatch;
import io.tronpay.monitor.StoreStats;
import io.tronpay.monitor.Transfer;
import io.tronpay.monitor.TransferRecord;
import io.tronpay.testkit.BroadcastResult;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import io.tronpay.testkit.DevToken;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two and three monitor instances over one database and one DevNode, each with its own store
 * object, instance id, node client and block scan, under a fixed-seed schedule of faults:
 *
 * <ul>
 *   <li>an instance is killed (never called again, its store dropped without cleanup) at a chosen
 *       moment: between rounds, before its chain step is written, right after the step
 *       committed, right after it claimed outbox events, or after a listener got an event but
 *       before the acknowledgement; a new instance with a new id takes its place;
 *   <li>the scanner is paused inside a chain step until its 2 s lease expired and another
 *       instance took the scan over; its late write must then be refused by the lease token;
 *   <li>the same pause, but the instance that took over dies too, so the late writer finds the
 *       lease free again: its step was still read under the token it lost, so the store takes
 *       the lease for it but refuses the step, and its next round reads again.
 * </ul>
 *
 * <p>Instances run their rounds concurrently, driven by the test instead of a timer; the lease
 * clock and the monitors' clock are moved by hand and DevNode mines on demand, so nothing sleeps.
 * At the end, what the instances stored is checked against DevNode's ledger and what the
 * listeners received against the database's audit log.
 */
class MultiInstanceTest {
  private static final int SOLIDITY_DEPTH = 4;
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration BLOCK_TIME = Duration.ofSeconds(3);
  private static final int PAYMENTS = 60;
  private static final long SEED = 20_260_101L;
  private static final int KILLS = 6;
  private static final int FENCED_PAUSES = 3;
  private static final int TAKER_DIES_PAUSES = 2;

  @Test
  void h2_twoInstances_creditEachPaymentOnce_andDeliverEveryEventWithOneId() throws Exception {
    try (Scenario s = new Scenario(TestDatabases.h2(), 2, SEED)) {
      s.run();
    }
  }

  @Test
  void h2_threeInstances_creditEachPaymentOnce_andDeliverEveryEventWithOneId() throws Exception {
    try (Scenario s = new Scenario(TestDatabases.h2(), 3, SEED + 1)) {
      s.run();
    }
  }

  @Test
  void postgres_twoInstances_creditEachPaymentOnce_andDeliverEveryEventWithOneId()
      throws Exception {
    try (Scenario s = new Scenario(new SmallPool(TestDatabases.postgres()), 2, SEED)) {
      s.run();
    }
  }

  @Test
  void postgres_threeInstances_creditEachPaymentOnce_andDeliverEveryEventWithOneId()
      throws Exception {
    try (Scenario s = new Scenario(new SmallPool(TestDatabases.postgres()), 3,
        SEED + 1)) {
      s.run();
    }
  }

  /** Where an armed instance dies. */
  private enum KillPoint {
    /** Between two rounds: it simply never runs again. */
    BETWEEN_ROUNDS,
    /** Its chain step is computed but never written. */
    BEFORE_STEP_WRITE,
    /** Its chain step committed; it dies before delivering anything. */
    AFTER_STEP_COMMIT,
    /** It claimed outbox events and dies holding the claims. */
    AFTER_CLAIM,
    /** A listener got an event, the acknowledgement never happened. */
    BEFORE_ACK
  }

  /** What a paused chain step met when it was let go. */
  private enum LateOutcome {
    FENCED_BY_LEASE,
    REFUSED_BY_VERSION,
    WRITTEN
  }

  /** Thrown by a store wrapper to end its instance abruptly, past the monitor's error handling. */
  private static final class Killed extends Error {
    private static final long serialVersionUID = 1L;

    Killed(String instance, KillPoint point) {
      super("instance " + instance + " killed at " + point, null, false, false);
    }
  }

  /** A clock the test moves by hand, shared by instances like a synchronised wall clock. */
  private static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant start) {
      now = start;
    }

    synchronized void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /**
   * The host executor a monitor is started on: it keeps the monitor's loop instead of timing
   * it, so the test runs one round whenever it wants.
   */
  private static final class ManualLoop extends ScheduledThreadPoolExecutor {
    private volatile Runnable round;

    ManualLoop() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay,
        long delay, TimeUnit unit) {
      round = command;
      return schedule(() -> { }, 1, TimeUnit.DAYS);
    }

    void runRound() {
      round.run();
    }
  }

  /** A paused chain step: the step waits in {@code apply} until released. */
  private static final class Pause {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile LateOutcome outcome;
  }

  /**
   * The instance's view of the shared store: passes every call to its own
   * {@link JdbcPaymentStore} and, when armed, pauses a chain step or kills the instance at one
   * point.
   */
  private static final class InstanceStore implements PaymentStore {
    final String instance;
    final JdbcPaymentStore jdbc;
    volatile KillPoint armed;
    int armedRounds;
    volatile KillPoint fired;
    volatile Pause pause;

    InstanceStore(String instance, JdbcPaymentStore jdbc) {
      this.instance = instance;
      this.jdbc = jdbc;
    }

    private void die(KillPoint point) {
      armed = null;
      fired = point;
      throw new Killed(instance, point);
    }

    @Override
    public void apply(StoreBatch batch) {
      boolean chainStep = batch.cursor() != null;
      Pause p = chainStep ? pause : null;
      if (p != null) {
        pause = null;
        p.entered.countDown();
        try {
          if (!p.release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the paused step was never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      if (chainStep && armed == KillPoint.BEFORE_STEP_WRITE) {
        die(KillPoint.BEFORE_STEP_WRITE);
      }
      try {
        jdbc.apply(batch);
      } catch (ScannerLeaseLostException e) {
        if (p != null) {
          p.outcome = LateOutcome.FENCED_BY_LEASE;
        }
        throw e;
      } catch (StaleStateException e) {
        if (p != null) {
          p.outcome = LateOutcome.REFUSED_BY_VERSION;
        }
        throw e;
      }
      if (p != null) {
        p.outcome = LateOutcome.WRITTEN;
      }
      if (chainStep && armed == KillPoint.AFTER_STEP_COMMIT) {
        die(KillPoint.AFTER_STEP_COMMIT);
      }
    }

    @Override
    public List<OutboxEntry> claim(Instant now, Instant leaseUntil, int max) {
      List<OutboxEntry> claimed = jdbc.claim(now, leaseUntil, max);
      if (!claimed.isEmpty() && armed == KillPoint.AFTER_CLAIM) {
        die(KillPoint.AFTER_CLAIM);
      }
      return claimed;
    }

    @Override
    public void ack(String eventId) {
      if (armed == KillPoint.BEFORE_ACK) {
        die(KillPoint.BEFORE_ACK);
      }
      jdbc.ack(eventId);
    }

    @Override
    public void insert(List<Payment> payments) {
      jdbc.insert(payments);
    }

    @Override
    public Optional<Payment> find(String id) {
      return jdbc.find(id);
    }

    @Override
    public Optional<Payment> findByOrderId(String orderId) {
      return jdbc.findByOrderId(orderId);
    }

    @Override
    public Map<Address, List<Payment>> findByAddresses(Collection<Address> addresses) {
      return jdbc.findByAddresses(addresses);
    }

    @Override
    public Map<Transfer.Key, TransferRecord> findTransfers(Collection<Transfer.Key> keys) {
      return jdbc.findTransfers(keys);
    }

    @Override
    public List<TransferRecord> transfersOf(String paymentId) {
      return jdbc.transfersOf(paymentId);
    }

    @Override
    public List<TransferRecord> unconfirmedTransfers() {
      return jdbc.unconfirmedTransfers();
    }

    @Override
    public List<Payment> findExpired(Instant cutoff, int limit) {
      return jdbc.findExpired(cutoff, limit);
    }

    @Override
    public long openCount() {
      return jdbc.openCount();
    }

    @Override
    public Optional<ScanCursor> cursor() {
      return jdbc.cursor();
    }

    @Override
    public void retryLater(String eventId, int attempts, Instant notBefore) {
      jdbc.retryLater(eventId, attempts, notBefore);
    }

    @Override
    public void deadLetter(String eventId) {
      jdbc.deadLetter(eventId);
    }

    @Override
    public int purgeFinished(Instant finishedBefore) {
      return jdbc.purgeFinished(finishedBefore);
    }

    @Override
    public StoreStats stats() {
      return jdbc.stats();
    }
  }

  /** One delivery a listener saw, and which instance made it. */
  private record Delivery(String instance, PaymentEvent event) {}

  /** A payment the scenario watches, and what it sends to it. */
  private record Plan(PaymentRequest request, String kind) {}

  /** One transaction the scenario sends to a watched address. */
  private record Send(Plan plan, BigInteger units, String how) {}

  /** What one transfer's logical event is, whatever id it was given. */
  private record LogicalEvent(String paymentId, EventType type, String txId, int logIndex) {}

  /** One monitor instance. */
  private static final class Instance {
    final String id;
    final InstanceStore store;
    final TronClient client;
    final ManualLoop loop = new ManualLoop();
    final PaymentMonitor monitor;

    Instance(String id, Scenario s) {
      this.id = id;
      JdbcPaymentStore jdbc = JdbcPaymentStore.builder(s.dataSource).tablePrefix(s.prefix)
          .instanceId(id).scannerLease(LEASE).clock(s.leaseClock).build();
      this.store = new InstanceStore(id, jdbc);
      this.client = TronClient.builder().fullNode(s.url).retryPolicy(RetryPolicy.NONE)
          .readTimeout(Duration.ofSeconds(10)).build();
      BlockScanSource source = BlockScanSource.builder(client).assets(Asset.TRX, Asset.USDT)
          .build();
      PaymentListener recorder = new PaymentListener() {
        @Override
        public void onEvent(PaymentEvent event) {
          s.deliveries.add(new Delivery(id, event));
        }
      };
      this.monitor = PaymentMonitor.builder().source(source).store(store).listener(recorder)
          .clock(s.monitorClock).executor(loop).build();
      monitor.start();
    }

    void runRound() {
      loop.runRound();
    }
  }

  /** One run: a DevNode, a database, a schedule and the instances. */
  private static final class Scenario implements AutoCloseable {
    final DataSource dataSource;
    final int size;
    final Random random;
    final String prefix = TestDatabases.uniquePrefix("t");
    final DevNode node;
    final String url;
    final HandClock monitorClock;
    final HandClock leaseClock = new HandClock(Instant.parse("2026-06-01T00:00:00Z"));
    final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    final List<Instance> live = new ArrayList<>();
    final List<Instance> everyInstance = new ArrayList<>();
    final ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "monitor-instance");
      t.setDaemon(true);
      return t;
    });
    final List<Plan> plans = new ArrayList<>();
    final Deque<Send> sends = new ArrayDeque<>();
    final Set<String> creditableTxIds = new HashSet<>();
    final Set<String> unmatchedTxIds = new HashSet<>();
    final Map<KillPoint, Integer> kills = new EnumMap<>(KillPoint.class);
    final Map<LateOutcome, Integer> lateSteps = new EnumMap<>(LateOutcome.class);
    final DevToken fakeUsdt;
    final List<DevAccount> payers;
    final Deque<KillPoint> pendingKills = new ArrayDeque<>();
    final Deque<KillPoint> killOrder = new ArrayDeque<>();
    final Deque<String> faultPlan = new ArrayDeque<>();
    int roundNumber;
    int pendingPauses;
    int pendingTakerDiesPauses;
    int instanceCounter;
    int memo;

    Scenario(DataSource dataSource, int size, long seed) {
      this.dataSource = dataSource;
      this.size = size;
      this.random = new Random(seed);
      this.node = DevNode.builder().seed("multi-instance-" + seed)
          .solidityDepth(SOLIDITY_DEPTH).build();
      this.url = node.start();
      node.mineBlocks(SOLIDITY_DEPTH + 2);
      this.monitorClock = new HandClock(Instant.ofEpochMilli(node.headBlockTime()));
      this.fakeUsdt = node.deployToken("Tether USD", "USDT", 6);
      this.payers = node.accounts().subList(0, 3);
      JdbcPaymentStore.builder(dataSource).tablePrefix(prefix).build().migrate();
    }

    void run() throws Exception {
      for (int i = 0; i < size; i++) {
        startInstance();
      }
      tickAll();
      watchPayments();
      int rounds = 0;
      while (!sends.isEmpty() || !faultPlan.isEmpty() || !pendingKills.isEmpty()
          || anyArmed()) {
        round(true);
        rounds++;
      }
      // Let what was sent become solid; pauses still pending happen here or below.
      for (int i = 0; i < SOLIDITY_DEPTH + 2; i++) {
        round(true);
        rounds++;
      }
      // Claims held by killed instances return after the monitor's 5 min delivery lease, and
      // the scanner lease of a dead holder lapses.
      monitorClock.advance(Duration.ofMinutes(6));
      leaseClock.advance(LEASE);
      int quiet = 0;
      while (!settled() || pendingPauses + pendingTakerDiesPauses > 0) {
        assertTrue(quiet < 40, "the instances did not settle after " + quiet
            + " quiet rounds: " + summary());
        round(false);
        quiet++;
      }
      verify(rounds);
    }

    // ---------------------------------------------------------------- schedule

    private void watchPayments() {
      List<PaymentRequest> batch = new ArrayList<>();
      for (int i = 0; i < PAYMENTS; i++) {
        Address to = freshAddress();
        boolean usdt = i % 2 == 0;
        long base = usdt ? 1_000_000 + 1_000L * i : 2_000_000 + 1_000L * i;
        PaymentRequest.Builder b = PaymentRequest.builder().orderId("order-" + i).address(to);
        PaymentRequest request = usdt ? b.usdt(TokenAmount.of(base, 6)).build()
            : b.trx(base).build();
        String kind = switch (i % 5) {
          case 0, 1 -> "exact";
          case 2, 3 -> "two parts";
          default -> usdt ? "fake token" : "wrong asset";
        };
        Plan plan = new Plan(request, kind);
        plans.add(plan);
        batch.add(request);
      }
      // Requests reach the database through different instances, in three batches.
      for (int from = 0; from < PAYMENTS; from += PAYMENTS / 3) {
        live.get(random.nextInt(live.size())).monitor.watchAll(
            batch.subList(from, Math.min(PAYMENTS, from + PAYMENTS / 3)));
      }
      List<Send> all = new ArrayList<>();
      for (Plan plan : plans) {
        BigInteger expected = plan.request().expectedUnits();
        switch (plan.kind()) {
          case "exact" -> all.add(new Send(plan, expected, "real"));
          case "two parts" -> {
            BigInteger first = expected.divide(BigInteger.valueOf(3));
            all.add(new Send(plan, first, "real"));
            all.add(new Send(plan, expected.subtract(first), "real"));
          }
          case "fake token" -> all.add(new Send(plan, expected, "fake"));
          default -> all.add(new Send(plan, expected, "usdt to a trx request"));
        }
      }
      Collections.shuffle(all, random);
      sends.addAll(all);
      List<String> faults = new ArrayList<>();
      faults.addAll(Collections.nCopies(KILLS, "kill"));
      faults.addAll(Collections.nCopies(FENCED_PAUSES, "pause"));
      faults.addAll(Collections.nCopies(TAKER_DIES_PAUSES, "pause, taker dies"));
      Collections.shuffle(faults, random);
      faultPlan.addAll(faults);
    }

    /**
     * One block, perhaps with payments in it; perhaps a new fault; then every instance runs.
     *
     * @param newFaults whether this round may schedule a kill or a pause (pauses scheduled
     *     earlier still happen)
     */
    private void round(boolean newFaults) throws Exception {
      roundNumber++;
      int count = sends.isEmpty() ? 0 : random.nextInt(7);
      for (int i = 0; i < count && !sends.isEmpty(); i++) {
        send(sends.poll());
      }
      node.mineBlock();
      monitorClock.advance(BLOCK_TIME);
      // Less than the lease, so a live holder keeps it; a dead one's lapses in a few rounds.
      leaseClock.advance(Duration.ofMillis(random.nextInt(900)));
      int target = random.nextInt(size);
      // From the third round on, each round takes the next fault of the shuffled plan.
      if (newFaults && roundNumber > 2 && !faultPlan.isEmpty()) {
        switch (faultPlan.poll()) {
          case "kill" -> pendingKills.add(nextKillPoint());
          case "pause" -> pendingPauses++;
          default -> pendingTakerDiesPauses++;
        }
      }
      boolean armed = anyArmed();
      if (!armed && newFaults && !pendingKills.isEmpty()) {
        armed = arm(pendingKills.peek(), target);
        if (armed) {
          pendingKills.poll();
        }
      }
      if (!armed) {
        if (pendingPauses > 0 && pause(false)) {
          pendingPauses--;
        } else if (pendingTakerDiesPauses > 0 && pause(true)) {
          pendingTakerDiesPauses--;
        }
      }
      tickAll();
      for (Instance i : new ArrayList<>(live)) {
        // An armed moment that did not come within a few rounds becomes a plain kill.
        if (i.store.armed != null && ++i.store.armedRounds > 4) {
          i.store.armed = null;
          kill(i, KillPoint.BETWEEN_ROUNDS);
        }
      }
      while (live.size() < size) {
        startInstance();
      }
    }

    private boolean anyArmed() {
      for (Instance i : live) {
        if (i.store.armed != null) {
          return true;
        }
      }
      return false;
    }

    /** Kill moments in a seeded order that visits each of them once per five kills. */
    private KillPoint nextKillPoint() {
      if (killOrder.isEmpty()) {
        List<KillPoint> points = new ArrayList<>(List.of(KillPoint.values()));
        Collections.shuffle(points, random);
        killOrder.addAll(points);
      }
      return killOrder.poll();
    }

    /**
     * Arms a kill: moments only the scanner reaches (a committed step, a claim, an
     * acknowledgement) go to the lease holder, the others to any instance.
     *
     * @return false when the moment needs a lease holder and none holds the lease now
     */
    private boolean arm(KillPoint point, int target) {
      Instance victim;
      if (point == KillPoint.BETWEEN_ROUNDS || point == KillPoint.BEFORE_STEP_WRITE) {
        victim = live.get(target % live.size());
      } else {
        victim = holder();
        if (victim == null) {
          return false;
        }
      }
      if (point == KillPoint.BETWEEN_ROUNDS) {
        kill(victim, point);
        return true;
      }
      victim.store.armedRounds = 0;
      victim.store.armed = point;
      return true;
    }

    /** Every live instance runs one round, all at once, as their timers would. */
    private void tickAll() throws Exception {
      List<Instance> running = new ArrayList<>(live);
      List<Future<?>> rounds = new ArrayList<>();
      for (Instance i : running) {
        rounds.add(pool.submit(i::runRound));
      }
      for (int k = 0; k < running.size(); k++) {
        outcomeOf(running.get(k), rounds.get(k));
      }
    }

    private void outcomeOf(Instance instance, Future<?> round) throws Exception {
      try {
        round.get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof Killed)) {
          throw e;
        }
        kill(instance, instance.store.fired);
      }
    }

    /**
     * Pauses the lease holder inside a chain step until its lease expired and another instance
     * took the scan over, then lets it go on.
     *
     * @param takerDies whether the instance that took over dies before the paused one goes on,
     *     so the lease is free again when it writes
     * @return false when no instance holds the lease now (the pause waits for a later round)
     */
    private boolean pause(boolean takerDies) throws Exception {
      Instance paused = holder();
      if (paused == null) {
        return false;
      }
      Instance taker = null;
      for (Instance i : live) {
        if (i != paused) {
          taker = i;
          break;
        }
      }
      assertNotNull(taker, "a second instance is running");
      Pause pause = new Pause();
      paused.store.pause = pause;
      Future<?> stalled = pool.submit(paused::runRound);
      assertTrue(pause.entered.await(30, TimeUnit.SECONDS), "the holder reached its step");
      leaseClock.advance(LEASE.plusMillis(1));
      taker.runRound();
      assertTrue(taker.store.jdbc.holdsScannerLease(), "instance " + taker.id
          + " took over the lease of the paused instance " + paused.id);
      if (takerDies) {
        kill(taker, KillPoint.BETWEEN_ROUNDS);
        leaseClock.advance(LEASE.plusMillis(1));
      }
      pause.release.countDown();
      outcomeOf(paused, stalled);
      LateOutcome outcome = pause.outcome;
      assertNotNull(outcome, "the paused step reached the store");
      assertEquals(LateOutcome.FENCED_BY_LEASE, outcome, takerDies
          ? "a step read under a lost token must be refused, even with the lease free again"
          : "a step written after its lease passed to another instance must be refused");
      lateSteps.merge(outcome, 1, Integer::sum);
      return true;
    }

    private Instance holder() {
      for (Instance i : live) {
        if (i.store.jdbc.holdsScannerLease()) {
          return i;
        }
      }
      return null;
    }

    private void startInstance() {
      Instance i = new Instance("instance-" + instanceCounter++, this);
      live.add(i);
      everyInstance.add(i);
    }

    /** Drops an instance without closing anything, as a crashed process would. */
    private void kill(Instance i, KillPoint point) {
      if (live.remove(i)) {
        kills.merge(point, 1, Integer::sum);
      }
    }

    // ---------------------------------------------------------------- chain

    private Address freshAddress() {
      byte[] bytes = new byte[Address.LENGTH];
      random.nextBytes(bytes);
      bytes[0] = Address.PREFIX;
      return Address.fromBytes(bytes);
    }

    private void send(Send s) {
      Address to = s.plan().request().address();
      DevAccount payer = payers.get(memo % payers.size());
      switch (s.how()) {
        case "fake" -> node.injectFakeTokenTransfer(fakeUsdt, to, s.units());
        case "usdt to a trx request" -> unmatchedTxIds.add(broadcast(payer,
            new TriggerSmartContract(payer.address(), DevNode.MAINNET_USDT,
                new Trc20Call.Transfer(to, s.units()).encode())));
        default -> creditableTxIds.add(s.plan().request().asset().isTrx()
            ? broadcast(payer, new TransferContract(payer.address(), to,
                s.units().longValueExact()))
            : broadcast(payer, new TriggerSmartContract(payer.address(), DevNode.MAINNET_USDT,
                new Trc20Call.Transfer(to, s.units()).encode())));
      }
    }

    private String broadcast(DevAccount from, Contract contract) {
      Transaction tx = Transaction.of(node.newRawData(contract).memo("multi-" + memo++).build())
          .sign(from.privateKey());
      BroadcastResult result = node.broadcast(tx);
      assertTrue(result.accepted(), result.code() + " " + result.message());
      return tx.txId();
    }

    /** What DevNode's ledger says the request's address received in the request's asset. */
    private BigInteger paidOnChain(PaymentRequest r) {
      return r.asset().isTrx() ? BigInteger.valueOf(node.balance(r.address()))
          : node.tokenBalance(node.usdt(), r.address());
    }

    // ---------------------------------------------------------------- checks

    private boolean settled() {
      JdbcPaymentStore any = live.get(0).store.jdbc;
      StoreStats stats = any.stats();
      if (stats.outboxPending() > 0) {
        return false;
      }
      for (Plan plan : plans) {
        Payment p = any.find(plan.request().id()).orElseThrow();
        if (p.status() != expectedStatus(plan) || p.unconfirmedUnits().signum() != 0) {
          return false;
        }
      }
      return true;
    }

    private PaymentStatus expectedStatus(Plan plan) {
      BigInteger paid = paidOnChain(plan.request());
      int cmp = paid.compareTo(plan.request().expectedUnits());
      if (paid.signum() == 0) {
        return PaymentStatus.PENDING;
      }
      return cmp == 0 ? PaymentStatus.CONFIRMED : cmp > 0 ? PaymentStatus.OVERPAID
          : PaymentStatus.SEEN;
    }

    private List<EventType> expectedEvents(Plan plan) {
      return switch (expectedStatus(plan)) {
        case PENDING -> List.of();
        case SEEN -> List.of(EventType.PAYMENT_DETECTED);
        case CONFIRMED -> List.of(EventType.PAYMENT_DETECTED, EventType.PAYMENT_CONFIRMED);
        case OVERPAID -> List.of(EventType.PAYMENT_DETECTED, EventType.PAYMENT_OVERPAID);
        default -> throw new AssertionError(plan.toString());
      };
    }

    private void verify(int rounds) throws SQLException {
      JdbcPaymentStore store = live.get(0).store.jdbc;
      String context = summary() + " after " + rounds + " rounds";

      // Each payment is credited exactly what DevNode's ledger says its address received.
      for (Plan plan : plans) {
        PaymentRequest r = plan.request();
        Payment p = store.find(r.id()).orElseThrow();
        BigInteger paid = paidOnChain(r);
        if (plan.kind().equals("exact") || plan.kind().equals("two parts")) {
          assertEquals(r.expectedUnits(), paid, "DevNode received what order " + r.orderId()
              + " was sent");
        } else {
          assertEquals(BigInteger.ZERO, paid, r.orderId() + " got nothing in its asset");
        }
        assertEquals(paid, p.confirmedUnits(), r.orderId() + " (" + plan.kind() + ") credited; "
            + context);
        assertEquals(BigInteger.ZERO, p.unconfirmedUnits(), r.orderId());
        assertEquals(expectedStatus(plan), p.status(), r.orderId());
      }

      // No transfer is stored twice, and every one sent to a watched address is stored.
      Map<String, Integer> rowsByTx = new TreeMap<>();
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT tx_id, log_index, COUNT(*) FROM " + prefix
              + "transfers GROUP BY tx_id, log_index")) {
        while (rs.next()) {
          assertEquals(1, rs.getInt(3), "rows of transfer " + rs.getString(1) + "/"
              + rs.getInt(2));
          rowsByTx.merge(rs.getString(1), 1, Integer::sum);
        }
      }
      Set<String> sentTxIds = new HashSet<>(creditableTxIds);
      sentTxIds.addAll(unmatchedTxIds);
      assertEquals(new HashSet<>(sentTxIds), rowsByTx.keySet(), "stored transfers");

      // Every event of the audit log reached a listener; nothing is left in the outbox.
      Set<String> logged = new HashSet<>();
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT event_id FROM " + prefix + "payment_logs")) {
        while (rs.next()) {
          logged.add(rs.getString(1));
        }
      }
      List<Delivery> seen;
      synchronized (deliveries) {
        seen = new ArrayList<>(deliveries);
      }
      Map<String, PaymentEvent> byId = new LinkedHashMap<>();
      for (Delivery d : seen) {
        PaymentEvent first = byId.putIfAbsent(d.event().eventId(), d.event());
        if (first != null) {
          assertEquals(first, d.event(), "a redelivery carries the same event");
        }
      }
      assertEquals(logged, byId.keySet(), "events delivered against the audit log");
      assertEquals(0, store.stats().outboxPending(), "outbox");
      assertEquals(0, store.stats().deadLetters(), "dead letters");

      // One logical event, one id: no step was recorded twice under different ids.
      Map<LogicalEvent, Set<String>> idsByLogical = new HashMap<>();
      for (PaymentEvent e : byId.values()) {
        idsByLogical.computeIfAbsent(new LogicalEvent(e.paymentId(), e.type(), e.txId(),
            e.logIndex()), k -> new LinkedHashSet<>()).add(e.eventId());
      }
      idsByLogical.forEach((logical, ids) -> assertEquals(1, ids.size(), logical + " " + ids));

      // Each payment's events follow from what it was paid. Their order is not checked: an
      // event claimed by an instance that then died comes back only after the claim lapses,
      // and the payment's later events may reach the listener before it.
      Map<String, List<EventType>> typesByPayment = new HashMap<>();
      Set<String> unmatchedSeen = new HashSet<>();
      for (PaymentEvent e : byId.values()) {
        if (e.type() == EventType.TRANSFER_UNMATCHED) {
          unmatchedSeen.add(e.txId());
        } else {
          typesByPayment.computeIfAbsent(e.paymentId(), k -> new ArrayList<>()).add(e.type());
        }
      }
      for (Plan plan : plans) {
        List<EventType> got = new ArrayList<>(typesByPayment.getOrDefault(plan.request().id(),
            List.of()));
        Collections.sort(got);
        assertEquals(expectedEvents(plan), got, plan.request().orderId() + " (" + plan.kind()
            + ")");
      }
      assertEquals(unmatchedTxIds, unmatchedSeen, "unmatched transfers reported once each");

      // The schedule did what it claims: instances died at various moments, and every paused
      // step met the outcome its pause was built for.
      int killed = kills.values().stream().mapToInt(Integer::intValue).sum();
      assertEquals(KILLS + TAKER_DIES_PAUSES, killed, context);
      assertTrue(kills.keySet().size() >= 4, "kills at four kinds of moment at least; "
          + context);
      assertEquals(Map.of(LateOutcome.FENCED_BY_LEASE, FENCED_PAUSES + TAKER_DIES_PAUSES),
          lateSteps, context);
      assertTrue(seen.size() > byId.size() || !kills.containsKey(KillPoint.BEFORE_ACK),
          "an acknowledgement lost to a kill means a redelivery; " + context);
      assertTrue(leaseToken() > KILLS, "the lease changed hands; " + context);
      Set<String> deliverers = new HashSet<>();
      for (Delivery d : seen) {
        deliverers.add(d.instance());
      }
      assertTrue(deliverers.size() > 2, "instances taking over delivered too; " + context);
    }

    private long leaseToken() throws SQLException {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT token FROM " + prefix + "leases")) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }

    private String summary() {
      long token;
      try {
        token = leaseToken();
      } catch (SQLException e) {
        token = -1;
      }
      return "instances=" + size + ", started=" + instanceCounter + ", kills=" + kills
          + ", late steps=" + lateSteps + ", lease token=" + token + ", deliveries="
          + deliveries.size();
    }

    @Override
    public void close() {
      for (Instance i : everyInstance) {
        i.loop.shutdownNow();
        i.client.close();
      }
      pool.shutdownNow();
      node.close();
      JdbcPaymentStore.builder(dataSource).tablePrefix(prefix).build().dropAll();
      if (dataSource instanceof SmallPool reused) {
        reused.close();
      }
    }
  }
}

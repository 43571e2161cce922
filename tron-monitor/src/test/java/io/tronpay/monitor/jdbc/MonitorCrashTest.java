package io.tronpay.monitor.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.checks.jdbc.FaultyDataSource;
import io.tronpay.checks.jdbc.SmallPool;
import io.tronpay.checks.jdbc.TestDatabases;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.monitor.AmountAllocator;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.ChainSource;
import io.tronpay.monitor.ChainUpdate;
import io.tronpay.monitor.EventType;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentListener;
import io.tronpay.monitor.PaymentMonitor;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.ScanCursor;
import io.tronpay.monitor.StoreStats;
import io.tronpay.monitor.Transfer;
import io.tronpay.monitor.TransferRecord;
import io.tronpay.monitor.TransferState;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The whole monitor (chain source, engine, JDBC store, outbox, dispatcher, listener) crashed at
 * each database statement or commit of a scripted run, and restarted.
 *
 * <p>The script watches ten requests (exact, two-part, overpaid, underpaid at expiry, TRX,
 * cancelled, expired then paid late, two on a shared address told apart by amount, one whose
 * payment a reorg removes) and plays about 25 blocks with a reorg of depth 2 in the middle,
 * solidification and expiries on a hand-moved clock, running one monitor round (scan, expire,
 * deliver) after each group of blocks.
 *
 * <p>The fault-free run on a fresh database is the reference; its end state is also checked
 * against what the script implies, worked out by hand. Then, for every k from 1 to the number
 * of database operations (statement executions and commits) of that run, the script runs on a
 * fresh database with the k-th operation failing before it reaches the database; and for every
 * commit k, with the k-th operation landing and the process dying right after, before the caller
 * goes on (the window between an outbox claim and the listener call, or between a commit and
 * its caller, which a failing operation never opens). Either is a crash: from then on that
 * monitor reaches the database no more and is discarded. A new store and monitor (same database,
 * same instance id, a clean data source) take over at the step the crash hit, as a restarted
 * host would: a round runs again, a watch or cancel is made again unless it landed. The end
 * state must equal the reference's: the same payments, transfers, cursor and audit log, every
 * reference event delivered at least once with the same contents, no other event delivered,
 * nothing left in the outbox, and every payment credited exactly its recorded transfers.
 * Events claimed by the crashed monitor come back after the 5 min delivery lease, which the
 * script's last step waits out; the store holds a payment's later events back until then, so
 * each payment's events must first reach the listener in the reference's order.
 */
class MonitorCrashTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Duration BLOCK_TIME = Duration.ofSeconds(3);
  private static final int SOLID_DEPTH = 3;
  private static final int BLOCKS_PER_STEP = 10;
  private static final String INSTANCE = "monitor-1";
  /** Longer than the monitor's default 5 min delivery lease, so a dead claim comes back. */
  private static final Duration DRAIN = Duration.ofMinutes(6);
  private static final Address SENDER = address(99);
  /**
   * On PostgreSQL, a session per run is slow: every this many operations fail (and the last),
   * and after every this many commits the process dies.
   */
  private static final int POSTGRES_STRIDE = 10;

  // ---------------------------------------------------------------- the script

  /** One step; a restart resumes at the step the crash hit, unless that step landed. */
  private record Step(String name, Consumer<Run> action, Predicate<Run> landed,
      boolean touchesDatabase) {}

  /** What the script leaves behind, worked out by hand. */
  private record Expected(PaymentStatus status, long confirmed, List<EventType> events) {}

  private static Address address(int n) {
    byte[] id = new byte[20];
    id[0] = 0x42;
    id[19] = (byte) n;
    return Address.fromAccountId(id);
  }

  /** A readable name as a 64-hex transaction id, so a failure message can be decoded. */
  private static String txId(String name) {
    return String.format("%064x", new BigInteger(1, name.getBytes(StandardCharsets.US_ASCII)));
  }

  private static PaymentRequest usdt(String id, int to, long units, Duration expiresIn) {
    return PaymentRequest.builder().id(id).orderId("order-" + id).address(address(to))
        .usdt(TokenAmount.of(units, 6)).expiresIn(expiresIn).build();
  }

  private static PaymentRequest usdt(String id, int to, long units) {
    return usdt(id, to, units, Duration.ofHours(1));
  }

  private static Step watch(PaymentRequest... requests) {
    String id = requests[requests.length - 1].id();
    return new Step("watch " + id, r -> r.monitor.watchAll(List.of(requests)),
        r -> r.store.find(id).isPresent(), true);
  }

  private static Step watchShared(PaymentRequest request) {
    return new Step("watch shared " + request.id(),
        r -> r.monitor.watchShared(request, AmountAllocator.DEFAULT),
        r -> r.store.find(request.id()).isPresent(), true);
  }

  private static Step cancel(String id) {
    return new Step("cancel " + id, r -> r.monitor.cancel(id),
        r -> r.store.find(id).orElseThrow().status() == PaymentStatus.CANCELLED, true);
  }

  private static Step round() {
    return new Step("round", Run::round, r -> false, true);
  }

  private static Step mine(Pay... pays) {
    return new Step("mine", r -> r.chain.mine(pays), r -> true, false);
  }

  private static Step mineEmpty(int blocks) {
    return new Step("mine " + blocks, r -> {
      for (int i = 0; i < blocks; i++) {
        r.chain.mine();
      }
    }, r -> true, false);
  }

  private static Pay usdtTo(String tx, int to, long units) {
    return new Pay(tx, Asset.USDT, address(to), units);
  }

  private static List<Step> script() {
    List<Step> s = new ArrayList<>();
    s.add(watch(usdt("exact", 1, 10_000_000)));
    s.add(watch(usdt("two-part", 2, 20_000_000), usdt("over", 3, 5_000_000)));
    s.add(watch(usdt("under", 4, 30_000_000, Duration.ofSeconds(55))));
    s.add(watch(PaymentRequest.builder().id("trx").orderId("order-trx").address(address(5))
        .trx(15_000_000).build()));
    s.add(watch(usdt("cancelled", 6, 7_000_000)));
    s.add(watch(usdt("late", 8, 1_000_000, Duration.ofSeconds(40))));
    // The allocator hands out 2.000001 and then 2.000002 on the shared address.
    s.add(watchShared(usdt("shared-1", 7, 2_000_000)));
    s.add(watchShared(usdt("shared-2", 7, 2_000_000)));
    s.add(round());
    s.add(mine(usdtTo("pay-exact", 1, 10_000_000)));                       // block 1
    s.add(mine(usdtTo("pay-two-part-1", 2, 8_000_000),
        usdtTo("to-stranger", 50, 3_000_000)));                              // block 2
    s.add(round());
    s.add(mine(usdtTo("pay-over", 3, 7_000_000),
        new Pay("pay-trx", Asset.TRX, address(5), 15_000_000)));             // block 3
    s.add(cancel("cancelled"));
    s.add(mine(usdtTo("pay-under", 4, 10_000_000)));                       // block 4
    s.add(round());
    s.add(mine(usdtTo("pay-shared-2", 7, 2_000_002)));                     // block 5
    s.add(mine(usdtTo("stray-on-shared", 7, 2_000_000)));                  // block 6
    s.add(mineEmpty(1));                                                   // block 7
    s.add(round());
    s.add(watch(usdt("reorged", 9, 4_000_000)));
    s.add(mine(usdtTo("after-cancel", 6, 7_000_000)));                     // block 8
    s.add(mine(usdtTo("pay-shared-1", 7, 2_000_001)));                     // block 9
    s.add(round());
    s.add(mineEmpty(1));                                                   // block 10
    s.add(mine(usdtTo("pay-reorged-1", 9, 4_000_000)));                    // block 11
    s.add(mine(usdtTo("pay-two-part-2", 2, 12_000_000)));                  // block 12
    s.add(round());
    s.add(new Step("reorg 2", r -> r.chain.reorg(2), r -> true, false));
    s.add(mineEmpty(1));                                                   // block 11'
    s.add(mine(usdtTo("to-stranger-2", 51, 1_000_000)));                   // block 12'
    s.add(mine(usdtTo("pay-two-part-2", 2, 12_000_000),
        usdtTo("pay-reorged-2", 9, 4_000_000)));                             // block 13'
    s.add(round());
    s.add(mineEmpty(3));                                                   // blocks 14-16
    s.add(round());
    s.add(mine(usdtTo("pay-late", 8, 1_000_000)));                         // block 17
    s.add(mineEmpty(1));                                                   // block 18
    s.add(round());
    s.add(mineEmpty(4));                                                   // blocks 19-22
    s.add(round());
    s.add(mineEmpty(3));                                                   // blocks 23-25
    s.add(round());
    s.add(new Step("drain", r -> r.clock.advance(DRAIN), r -> true, false));
    s.add(round());
    return s;
  }

  private static Map<String, Expected> expected() {
    EventType detected = EventType.PAYMENT_DETECTED;
    EventType confirmed = EventType.PAYMENT_CONFIRMED;
    Map<String, Expected> e = new LinkedHashMap<>();
    e.put("exact", new Expected(PaymentStatus.CONFIRMED, 10_000_000, List.of(detected,
        confirmed)));
    e.put("two-part", new Expected(PaymentStatus.CONFIRMED, 20_000_000, List.of(detected,
        confirmed)));
    e.put("over", new Expected(PaymentStatus.OVERPAID, 7_000_000, List.of(detected,
        EventType.PAYMENT_OVERPAID)));
    e.put("under", new Expected(PaymentStatus.UNDERPAID, 10_000_000, List.of(detected,
        EventType.PAYMENT_UNDERPAID)));
    e.put("trx", new Expected(PaymentStatus.CONFIRMED, 15_000_000, List.of(detected,
        confirmed)));
    e.put("cancelled", new Expected(PaymentStatus.CANCELLED, 0,
        List.of(EventType.PAYMENT_CANCELLED)));
    e.put("late", new Expected(PaymentStatus.LATE, 1_000_000, List.of(EventType.PAYMENT_EXPIRED,
        EventType.PAYMENT_LATE)));
    e.put("shared-1", new Expected(PaymentStatus.CONFIRMED, 2_000_001, List.of(detected,
        confirmed)));
    e.put("shared-2", new Expected(PaymentStatus.CONFIRMED, 2_000_002, List.of(detected,
        confirmed)));
    e.put("reorged", new Expected(PaymentStatus.CONFIRMED, 4_000_000, List.of(detected,
        EventType.PAYMENT_REVERTED, detected, confirmed)));
    return e;
  }

  // ---------------------------------------------------------------- the tests

  @Test
  void h2_crashAtEveryDatabaseOperation_restartCatchesUpToTheFaultFreeRun() {
    Outcome reference = run(MonitorCrashTest::h2, Dialect.H2, Fault.NONE);
    checkAgainstScript(reference);
    int operations = reference.operations();
    assertTrue(operations > 200, "the script ran only " + operations + " database operations");
    for (int k = 1; k <= operations; k++) {
      Fault fault = new Fault(k, false);
      compare(reference, run(MonitorCrashTest::h2, Dialect.H2, fault), "H2, " + fault + " of "
          + operations);
    }
    for (int k : reference.commits()) {
      Fault fault = new Fault(k, true);
      compare(reference, run(MonitorCrashTest::h2, Dialect.H2, fault), "H2, " + fault + " of "
          + operations);
    }
  }

  @Test
  void postgres_crashAtSampledOperations_restartCatchesUpToTheFaultFreeRun() {
    SmallPool db = new SmallPool(TestDatabases.postgres());
    try {
      Outcome reference = run(() -> db, Dialect.POSTGRESQL, Fault.NONE);
      checkAgainstScript(reference);
      // The database must not matter: the H2 reference is the same.
      Outcome h2 = run(MonitorCrashTest::h2, Dialect.H2, Fault.NONE);
      assertEquals(h2.comparable(), reference.comparable(), "PostgreSQL vs H2 reference");
      int operations = reference.operations();
      Set<Fault> sample = new LinkedHashSet<>();
      for (int k = 1; k <= operations; k += POSTGRES_STRIDE) {
        sample.add(new Fault(k, false));
      }
      sample.add(new Fault(operations, false));
      List<Integer> commits = reference.commits();
      for (int i = POSTGRES_STRIDE / 2; i < commits.size(); i += POSTGRES_STRIDE) {
        sample.add(new Fault(commits.get(i), true));
      }
      for (Fault fault : sample) {
        compare(reference, run(() -> db, Dialect.POSTGRESQL, fault), "PostgreSQL, " + fault
            + " of " + operations);
      }
    } finally {
      db.close();
    }
  }

  // ---------------------------------------------------------------- checks

  /** The reference run against the script's meaning, worked out by hand. */
  private static void checkAgainstScript(Outcome o) {
    Map<String, Expected> expected = expected();
    assertEquals(expected.keySet(), o.payments().keySet());
    for (Map.Entry<String, Expected> e : expected.entrySet()) {
      Payment p = o.payments().get(e.getKey());
      assertEquals(e.getValue().status(), p.status(), e.getKey());
      assertEquals(BigInteger.valueOf(e.getValue().confirmed()), p.confirmedUnits(), e.getKey());
      assertEquals(BigInteger.ZERO, p.unconfirmedUnits(), e.getKey());
      List<EventType> types = new ArrayList<>();
      for (PaymentEvent event : o.deliveries()) {
        if (e.getKey().equals(event.paymentId())) {
          types.add(event.type());
        }
      }
      assertEquals(e.getValue().events(), types, "events of " + e.getKey() + ", in order");
    }
    assertEquals(BigInteger.valueOf(2_000_001),
        o.payments().get("shared-1").request().expectedUnits());
    assertEquals(BigInteger.valueOf(2_000_002),
        o.payments().get("shared-2").request().expectedUnits());
    Set<String> unmatched = new TreeSet<>();
    for (PaymentEvent event : o.deliveries()) {
      if (event.type() == EventType.TRANSFER_UNMATCHED) {
        unmatched.add(event.txId());
      }
    }
    assertEquals(new TreeSet<>(List.of(txId("after-cancel"), txId("stray-on-shared"))),
        unmatched);
    assertEquals(o.deliveries().size(), o.delivered().size(), "the fault-free run delivers once");
    assertEquals(o.audit(), o.delivered().keySet());
    // Every transfer ever mined: the reorged-out payment reverted, strangers unrecorded.
    Map<String, TransferState> states = new TreeMap<>();
    o.transfers().forEach((key, t) -> states.put(key.txId(), t.state()));
    Map<String, TransferState> want = new TreeMap<>();
    for (String tx : List.of("pay-exact", "pay-two-part-1", "pay-over", "pay-trx", "pay-under",
        "pay-shared-2", "stray-on-shared", "after-cancel", "pay-shared-1", "pay-two-part-2",
        "pay-reorged-2", "pay-late")) {
      want.put(txId(tx), TransferState.CONFIRMED);
    }
    want.put(txId("pay-reorged-1"), TransferState.REVERTED);
    assertEquals(want, states);
    assertEquals(13L, o.transfers().get(new Transfer.Key(txId("pay-two-part-2"), 0)).transfer()
        .blockNumber(), "the re-included transfer moved to its new block");
    assertEquals(25L, o.cursor().orElseThrow().headBlock());
  }

  private static void compare(Outcome reference, Outcome got, String what) {
    assertEquals(reference.payments().keySet(), got.payments().keySet(), what + ": payments");
    for (String id : reference.payments().keySet()) {
      assertEquals(reference.payments().get(id), got.payments().get(id), what + ": payment "
          + id);
    }
    assertEquals(reference.transfers().keySet(), got.transfers().keySet(), what
        + ": transfers recorded");
    for (Transfer.Key key : reference.transfers().keySet()) {
      assertEquals(reference.transfers().get(key), got.transfers().get(key), what
          + ": transfer " + key);
    }
    assertEquals(reference.cursor(), got.cursor(), what + ": cursor");
    assertEquals(reference.audit(), got.audit(), what + ": audit log");
    Set<String> missing = new TreeSet<>(reference.delivered().keySet());
    missing.removeAll(got.delivered().keySet());
    assertEquals(Set.of(), missing, what + ": reference events never delivered");
    Set<String> extra = new TreeSet<>(got.delivered().keySet());
    extra.removeAll(reference.delivered().keySet());
    assertEquals(Set.of(), extra, what + ": events outside the reference");
    assertEquals(reference.delivered(), got.delivered(), what + ": event contents");
    assertEquals(firstDeliveriesByPayment(reference), firstDeliveriesByPayment(got),
        what + ": each payment's events in order (first deliveries)");
  }

  /** Per payment, its event ids in the order they first reached the listener. */
  private static Map<String, List<String>> firstDeliveriesByPayment(Outcome o) {
    Map<String, List<String>> order = new TreeMap<>();
    Set<String> seen = new java.util.HashSet<>();
    for (PaymentEvent event : o.deliveries()) {
      if (event.paymentId() != null && seen.add(event.eventId())) {
        order.computeIfAbsent(event.paymentId(), id -> new ArrayList<>()).add(event.eventId());
      }
    }
    return order;
  }

  /** Each payment holds exactly its confirmed and unconfirmed transfers, each counted once. */
  private static void checkCredits(Outcome o, String what) {
    for (Payment p : o.payments().values()) {
      BigInteger confirmed = BigInteger.ZERO;
      BigInteger unconfirmed = BigInteger.ZERO;
      for (TransferRecord t : o.transfers().values()) {
        if (p.id().equals(t.paymentId())) {
          if (t.state() == TransferState.CONFIRMED) {
            confirmed = confirmed.add(t.transfer().units());
          } else if (t.state() == TransferState.UNCONFIRMED) {
            unconfirmed = unconfirmed.add(t.transfer().units());
          }
        }
      }
      assertEquals(confirmed, p.confirmedUnits(), what + ": " + p.id() + " credited");
      assertEquals(unconfirmed, p.unconfirmedUnits(), what + ": " + p.id() + " pending");
    }
    assertEquals(0, o.outboxPending(), what + ": events left in the outbox");
    assertEquals(0, o.deadLetters(), what + ": dead letters");
  }

  // ---------------------------------------------------------------- one run

  /** What one run left in the database and what its listener saw. */
  private record Outcome(Map<String, Payment> payments,
      Map<Transfer.Key, TransferRecord> transfers, Optional<ScanCursor> cursor,
      Set<String> audit, Map<String, PaymentEvent> delivered, List<PaymentEvent> deliveries,
      long outboxPending, long deadLetters, int operations, List<Integer> commits) {
    /** What must not depend on the database, nor on crashes. */
    List<Object> comparable() {
      return List.of(payments, transfers, cursor, audit, delivered);
    }
  }

  /**
   * Where a run crashes: at its k-th database operation, which either fails before it reaches
   * the database ({@link FaultyDataSource}) or runs and then the process dies before the caller
   * learns of it (a commit that landed, a claim whose events nobody delivered).
   */
  private record Fault(long operation, boolean afterItRan) {
    static final Fault NONE = new Fault(0, false);

    @Override
    public String toString() {
      return operation == 0 ? "no fault" : (afterItRan ? "crash right after operation "
          : "fault at operation ") + operation;
    }
  }

  /** A fresh database for each run. */
  private interface Database {
    DataSource open();
  }

  /**
   * Runs the script on a fresh database; with a fault, the monitor crashes there and a new one
   * takes over at the step the crash hit.
   */
  private static Outcome run(Database database, Dialect dialect, Fault fault) {
    DataSource clean = database.open();
    String prefix = TestDatabases.uniquePrefix("t");
    JdbcPaymentStore inspector = JdbcPaymentStore.builder(clean).dialect(dialect)
        .tablePrefix(prefix).instanceId("inspector").build();
    inspector.migrate();
    String what = fault.toString();
    Set<Transfer.Key> mined;
    List<PaymentEvent> deliveries;
    int operations;
    List<Integer> commits;
    try (Run run = new Run(clean, dialect, prefix, fault)) {
      for (Step step : script()) {
        try {
          step.action().accept(run);
        } catch (RuntimeException e) {
          if (!run.crashedNow()) {
            throw e;
          }
        }
        if (run.crashedNow()) {
          assertTrue(step.touchesDatabase(), what + " hit " + step.name());
          run.restart();
          if (!step.landed().test(run)) {
            step.action().accept(run);
          }
        }
      }
      assertTrue(fault == Fault.NONE || run.restarted, what + " never happened");
      mined = run.chain.everMined();
      deliveries = List.copyOf(run.deliveries);
      operations = run.crashing.operations();
      commits = run.crashing.commitOperations();
    }
    Map<String, Payment> payments = new TreeMap<>(inspector.findAll(expected().keySet()));
    Map<Transfer.Key, TransferRecord> transfers = new LinkedHashMap<>(
        inspector.findTransfers(mined));
    Map<String, PaymentEvent> delivered = new TreeMap<>();
    for (PaymentEvent e : deliveries) {
      PaymentEvent before = delivered.putIfAbsent(e.eventId(), e);
      assertTrue(before == null || before.equals(e), what + ": event " + e.eventId()
          + " delivered twice with different contents: " + before + " / " + e);
    }
    StoreStats stats = inspector.stats();
    Outcome o = new Outcome(payments, transfers, inspector.cursor(), audit(clean, prefix),
        delivered, deliveries, stats.outboxPending(), stats.deadLetters(), operations, commits);
    checkCredits(o, what);
    inspector.dropAll();
    if (dialect == Dialect.H2) {
      shutdown(clean);
      ((SmallPool) clean).close();
    }
    return o;
  }

  /** A fresh in-memory H2 database, its connections reused as a pool would. */
  private static DataSource h2() {
    return new SmallPool(TestDatabases.h2());
  }

  private static Set<String> audit(DataSource ds, String prefix) {
    Set<String> ids = new TreeSet<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT event_id FROM " + prefix + "payment_logs")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log", e);
    }
    return ids;
  }

  /** Frees an in-memory H2 database that would otherwise live until the JVM ends. */
  private static void shutdown(DataSource ds) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot shut H2 down", e);
    }
  }

  /** One run of the script: the chain, the clock, the listener's log and the live monitor. */
  private static final class Run implements AutoCloseable {
    final DataSource clean;
    final Dialect dialect;
    final String prefix;
    /**
     * What the monitor sees of the database around a crash: the k-th operation fails before it
     * runs, or runs and the process dies right after (a commit that landed, a claim whose events
     * nobody delivered); from then on the crashed process reaches the database no more.
     */
    final FaultyDataSource crashing;
    final TestClock clock = new TestClock(T0);
    final ScriptedChain chain = new ScriptedChain(clock);
    final ManualLoop loop = new ManualLoop();
    final List<PaymentEvent> deliveries = new ArrayList<>();
    final PaymentListener recorder = new PaymentListener() {
      @Override
      public void onEvent(PaymentEvent event) {
        deliveries.add(event);
      }
    };
    JdbcPaymentStore store;
    PaymentMonitor monitor;
    boolean restarted;

    Run(DataSource clean, Dialect dialect, String prefix, Fault fault) {
      this.clean = clean;
      this.dialect = dialect;
      this.prefix = prefix;
      this.crashing = new FaultyDataSource(clean);
      if (fault.operation() > 0) {
        crashing.crashAt(fault.operation(), fault.afterItRan() ? FaultyDataSource.Fault.AFTER
            : FaultyDataSource.Fault.BEFORE);
      }
      start(crashing);
    }

    private void start(DataSource ds) {
      store = JdbcPaymentStore.builder(ds).dialect(dialect).tablePrefix(prefix)
          .instanceId(INSTANCE).clock(clock).build();
      monitor = PaymentMonitor.builder().source(chain).store(store).listener(recorder)
          .clock(clock).executor(loop).build();
      monitor.start();
    }

    /** Whether the crash happened and the crashed monitor is still the live one. */
    boolean crashedNow() {
      return !restarted && crashing.crashed();
    }

    /** The crashed monitor is gone; a new store and monitor start over the clean source. */
    void restart() {
      monitor.close();
      restarted = true;
      start(clean);
    }

    /** One round of the monitor's loop: scan, expire, deliver. */
    void round() {
      loop.runRound();
    }

    @Override
    public void close() {
      monitor.close();
      loop.shutdownNow();
    }
  }

  /**
   * The host executor the monitor is started on: it keeps the monitor's loop instead of timing
   * it, so the test runs a round when the script says.
   */
  private static final class ManualLoop extends ScheduledThreadPoolExecutor {
    private Runnable loop;

    ManualLoop() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay,
        long delay, TimeUnit unit) {
      loop = command;
      return schedule(() -> { }, 1, TimeUnit.DAYS);
    }

    void runRound() {
      assertNotNull(loop, "the monitor was started");
      loop.run();
    }
  }

  // ---------------------------------------------------------------- the chain

  /** One transfer to put in a block; its transaction id is derived from the name. */
  private record Pay(String name, Asset asset, Address to, long units) {}

  /**
   * A deterministic chain: blocks of ready-made transfers every {@link #BLOCK_TIME} of the test
   * clock, solidified {@link #SOLID_DEPTH} blocks below the head, reorgs on demand. It reads at
   * most {@link #BLOCKS_PER_STEP} blocks a step, and on a cursor whose last block left the chain
   * reports a rollback to the highest block the two still share.
   */
  private static final class ScriptedChain implements ChainSource {
    private record Block(long number, String id, long timestamp, List<Transfer> transfers) {}

    private final TestClock clock;
    private final List<Block> blocks = new ArrayList<>();
    private final Set<Transfer.Key> everMined = new LinkedHashSet<>();
    private int branch;

    ScriptedChain(TestClock clock) {
      this.clock = clock;
      blocks.add(new Block(0, blockId(0), clock.instant().minus(BLOCK_TIME).toEpochMilli(),
          List.of()));
    }

    private String blockId(long number) {
      return String.format("%016x%048x", number, branch);
    }

    void mine(Pay... pays) {
      long number = blocks.size();
      String id = blockId(number);
      long timestamp = clock.instant().toEpochMilli();
      List<Transfer> transfers = new ArrayList<>();
      for (Pay p : pays) {
        Transfer t = new Transfer(txId(p.name()), p.asset().isTrx() ? Transfer.NATIVE : 0,
            p.asset(), SENDER, p.to(), BigInteger.valueOf(p.units()), number, id, timestamp);
        transfers.add(t);
        everMined.add(t.key());
      }
      blocks.add(new Block(number, id, timestamp, transfers));
      clock.advance(BLOCK_TIME);
    }

    /** Drops the top blocks; the next ones mined form the new branch. */
    void reorg(int depth) {
      branch++;
      for (int i = 0; i < depth; i++) {
        blocks.remove(blocks.size() - 1);
      }
    }

    Set<Transfer.Key> everMined() {
      return Set.copyOf(everMined);
    }

    @Override
    public ChainUpdate poll(Optional<ScanCursor> stored) {
      long head = blocks.size() - 1;
      long solid = Math.max(-1, head - SOLID_DEPTH);
      if (stored.isPresent()) {
        ScanCursor c = stored.get();
        String recorded = c.blockId(c.headBlock());
        if (recorded != null && (c.headBlock() > head
            || !blocks.get((int) c.headBlock()).id().equals(recorded))) {
          return rollback(c, head, solid);
        }
      }
      long from = stored.map(c -> c.headBlock() + 1).orElse(0L);
      long to = Math.min(head, from + BLOCKS_PER_STEP - 1);
      List<ScanCursor.BlockRef> recent = new ArrayList<>(
          stored.map(ScanCursor::recentBlocks).orElse(List.of()));
      List<Transfer> found = new ArrayList<>();
      for (long n = from; n <= to; n++) {
        Block b = blocks.get((int) n);
        found.addAll(b.transfers());
        recent.add(new ScanCursor.BlockRef(n, b.id(), b.timestamp(), !b.transfers().isEmpty()));
      }
      while (recent.size() > 32) {
        recent.remove(0);
      }
      long last = Math.max(from - 1, to);
      long settledBlock = Math.min(solid, last);
      long settled = settledBlock < 0 ? 0 : blocks.get((int) settledBlock).timestamp();
      long headTime = last < 0 ? 0 : blocks.get((int) last).timestamp();
      return new ChainUpdate(found, -1, head, solid,
          new ScanCursor(last, last, solid, headTime, settled, recent), last == head);
    }

    private ChainUpdate rollback(ScanCursor c, long head, long solid) {
      long fork = -1;
      for (ScanCursor.BlockRef ref : c.recentBlocks()) {
        if (ref.number() <= head && blocks.get((int) ref.number()).id().equals(ref.blockId())) {
          fork = Math.max(fork, ref.number());
        }
      }
      assertFalse(fork < 0, "the reorg is deeper than the cursor remembers");
      List<ScanCursor.BlockRef> kept = new ArrayList<>();
      for (ScanCursor.BlockRef ref : c.recentBlocks()) {
        if (ref.number() <= fork) {
          kept.add(ref);
        }
      }
      return new ChainUpdate(List.of(), fork, head, solid, new ScanCursor(fork, fork,
          c.solidBlock(), blocks.get((int) fork).timestamp(), c.settledTimestamp(), kept), false);
    }

    @Override
    public List<Transfer> transfersOf(String txId) {
      List<Transfer> out = new ArrayList<>();
      for (Block b : blocks) {
        for (Transfer t : b.transfers()) {
          if (t.txId().equals(txId)) {
            out.add(t);
          }
        }
      }
      return out;
    }
  }
}

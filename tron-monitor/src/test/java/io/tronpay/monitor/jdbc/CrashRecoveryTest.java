package io.tronpay.monitor.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.checks.jdbc.FaultyDataSource;
import io.tronpay.checks.jdbc.TestDatabases;
import io.tronpay.core.Address;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.EventType;
import io.tronpay.monitor.OutboxEntry;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.ScanCursor;
import io.tronpay.monitor.StoreBatch;
import io.tronpay.monitor.Transfer;
import io.tronpay.monitor.TransferRecord;
import io.tronpay.monitor.TransferState;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A scripted run of requests, chain steps and deliveries, failed at its k-th database statement
 * or commit for every k. After each fault a fresh store over the same database resumes the
 * script the way a restarted monitor does (from the stored cursor and versions), and the end
 * state and the set of delivered events must equal the fault-free run's.
 */
class CrashRecoveryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Address A1 = Address.fromBase58("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW");
  private static final Address A2 = Address.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
  private static final Address A3 = Address.fromBase58("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7");

  /** One step of the script and how to tell, after a restart, that it already landed. */
  private record Step(String name, java.util.function.Consumer<JdbcPaymentStore> run,
      Predicate<JdbcPaymentStore> done) {}

  private static Payment pending(String id, Address a, long units) {
    return Payment.watched(PaymentRequest.builder().id(id).orderId("o-" + id).address(a)
        .amount(Asset.USDT, BigInteger.valueOf(units)).expiresIn(Duration.ofHours(1)).build(),
        T0);
  }

  private static Payment next(Payment p, PaymentStatus s, long confirmed, long unconfirmed) {
    return new Payment(p.request(), s, BigInteger.valueOf(confirmed),
        BigInteger.valueOf(unconfirmed), p.watchedAt(), p.expiresAt(), T0.plusSeconds(p.version()
        + 1), s.isFinal() ? T0.plusSeconds(9) : null, p.version() + 1);
  }

  private static TransferRecord transfer(String tx, Address to, long units, long block,
      TransferState state, String paymentId) {
    return new TransferRecord(new Transfer(tx, 0, Asset.USDT, A3, to, BigInteger.valueOf(units),
        block, "b" + block, block * 3000), state, paymentId, false);
  }

  private static PaymentEvent event(String id, EventType type, Payment p) {
    return new PaymentEvent(id, type, p.id(), p.request().orderId(), p.request().address(),
        Asset.USDT, p.status(), p.received(), null, null, -1, -1, T0);
  }

  private static ScanCursor cursor(long head) {
    return new ScanCursor(head, head, head, head * 3000, head * 3000,
        List.of(new ScanCursor.BlockRef(head, "b" + head, head * 3000, true)));
  }

  private static boolean cursorAt(JdbcPaymentStore s, long head) {
    return s.cursor().map(c -> c.headBlock() >= head).orElse(false);
  }

  private static List<Step> script(List<String> delivered) {
    Payment p1 = pending("p1", A1, 100);
    Payment p2 = pending("p2", A2, 200);
    Payment p3 = pending("p3", A3, 300);
    Payment p1seen = next(p1, PaymentStatus.SEEN, 0, 100);
    Payment p1done = next(p1seen, PaymentStatus.CONFIRMED, 100, 0);
    Payment p2expired = next(p2, PaymentStatus.EXPIRED, 0, 0);
    Payment p3seen = next(p3, PaymentStatus.SEEN, 0, 300);
    List<Step> steps = new ArrayList<>();
    steps.add(new Step("insert", s -> s.insert(List.of(p1, p2, p3)),
        s -> s.find("p1").isPresent()));
    steps.add(new Step("block 1", s -> s.apply(new StoreBatch(
        List.of(transfer("t1", A1, 100, 1, TransferState.UNCONFIRMED, "p1")),
        List.of(new StoreBatch.PaymentChange(p1seen, 0)),
        List.of(event("e1", EventType.PAYMENT_DETECTED, p1seen)), cursor(1))),
        s -> cursorAt(s, 1)));
    steps.add(new Step("deliver", s -> deliver(s, delivered), s -> false));
    steps.add(new Step("block 2", s -> s.apply(new StoreBatch(
        List.of(transfer("t1", A1, 100, 1, TransferState.CONFIRMED, "p1"),
            transfer("t2", A2, 7, 2, TransferState.CONFIRMED, null)),
        List.of(new StoreBatch.PaymentChange(p1done, 1)),
        List.of(event("e2", EventType.PAYMENT_CONFIRMED, p1done),
            event("e3", EventType.TRANSFER_UNMATCHED, p2)), cursor(2))),
        s -> cursorAt(s, 2)));
    steps.add(new Step("expire", s -> s.apply(new StoreBatch(List.of(),
        List.of(new StoreBatch.PaymentChange(p2expired, 0)),
        List.of(event("e4", EventType.PAYMENT_EXPIRED, p2expired)), null)),
        s -> s.find("p2").orElseThrow().version() >= 1));
    steps.add(new Step("block 3", s -> s.apply(new StoreBatch(
        List.of(transfer("t3", A3, 300, 3, TransferState.UNCONFIRMED, "p3")),
        List.of(new StoreBatch.PaymentChange(p3seen, 0)),
        List.of(event("e5", EventType.PAYMENT_DETECTED, p3seen)), cursor(3))),
        s -> cursorAt(s, 3)));
    steps.add(new Step("deliver", s -> deliver(s, delivered), s -> false));
    return steps;
  }

  /** Claims and acknowledges everything due; a claim lost to a crash comes back next time. */
  private static void deliver(JdbcPaymentStore s, List<String> delivered) {
    Instant now = T0.plus(Duration.ofDays(delivered.size() + 1));
    while (true) {
      List<OutboxEntry> due = s.claim(now, now.plusMillis(1), 100);
      if (due.isEmpty()) {
        return;
      }
      for (OutboxEntry e : due) {
        delivered.add(e.event().eventId());
        s.ack(e.event().eventId());
      }
      now = now.plusMillis(2);
    }
  }

  private record Outcome(List<Optional<Payment>> payments, List<List<TransferRecord>> transfers,
      Optional<ScanCursor> cursor, TreeSet<String> delivered, long pending, long audit) {}

  private static Outcome run(DataSource ds, FaultyDataSource faulty, long failAt) {
    String prefix = TestDatabases.uniquePrefix("t");
    JdbcPaymentStore.builder(ds).tablePrefix(prefix).build().migrate();
    List<String> delivered = new ArrayList<>();
    List<Step> steps = script(delivered);
    if (failAt > 0) {
      faulty.failAt(failAt);
    }
    int crashes = 0;
    int i = 0;
    while (i < steps.size()) {
      // Each pass is a fresh instance over the same tables, as after a restart.
      JdbcPaymentStore store = JdbcPaymentStore.builder(faulty).dialect(Dialect.H2)
          .tablePrefix(prefix).instanceId("run").build();
      try {
        for (; i < steps.size(); i++) {
          Step step = steps.get(i);
          if (!step.done().test(store)) {
            step.run().accept(store);
          }
        }
      } catch (RuntimeException e) {
        crashes++;
        assertTrue(crashes <= 1, "a fault fires once, got " + crashes + ": " + e);
      }
    }
    // One more delivery round, as the restarted monitor's dispatcher would run.
    JdbcPaymentStore end = JdbcPaymentStore.builder(ds).tablePrefix(prefix).instanceId("run")
        .build();
    deliver(end, delivered);
    List<Optional<Payment>> payments = new ArrayList<>();
    List<List<TransferRecord>> transfers = new ArrayList<>();
    for (String id : List.of("p1", "p2", "p3")) {
      payments.add(end.find(id));
      transfers.add(end.transfersOf(id));
    }
    Outcome out = new Outcome(payments, transfers, end.cursor(), new TreeSet<>(delivered),
        end.stats().outboxPending(), countAudit(end));
    end.dropAll();
    return out;
  }

  private static long countAudit(JdbcPaymentStore s) {
    return List.of("e1", "e2", "e3", "e4", "e5").stream()
        .filter(id -> s.findEvent(id).isPresent()).count();
  }

  @Test
  void everyFaultPoint_aRestartCatchesUpToTheFaultFreeOutcome() {
    DataSource ds = TestDatabases.h2();
    FaultyDataSource counter = new FaultyDataSource(ds);
    Outcome expected = run(ds, counter, 0);
    int operations = counter.operations();
    assertEquals(new TreeSet<>(List.of("e1", "e2", "e3", "e4", "e5")), expected.delivered());
    assertEquals(5, expected.audit());
    assertEquals(0, expected.pending());
    assertTrue(operations > 30, "the script ran " + operations + " operations");
    for (int k = 1; k <= operations; k++) {
      FaultyDataSource faulty = new FaultyDataSource(ds);
      Outcome got = run(ds, faulty, k);
      assertEquals(expected, got, "fault at operation " + k);
    }
  }
}

package io.tronpay.benchmarks;

import io.tronpay.checks.jdbc.SmallPool;
import io.tronpay.checks.jdbc.TestDatabases;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.ChainUpdate;
import io.tronpay.monitor.OutboxEntry;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.ScanCursor;
import io.tronpay.monitor.StoreBatch;
import io.tronpay.monitor.Transfer;
import io.tronpay.monitor.internal.PaymentEngine;
import io.tronpay.monitor.jdbc.JdbcPaymentStore;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The JDBC store's figures, on the database named by the first argument (a JDBC URL; PostgreSQL
 * is the reference):
 *
 * <ol>
 *   <li>{@code watchAll} throughput: requests inserted per second, in batches of 1,000 as
 *       {@code PaymentMonitor.watchAll} hands them to the store;
 *   <li>apply-block latency: wall time of one chain step (matching reads plus the one
 *       transaction that stores transfers, payment changes, events and the cursor) for a block of
 *       300 USDT transfers, 50 of them to watched addresses, with 100,000 pending requests;
 *   <li>outbox delivery throughput with two store instances claiming with {@code SKIP LOCKED}
 *       and acknowledging concurrently.
 * </ol>
 *
 * <p>A harness rather than JMH: each figure needs a large prepared table that JMH's forks would
 * rebuild per trial, and latency percentiles of a database round trip are what a host sees. It
 * uses a small connection pool, as a host would (HikariCP, for example), so connection set-up is
 * not measured. Run: {@code java -cp target/benchmarks.jar
 * io.tronpay.benchmarks.JdbcStoreHarness 'jdbc:postgresql://HOST:5432/DB?user=U'}.
 */
public final class JdbcStoreHarness {
  private static final int BATCH = 1000;
  private static final int PENDING = Integer.getInteger("pending", 100_000);
  private static final int TRANSFERS_PER_BLOCK = 300;
  private static final int HITS_PER_BLOCK = 50;
  private static final int SOLID_LAG = 19;

  private JdbcStoreHarness() {}

  /**
   * Runs every measurement and prints the results.
   *
   * @param args the JDBC URL of an empty test database
   * @throws Exception when the database fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: JdbcStoreHarness JDBC_URL");
      System.exit(2);
    }
    // A fixed-size pool, so the figures measure the store and not connection set-up; hosts hand
    // the store their own pool.
    try (SmallPool pool = SmallPool.fixed(TestDatabases.forUrl(args[0]), 4)) {
      JdbcPaymentStore store = JdbcPaymentStore.builder(pool).tablePrefix("bench_")
          .instanceId("bench-a").build();
      store.dropAll();
      store.migrate();
      Address[] watched = watchAll(store);
      analyze(pool, args[0]);
      applyBlocks(store, watched, () -> analyze(pool, args[0]));
      outbox(pool, args[0], store);
      store.dropAll();
    }
  }

  private static Address[] watchAll(JdbcPaymentStore store) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Address[] addresses = new Address[PENDING];
    long[] batchNanos = new long[PENDING / BATCH];
    for (int b = 0; b < PENDING / BATCH; b++) {
      List<Payment> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < BATCH; i++) {
        int n = b * BATCH + i;
        addresses[n] = MonitorHarness.address(n, 1);
        batch.add(Payment.watched(PaymentRequest.builder().orderId("order-" + n)
            .address(addresses[n]).usdt(TokenAmount.of(100_000_000L + n, 6)).build(), now));
      }
      long start = System.nanoTime();
      store.insert(batch);
      batchNanos[b] = System.nanoTime() - start;
    }
    // The first tenth warms the JIT and the database's caches.
    int skip = batchNanos.length / 10;
    long total = 0;
    for (int b = skip; b < batchNanos.length; b++) {
      total += batchNanos[b];
    }
    long measured = (long) (batchNanos.length - skip) * BATCH;
    Arrays.sort(batchNanos, skip, batchNanos.length);
    System.out.printf("watchAll: %,d requests in batches of %,d: %,.0f requests/s "
        + "(median batch %.1f ms)%n", measured, BATCH, measured / (total / 1e9),
        batchNanos[skip + (batchNanos.length - skip) / 2] / 1e6);
    return addresses;
  }

  private static void applyBlocks(JdbcPaymentStore store, Address[] watched,
      Runnable afterWarmup) {
    PaymentEngine engine = new PaymentEngine(store);
    Random random = new Random(42);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    int warmup = 100;
    int measured = 1000;
    long[] wall = new long[measured];
    long stepNanos = 0;
    long tx = 0;
    for (int b = 1; b <= warmup + measured; b++) {
      String blockId = String.format("%064x", b);
      long ts = now.toEpochMilli() + 3000L * b;
      List<Transfer> transfers = new ArrayList<>(TRANSFERS_PER_BLOCK);
      for (int i = 0; i < TRANSFERS_PER_BLOCK; i++) {
        Address to = i < HITS_PER_BLOCK ? watched[random.nextInt(watched.length)]
            : MonitorHarness.address(random.nextLong(), 2);
        transfers.add(new Transfer(String.format("%064x", ++tx), 0, Asset.USDT,
            MonitorHarness.address(7, 3), to, BigInteger.valueOf(1 + random.nextInt(1_000_000)),
            b, blockId, ts));
      }
      long solid = Math.max(0, b - SOLID_LAG);
      ChainUpdate update = new ChainUpdate(transfers, -1, b, solid,
          new ScanCursor(b, b, solid, ts, ts, List.of()), true);
      long start = System.nanoTime();
      StoreBatch batch = engine.step(update, now);
      long stepped = System.nanoTime();
      store.apply(batch);
      long spent = System.nanoTime() - start;
      if (b > warmup) {
        wall[b - warmup - 1] = spent;
        stepNanos += stepped - start;
      } else if (b == warmup) {
        afterWarmup.run();
      }
      for (OutboxEntry e : store.claim(now, now.plusSeconds(60), 10_000)) {
        store.ack(e.event().eventId());
      }
    }
    Arrays.sort(wall);
    long sum = 0;
    for (long w : wall) {
      sum += w;
    }
    System.out.printf("apply block: %d blocks of %d transfers (%d to watched addresses), "
        + "%,d pending, confirmed %d blocks later: wall time mean %.2f ms, median %.2f ms, "
        + "p99 %.2f ms, max %.2f ms%n", measured, TRANSFERS_PER_BLOCK, HITS_PER_BLOCK,
        store.openCount(), SOLID_LAG, sum / (double) measured / 1e6, wall[measured / 2] / 1e6,
        wall[measured * 99 / 100] / 1e6, wall[measured - 1] / 1e6);
    System.out.printf("apply block: of the mean, %.2f ms is the engine step (its reads) and "
        + "%.2f ms the store's one write transaction%n", stepNanos / (double) measured / 1e6,
        (sum - stepNanos) / (double) measured / 1e6);
  }

  /**
   * Refreshes the planner's statistics after the bulk load, as autovacuum (PostgreSQL) or the
   * automatic statistics (MySQL) would on a live database within a minute or so. Without it,
   * PostgreSQL plans the address lookup of a freshly filled table as a sequential scan and the
   * first minute's steps take about ten times longer. It runs again after the apply warm-up,
   * once the transfers table has rows: statistics taken of an empty table plan the transfer
   * lookups as sequential scans.
   */
  private static void analyze(DataSource pool, String url) {
    String[] tables = {"bench_payments", "bench_transfers", "bench_payment_logs", "bench_outbox"};
    try (Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
      for (String table : tables) {
        if (url.startsWith("jdbc:postgresql:")) {
          s.execute("ANALYZE " + table);
        } else if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
          s.execute("ANALYZE TABLE " + table);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("ANALYZE failed", e);
    }
  }

  private static void outbox(DataSource pool, String url, JdbcPaymentStore first)
      throws Exception {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    // Fill the outbox: every watched request's events, by matching one transfer to each of
    // 20,000 requests without acknowledging.
    PaymentEngine engine = new PaymentEngine(first);
    long tx = 1_000_000_000L;
    for (int b = 0; b < 40; b++) {
      List<Transfer> transfers = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        int n = PENDING - 1 - (b * 500 + i);
        transfers.add(new Transfer(String.format("%064x", ++tx), 0, Asset.USDT,
            MonitorHarness.address(7, 3), MonitorHarness.address(n, 1),
            BigInteger.ONE, 100_000 + b, String.format("%064x", 100_000 + b), 0));
      }
      first.apply(engine.step(new ChainUpdate(transfers, -1, 100_000 + b, 0,
          new ScanCursor(100_000 + b, 100_000 + b, 0, 0, 0, List.of()), true), now));
    }
    analyze(pool, url);
    JdbcPaymentStore second = JdbcPaymentStore.builder(pool).tablePrefix("bench_")
        .instanceId("bench-b").build();
    List<JdbcPaymentStore> instances = List.of(first, second);
    AtomicLong delivered = new AtomicLong();
    CountDownLatch done = new CountDownLatch(instances.size());
    long start = System.nanoTime();
    for (JdbcPaymentStore instance : instances) {
      Thread t = new Thread(() -> {
        try {
          while (true) {
            List<OutboxEntry> claimed = instance.claim(now, now.plusSeconds(60), 100);
            if (claimed.isEmpty()) {
              return;
            }
            for (OutboxEntry e : claimed) {
              instance.ack(e.event().eventId());
            }
            delivered.addAndGet(claimed.size());
          }
        } finally {
          done.countDown();
        }
      });
      t.start();
    }
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    long events = delivered.get();
    System.out.printf("outbox: %,d events claimed (SKIP LOCKED, 100 per claim) and acknowledged "
        + "by 2 instances in %.2f s: %,.0f events/s%n", events, seconds, events / seconds);
  }
}

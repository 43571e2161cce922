package io.tronpay.payouts.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tronpay.checks.jdbc.SmallPool;
import io.tronpay.checks.jdbc.TestDatabases;
import io.tronpay.core.Address;
import io.tronpay.payouts.Asset;
import io.tronpay.payouts.Payout;
import io.tronpay.payouts.PayoutFilter;
import io.tronpay.payouts.PayoutKind;
import io.tronpay.payouts.PayoutState;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two ledgers on one database race {@code insertIfAbsent} for the same 200 keys from two
 * threads, as two service instances handed the same requests would: one row per key, and both
 * callers get the same stored payout, never an exception. MariaDB races for 50 keys: its driver
 * logs every packet at TRACE, which the build's log capture records, so each call costs more.
 */
class ConcurrentInsertTest {
  private static final Address FROM = Address.fromBase58("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW");
  private static final Address TO = Address.fromBase58("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7");

  @Test
  void h2_twoLedgersRacingForTheSameKeys_storeEachOnce() throws Exception {
    race(new SmallPool(TestDatabases.h2()), 200);
  }

  @Test
  void postgres_twoLedgersRacingForTheSameKeys_storeEachOnce() throws Exception {
    race(new SmallPool(TestDatabases.postgres()), 200);
  }

  @Test
  void mariadb_twoLedgersRacingForTheSameKeys_storeEachOnce() throws Exception {
    race(new SmallPool(TestDatabases.mysql()), 50);
  }

  private static Payout payout(String racer, String key) {
    Instant now = Instant.parse("2026-03-01T00:00:00Z");
    return new Payout("po-" + racer + "-" + key, key, PayoutKind.TRANSFER, FROM, TO, Asset.TRX,
        BigInteger.valueOf(1_000_000), "", PayoutState.REQUESTED, null, null, 0, 0, 0, null, 0, 0,
        now, now, 0);
  }

  private static void race(DataSource ds, int keyCount) throws Exception {
    String prefix = TestDatabases.uniquePrefix("p");
    try {
      JdbcPayoutLedger a = JdbcPayoutLedger.builder(ds).tablePrefix(prefix).build();
      JdbcPayoutLedger b = JdbcPayoutLedger.builder(ds).tablePrefix(prefix).build();
      a.migrate();
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < keyCount; i++) {
        keys.add("race-" + i);
      }
      // One key per call, both racers in the same order, so they meet on most keys.
      Map<String, String> singleA = new ConcurrentHashMap<>();
      Map<String, String> singleB = new ConcurrentHashMap<>();
      runTogether(
          () -> one(a, "a", keys, singleA),
          () -> one(b, "b", keys, singleB));
      assertSameIds(keys, singleA, singleB, a);

      // Whole batches of 20, both racers in the same order, as two instances given one request.
      List<String> batchKeys = new ArrayList<>();
      for (int i = 0; i < keyCount; i++) {
        batchKeys.add("batch-" + i);
      }
      Map<String, String> batchA = new ConcurrentHashMap<>();
      Map<String, String> batchB = new ConcurrentHashMap<>();
      runTogether(
          () -> batches(a, "a", batchKeys, batchA),
          () -> batches(b, "b", batchKeys, batchB));
      assertSameIds(batchKeys, batchA, batchB, b);

      assertEquals(List.of(keyCount * 2L, keyCount * 2L),
          counts(ds, "SELECT COUNT(*), COUNT(DISTINCT idempotency_key) FROM " + prefix
              + "payouts"));
    } finally {
      TestDatabases.dropTables(ds, prefix, "payouts", "payout_schema");
    }
  }

  private static void one(JdbcPayoutLedger ledger, String racer, List<String> keys,
      Map<String, String> ids) {
    for (String key : keys) {
      Payout stored = ledger.insertIfAbsent(List.of(payout(racer, key))).get(0);
      ids.put(key, stored.id());
    }
  }

  private static void batches(JdbcPayoutLedger ledger, String racer, List<String> keys,
      Map<String, String> ids) {
    for (int from = 0; from < keys.size(); from += 20) {
      List<Payout> batch = new ArrayList<>();
      for (String key : keys.subList(from, Math.min(keys.size(), from + 20))) {
        batch.add(payout(racer, key));
      }
      for (Payout stored : ledger.insertIfAbsent(batch)) {
        ids.put(stored.idempotencyKey(), stored.id());
      }
    }
  }

  private static void runTogether(Runnable first, Runnable second) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<?> f1 = pool.submit(() -> {
        start.await();
        first.run();
        return null;
      });
      Future<?> f2 = pool.submit(() -> {
        start.await();
        second.run();
        return null;
      });
      start.countDown();
      // Any exception a caller saw fails the test here.
      f1.get(60, TimeUnit.SECONDS);
      f2.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertSameIds(List<String> keys, Map<String, String> seenByA,
      Map<String, String> seenByB, JdbcPayoutLedger ledger) {
    Map<String, Payout> stored = new HashMap<>();
    for (Payout p : ledger.find(PayoutFilter.all())) {
      stored.put(p.idempotencyKey(), p);
    }
    assertEquals(keys.size(), seenByA.size());
    assertEquals(keys.size(), seenByB.size());
    for (String key : keys) {
      String id = seenByA.get(key);
      assertEquals(id, seenByB.get(key), key);
      // The stored payout is one racer's own, whole.
      String racer = id.substring(3, 4);
      assertEquals(payout(racer, key), stored.get(key), key);
    }
  }

  private static List<Long> counts(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return List.of(rs.getLong(1), rs.getLong(2));
    }
  }
}

package io.tronpay.monitor.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.checks.jdbc.FaultyDataSource;
import io.tronpay.checks.jdbc.TestDatabases;
import io.tronpay.core.Address;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.ConfirmationPolicy;
import io.tronpay.monitor.DuplicateOrderIdException;
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
import io.tronpay.monitor.webhook.WebhookDelivery;
import io.tronpay.monitor.webhook.WebhookDeliveryStore;
import java.math.BigInteger;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the JDBC store does beyond the shared contract, run on each database. */
abstract class JdbcStoreBehaviour extends JdbcStoreContract {
  private static final Address A1 = Address.fromBase58("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW");

  private static Payment request(String id, String orderId, BigInteger units) {
    return Payment.watched(PaymentRequest.builder().id(id).orderId(orderId).address(A1)
        .amount(Asset.USDT, units).expiresIn(Duration.ofHours(1)).build(), T0);
  }

  private static ScanCursor cursor(long head) {
    return new ScanCursor(head, head, head - 19, head * 3000, head * 3000 - 60_000,
        List.of(new ScanCursor.BlockRef(head - 1, "0a" + head, head * 3000 - 3000, false),
            new ScanCursor.BlockRef(head, "0b" + head, head * 3000, true)));
  }

  private static PaymentEvent event(String id) {
    return new PaymentEvent(id, EventType.PAYMENT_EXPIRED, "p-" + id, "o-" + id, A1, Asset.TRX,
        PaymentStatus.EXPIRED, Asset.TRX.amount(BigInteger.ZERO), null, null, -1, -1, T0);
  }

  private long countRows(String table) throws SQLException {
    try (Connection c = db().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private JdbcPaymentStore jdbc() {
    return (JdbcPaymentStore) store;
  }

  @Test
  void migrate_again_isIdempotentAndRecordsEachVersionOnce() throws SQLException {
    assertEquals(JdbcPaymentStore.latestSchemaVersion(), jdbc().migrate());
    assertEquals(JdbcPaymentStore.latestSchemaVersion(), jdbc().schemaVersion());
    assertEquals(JdbcPaymentStore.latestSchemaVersion(),
        countRows(jdbc().tablePrefix() + "schema_version"));
  }

  @Test
  void migrate_halfAppliedVersion_refusesToRunItAgainAndNamesIt() throws SQLException {
    JdbcPaymentStore fresh = newJdbcStore(TestDatabases.uniquePrefix("t"));
    String p = fresh.tablePrefix();
    try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + p + "schema_version (version INTEGER PRIMARY KEY, "
          + "description VARCHAR(200) NOT NULL, state VARCHAR(16) NOT NULL, "
          + "applied_at_ns BIGINT NOT NULL)");
      s.execute("INSERT INTO " + p + "schema_version VALUES (1, 'initial schema', "
          + "'APPLYING', 0)");
    }
    SchemaMigrationException e = assertThrows(SchemaMigrationException.class, fresh::migrate);
    assertTrue(e.getMessage().contains("schema version 1"), e.getMessage());
    assertTrue(e.getMessage().contains("half-applied"), e.getMessage());
    assertThrows(SQLException.class, () -> countRows(p + "payments"));
  }

  @Test
  void migrateToVersion4_onExistingTransfers_backfillsTheBlockThatConfirmsThem()
      throws SQLException {
    Address a2 = Address.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
    Payment solid = request("p1", "o1", BigInteger.TEN);
    Payment threeBlocks = Payment.watched(PaymentRequest.builder().id("p2").orderId("o2")
        .address(a2).amount(Asset.USDT, BigInteger.TEN)
        .confirmation(ConfirmationPolicy.blocks(3)).expiresIn(Duration.ofHours(1)).build(), T0);
    store.insert(List.of(solid, threeBlocks));
    TransferRecord toSolid = new TransferRecord(new Transfer("aa".repeat(32), 0, Asset.USDT, a2,
        A1, BigInteger.TEN, 20, "0b20", 60_000), TransferState.UNCONFIRMED, "p1", false);
    TransferRecord toThreeBlocks = new TransferRecord(new Transfer("bb".repeat(32), 0,
        Asset.USDT, A1, a2, BigInteger.TEN, 20, "0b20", 60_000), TransferState.UNCONFIRMED, "p2",
        false);
    store.apply(new StoreBatch(List.of(toSolid, toThreeBlocks), List.of(), List.of(), null));
    // Back to version 3 with these rows in place: without the column, its index and its record.
    String p = jdbc().tablePrefix();
    try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
      s.execute(jdbc().dialect() == Dialect.MYSQL
          ? "DROP INDEX " + p + "transfers_confirms_at ON " + p + "transfers"
          : "DROP INDEX " + p + "transfers_confirms_at");
      s.execute("ALTER TABLE " + p + "transfers DROP COLUMN confirms_at_block");
      s.execute("DELETE FROM " + p + "schema_version WHERE version = 4");
    }
    assertEquals(3, jdbc().schemaVersion());

    assertEquals(4, jdbc().migrate());

    // Block 20 plus three blocks confirms at head 22; the solid-only request waits for block 20
    // to solidify.
    assertEquals(List.of(), store.confirmableTransfers(21, 19));
    assertEquals(List.of(toThreeBlocks), store.confirmableTransfers(22, 19));
    assertEquals(List.of(toSolid, toThreeBlocks), store.confirmableTransfers(22, 20));
  }

  @Test
  void claim_whileAnotherClaimHasLockedAnEarlierEventOfThePayment_holdsBackTheLaterOnes()
      throws SQLException {
    PaymentEvent seen = new PaymentEvent("e1", EventType.PAYMENT_DETECTED, "p1", "o1", A1,
        Asset.USDT, PaymentStatus.SEEN, Asset.USDT.amount(BigInteger.ONE), null, "aa", 0, 5, T0);
    PaymentEvent confirmed = new PaymentEvent("e2", EventType.PAYMENT_CONFIRMED, "p1", "o1", A1,
        Asset.USDT, PaymentStatus.CONFIRMED, Asset.USDT.amount(BigInteger.ONE), null, "aa", 0, 5, T0);
    store.apply(new StoreBatch(List.of(), List.of(), List.of(seen, confirmed, event("x")), null));
    String p = jdbc().tablePrefix();
    try (Connection other = db().getConnection()) {
      other.setAutoCommit(false);
      // Another instance's claim, caught between locking e1 and committing its claim.
      try (Statement s = other.createStatement();
          ResultSet rs = s.executeQuery("SELECT event_id FROM " + p + "outbox "
              + "WHERE event_id = 'e1' FOR UPDATE")) {
        assertTrue(rs.next());
      }
      if (jdbc().dialect() == Dialect.H2) {
        // No SKIP LOCKED: the claim waits for the lock, then gives up whole, e2 included.
        assertThrows(JdbcStoreException.class, () -> store.claim(T0, T0.plusSeconds(60), 10));
      } else {
        assertEquals(List.of("x"), ids(store.claim(T0, T0.plusSeconds(60), 10)));
      }
      other.rollback();
    }
    assertEquals(jdbc().dialect() == Dialect.H2 ? List.of("e1", "e2", "x") : List.of("e1", "e2"),
        ids(store.claim(T0, T0.plusSeconds(60), 10)));
  }

  private static List<String> ids(List<OutboxEntry> entries) {
    return entries.stream().map(e -> e.event().eventId()).toList();
  }

  @Test
  void schemaVersion_beforeMigrate_isZero() {
    assertEquals(0, newJdbcStore(TestDatabases.uniquePrefix("t")).schemaVersion());
  }

  @Test
  void amounts_areExactDecimalColumns_andRoundTripBeyondLong() throws SQLException {
    BigInteger huge = BigInteger.TEN.pow(40).add(BigInteger.ONE);
    Payment p = request("big", "big-order", huge);
    store.insert(List.of(p));
    Payment confirmed = new Payment(p.request(), PaymentStatus.CONFIRMED, huge,
        BigInteger.ZERO, p.watchedAt(), p.expiresAt(), T0.plusNanos(123_456_789),
        T0.plusNanos(123_456_789), 1);
    store.apply(new StoreBatch(List.of(), List.of(new StoreBatch.PaymentChange(confirmed, 0)),
        List.of(), null));
    assertEquals(Optional.of(confirmed), store.find("big"));
    assertEquals(huge, store.stats().receivedByAsset().get(Asset.USDT)
        .get(PaymentStatus.CONFIRMED));
    try (Connection c = db().getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      String table = jdbc().tablePrefix() + "payments";
      Set<String> amountColumns = new HashSet<>();
      for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
        try (ResultSet rs = md.getColumns(null, null, name, null)) {
          while (rs.next()) {
            String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
            if (column.endsWith("_units")) {
              amountColumns.add(column);
              int type = rs.getInt("DATA_TYPE");
              assertTrue(type == Types.DECIMAL || type == Types.NUMERIC,
                  column + " has JDBC type " + type);
            }
          }
        }
      }
      assertEquals(Set.of("expected_units", "confirmed_units", "unconfirmed_units"),
          amountColumns);
    }
  }

  @Test
  void insert_requestWithMetadataCallbackAndFixedExpiry_roundTrips() {
    PaymentRequest r = PaymentRequest.builder().id("meta").orderId("order \"7\"").address(A1)
        .trx(1_500_000).metadata("customer", "Zoë \\ \"quoted\"\n")
        .metadata("note", "").callbackUrl("https://shop.example/hooks?x=1")
        .expiresAt(Instant.parse("2026-01-02T03:04:05.123456789Z")).build();
    Payment p = Payment.watched(r, T0);
    store.insert(List.of(p));
    assertEquals(Optional.of(p), store.find("meta"));
    assertEquals(r.metadata(), store.findByOrderId("order \"7\"").orElseThrow().request()
        .metadata());
  }

  @Test
  void insert_oneThousandRequests_isOneBatchInOneTransaction() throws SQLException {
    FaultyDataSource counting = new FaultyDataSource(db());
    JdbcPaymentStore s = JdbcPaymentStore.builder(counting).dialect(jdbc().dialect())
        .tablePrefix(jdbc().tablePrefix()).build();
    List<Payment> batch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      batch.add(request("id-" + i, "order-" + i, BigInteger.valueOf(1000 + i)));
    }
    s.insert(batch);
    assertEquals(1, counting.batches());
    assertEquals(1, counting.commits());
    assertEquals(1000, countRows(jdbc().tablePrefix() + "payments"));
    assertEquals(1000, s.openCount());
  }

  @Test
  void insert_batchWhoseLastOrderIdIsTaken_storesNoneOfIt() throws SQLException {
    store.insert(List.of(request("first", "taken", BigInteger.ONE)));
    List<Payment> batch = new ArrayList<>();
    for (int i = 0; i < 999; i++) {
      batch.add(request("id-" + i, "order-" + i, BigInteger.ONE));
    }
    batch.add(request("id-last", "taken", BigInteger.ONE));
    DuplicateOrderIdException e = assertThrows(DuplicateOrderIdException.class,
        () -> store.insert(batch));
    assertEquals("taken", e.orderId());
    assertEquals(1, countRows(jdbc().tablePrefix() + "payments"));
  }

  @Test
  void transfers_duplicateTxAndLogIndex_isRejectedByTheDatabaseItself() {
    String t = jdbc().tablePrefix() + "transfers";
    String row = "INSERT INTO " + t + " (tx_id, log_index, asset_symbol, asset_contract, "
        + "asset_decimals, from_address, to_address, units, block_number, block_id, "
        + "block_timestamp, state, payment_id, late) VALUES ('aa', 0, 'TRX', NULL, 6, 'x', 'y', "
        + "1, 1, 'b', 0, 'CONFIRMED', NULL, FALSE)";
    assertThrows(SQLException.class, () -> {
      try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
        s.execute(row);
        s.execute(row);
      }
    });
  }

  @Test
  void cursor_roundTripsWithItsRecentBlocks() {
    store.apply(new StoreBatch(List.of(), List.of(), List.of(), cursor(100)));
    store.apply(new StoreBatch(List.of(), List.of(), List.of(), cursor(101)));
    assertEquals(Optional.of(cursor(101)), store.cursor());
  }

  @Test
  void scannerLease_secondInstanceIsFencedUntilTheLeaseExpires() {
    TestClock clock = new TestClock(T0);
    JdbcPaymentStore a = JdbcPaymentStore.builder(db()).tablePrefix(jdbc().tablePrefix())
        .instanceId("a").scannerLease(Duration.ofSeconds(30)).clock(clock).build();
    JdbcPaymentStore b = JdbcPaymentStore.builder(db()).tablePrefix(jdbc().tablePrefix())
        .instanceId("b").scannerLease(Duration.ofSeconds(30)).clock(clock).build();

    a.apply(new StoreBatch(List.of(), List.of(), List.of(), cursor(10)));
    assertTrue(a.holdsScannerLease());
    ScannerLeaseLostException refused = assertThrows(ScannerLeaseLostException.class,
        () -> b.apply(new StoreBatch(List.of(), List.of(), List.of(event("b1")), cursor(11))));
    assertTrue(refused.getMessage().contains("instance a holds"), refused.getMessage());
    assertEquals(Optional.of(cursor(10)), b.cursor());
    assertEquals(List.of(), b.claim(T0, T0.plusSeconds(1), 10));

    clock.advance(Duration.ofSeconds(10));
    a.apply(new StoreBatch(List.of(), List.of(), List.of(), cursor(11)));
    clock.advance(Duration.ofSeconds(31));
    // b takes the expired lease over, but the step it read before then might rest on a's last
    // moments: refused, and the next one lands.
    ScannerLeaseLostException takeover = assertThrows(ScannerLeaseLostException.class,
        () -> b.apply(new StoreBatch(List.of(), List.of(), List.of(), cursor(12))));
    assertTrue(takeover.getMessage().contains("has just taken over"), takeover.getMessage());
    assertTrue(b.holdsScannerLease());
    assertFalse(a.holdsScannerLease());
    assertEquals(Optional.of(cursor(11)), b.cursor());
    b.apply(new StoreBatch(List.of(), List.of(), List.of(), cursor(12)));
    assertEquals(Optional.of(cursor(12)), b.cursor());

    // a was paused past its lease: when it wakes, its step must not land.
    assertThrows(ScannerLeaseLostException.class,
        () -> a.apply(new StoreBatch(List.of(), List.of(), List.of(), cursor(12))));
    // Nor once b has died and the lease is free again: a read its step under the token it lost,
    // and writing it would move the cursor back.
    clock.advance(Duration.ofSeconds(31));
    assertThrows(ScannerLeaseLostException.class,
        () -> a.apply(new StoreBatch(List.of(), List.of(), List.of(), cursor(11))));
    assertEquals(Optional.of(cursor(12)), a.cursor());
    assertTrue(a.holdsScannerLease());
  }

  @Test
  void claim_twoInstancesAtOnce_neverTakeTheSameEvent() throws Exception {
    List<PaymentEvent> events = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      events.add(event(String.format("e%03d", i)));
    }
    store.apply(new StoreBatch(List.of(), List.of(), events, null));
    JdbcPaymentStore other = JdbcPaymentStore.builder(db()).tablePrefix(jdbc().tablePrefix())
        .build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (JdbcPaymentStore s : List.of(jdbc(), other)) {
        Callable<List<String>> work = () -> {
          List<String> taken = new ArrayList<>();
          while (true) {
            List<OutboxEntry> got = s.claim(T0, T0.plusSeconds(600), 7);
            if (got.isEmpty()) {
              return taken;
            }
            for (OutboxEntry e : got) {
              taken.add(e.event().eventId());
            }
          }
        };
        results.add(pool.submit(work));
      }
      List<String> all = new ArrayList<>(results.get(0).get());
      all.addAll(results.get(1).get());
      Set<String> unique = new HashSet<>(all);
      assertEquals(all.size(), unique.size());
      assertEquals(120, unique.size());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void claim_returnsEventsWithEveryFieldAsStored() {
    PaymentEvent e = new PaymentEvent("full", EventType.PAYMENT_CONFIRMED, "p9", "o9", A1,
        Asset.USDT, PaymentStatus.CONFIRMED, Asset.USDT.amount(BigInteger.valueOf(5_000_000)),
        Asset.USDT.amount(BigInteger.valueOf(2_000_000)),
        "ab".repeat(32), 3, 70_000_000L, T0.plusNanos(1));
    store.apply(new StoreBatch(List.of(), List.of(), List.of(e), null));
    List<OutboxEntry> got = store.claim(T0.plusSeconds(1), T0.plusSeconds(60), 5);
    assertEquals(List.of(new OutboxEntry(e, 0, e.occurredAt())), got);
    assertEquals(Optional.of(e), jdbc().findEvent("full"));
  }
  // ---------------------------------------------------------------- maintenance

  private static Payment watchedAt(String id, Instant at, PaymentStatus status) {
    Payment p = Payment.watched(PaymentRequest.builder().id(id).orderId("o-" + id).address(A1)
        .amount(Asset.USDT, BigInteger.valueOf(1_000_000L + id.hashCode() % 1000))
        .expiresIn(Duration.ofHours(1)).build(), at);
    return new Payment(p.request(), status, BigInteger.ZERO, BigInteger.ZERO, at, p.expiresAt(),
        at, status.isFinal() ? at.plusSeconds(5) : null, 0);
  }

  private static WebhookDelivery delivery(String eventId, String endpoint,
      WebhookDelivery.State state) {
    return new WebhookDelivery(eventId, endpoint, "p-" + eventId, "https://shop.example/hook",
        "{}", state, state == WebhookDelivery.State.PENDING ? 0 : 3, T0, null, 0, null);
  }

  @Test
  void check_beforeAndAfterMigrate_reportsVersionsAndPendingMigrations() {
    JdbcPaymentStore fresh = newJdbcStore(TestDatabases.uniquePrefix("t"));
    int latest = JdbcPaymentStore.latestSchemaVersion();
    DatabaseCheck before = fresh.check();
    assertTrue(before.reachable());
    assertEquals(fresh.dialect(), Dialect.forProductName(before.product()));
    assertEquals(0, before.schemaVersion());
    assertEquals(latest, before.pendingMigrations().size());
    assertEquals("1 initial schema", before.pendingMigrations().get(0));
    assertFalse(before.isCurrent());

    fresh.migrate();
    DatabaseCheck after = fresh.check();
    assertEquals(latest, after.schemaVersion());
    assertEquals(List.of(), after.pendingMigrations());
    assertEquals(null, after.problem());
    assertTrue(after.isCurrent());
  }

  @Test
  void check_halfAppliedVersionOrNoDatabase_saysSoWithoutThrowing() throws SQLException {
    String p = jdbc().tablePrefix();
    try (Connection c = db().getConnection(); Statement s = c.createStatement()) {
      s.execute("UPDATE " + p + "schema_version SET state = 'APPLYING' WHERE version = 2");
    }
    DatabaseCheck half = jdbc().check();
    assertTrue(half.reachable());
    assertEquals(-1, half.schemaVersion());
    assertTrue(half.problem().contains("schema version 2 is half-applied"), half.problem());
    assertFalse(half.isCurrent());

    DataSource down = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          throw new SQLException("connection refused", "08001");
        });
    DatabaseCheck unreachable = JdbcPaymentStore.builder(down).dialect(jdbc().dialect())
        .tablePrefix(p).build().check();
    assertFalse(unreachable.reachable());
    assertTrue(unreachable.problem().contains("connection refused"), unreachable.problem());
    assertFalse(unreachable.isCurrent());
  }

  @Test
  void exportPayments_readsKeysetPagesInWatchOrder_tiesAcrossPageBoundaries() {
    List<Payment> all = new ArrayList<>();
    // 23 requests over 5 instants, ids shuffled against time: ties straddle every page edge.
    for (int i = 0; i < 23; i++) {
      all.add(watchedAt(String.format("p%02d", (i * 7) % 23), T0.plusSeconds(i % 5),
          PaymentStatus.PENDING));
    }
    store.insert(all);
    List<Payment> expected = new ArrayList<>(all);
    expected.sort(Comparator.comparing(Payment::watchedAt).thenComparing(Payment::id));

    FaultyDataSource counting = new FaultyDataSource(db());
    JdbcPaymentStore s = JdbcPaymentStore.builder(counting).dialect(jdbc().dialect())
        .tablePrefix(jdbc().tablePrefix()).build();
    List<Payment> exported = new ArrayList<>();
    assertEquals(23, s.exportPayments(PaymentExportFilter.all(), 5, exported::add));
    assertEquals(expected, exported);
    assertEquals(5, counting.operations(), "23 rows in pages of 5 are 5 queries");

    List<Payment> again = new ArrayList<>();
    assertEquals(23, s.exportPayments(PaymentExportFilter.all(), 23, again::add));
    assertEquals(expected, again);
    assertEquals(5 + 2, counting.operations(), "a full last page costs one empty query");
  }

  @Test
  void exportPayments_filtersByStatusAndWatchedFrom() {
    Payment early = watchedAt("early", T0, PaymentStatus.CONFIRMED);
    Payment lateDone = watchedAt("late-done", T0.plusSeconds(60), PaymentStatus.CONFIRMED);
    Payment lateOpen = watchedAt("late-open", T0.plusSeconds(61), PaymentStatus.PENDING);
    Payment lateExpired = watchedAt("late-expired", T0.plusSeconds(62), PaymentStatus.EXPIRED);
    store.insert(List.of(early, lateDone, lateOpen, lateExpired));

    List<Payment> got = new ArrayList<>();
    jdbc().exportPayments(new PaymentExportFilter(EnumSet.of(PaymentStatus.CONFIRMED,
        PaymentStatus.EXPIRED), T0.plusSeconds(60)), 2, got::add);
    assertEquals(List.of(lateDone, lateExpired), got);
    got.clear();
    jdbc().exportPayments(new PaymentExportFilter(Set.of(), T0.plusSeconds(61)), 1, got::add);
    assertEquals(List.of(lateOpen, lateExpired), got);
    assertThrows(IllegalArgumentException.class,
        () -> jdbc().exportPayments(PaymentExportFilter.all(), 0, p -> { }));
  }

  @Test
  void deadLetteredEvents_redeliver_makesTheEventDueAgainForListenersAndWebhooks() {
    TestClock clock = new TestClock(T0.plusSeconds(100));
    JdbcPaymentStore s = JdbcPaymentStore.builder(db()).tablePrefix(jdbc().tablePrefix())
        .clock(clock).build();
    s.apply(new StoreBatch(List.of(), List.of(), List.of(event("dead"), event("busy")), null));
    assertEquals(2, s.claim(T0, T0.plusSeconds(1000), 10).size());
    s.retryLater("dead", 4, T0);
    s.deadLetter("dead");
    WebhookDeliveryStore hooks = s.webhookDeliveries();
    hooks.enqueue(List.of(delivery("dead", "shop", WebhookDelivery.State.PENDING)));
    hooks.record(delivery("dead", "shop", WebhookDelivery.State.DEAD));

    List<OutboxEntry> dead = s.deadLetteredEvents(10);
    assertEquals(List.of(new OutboxEntry(event("dead"), 4, T0)), dead);
    assertEquals(1, s.stats().deadLetters());

    assertEquals(Optional.of(new Redelivery("dead", true, 1)), s.redeliver("dead"));
    assertEquals(List.of(), s.deadLetteredEvents(10));
    assertEquals(0, s.stats().deadLetters());
    List<OutboxEntry> due = s.claim(clock.instant(), clock.instant().plusSeconds(30), 10);
    assertEquals(List.of(new OutboxEntry(event("dead"), 0, clock.instant())), due);
    List<WebhookDelivery> hooksDue = hooks.claimDue(clock.instant(),
        clock.instant().plusSeconds(30), 10);
    assertEquals(1, hooksDue.size());
    assertEquals(WebhookDelivery.State.PENDING, hooksDue.get(0).state());
    assertEquals(0, hooksDue.get(0).attempts());

    // "busy" is claimed by a deliverer until T0+1000s: it must not be handed out twice.
    assertEquals(Optional.of(new Redelivery("busy", false, 0)), s.redeliver("busy"));
    assertEquals(Optional.empty(), s.redeliver("no-such-event"));
  }

  @Test
  void cleanup_deletesOnlyWhatIsPastTheCutoff() throws SQLException {
    Instant cutoff = T0.plus(Duration.ofDays(30));
    Payment oldDone = watchedAt("old-done", T0, PaymentStatus.CONFIRMED);
    Payment oldOpen = watchedAt("old-open", T0, PaymentStatus.PENDING);
    Payment newDone = watchedAt("new-done", cutoff.plusSeconds(1), PaymentStatus.EXPIRED);
    store.insert(List.of(oldDone, oldOpen, newDone));
    PaymentEvent acked = event("acked");
    PaymentEvent waiting = event("waiting");
    PaymentEvent hooked = event("hooked");
    PaymentEvent recent = new PaymentEvent("recent", EventType.PAYMENT_EXPIRED, "p", "o", A1,
        Asset.TRX, PaymentStatus.EXPIRED, Asset.TRX.amount(BigInteger.ZERO), null, null, -1, -1,
        cutoff.plusSeconds(1));
    store.apply(new StoreBatch(List.of(), List.of(), List.of(acked, waiting, hooked, recent),
        null));
    store.ack("acked");
    store.ack("hooked");
    store.ack("recent");
    WebhookDeliveryStore hooks = jdbc().webhookDeliveries();
    hooks.enqueue(List.of(delivery("acked", "shop", WebhookDelivery.State.PENDING),
        delivery("hooked", "shop", WebhookDelivery.State.PENDING)));
    hooks.record(delivery("acked", "shop", WebhookDelivery.State.DELIVERED));
    hooks.record(delivery("hooked", "shop", WebhookDelivery.State.DEAD));

    CleanupResult result = jdbc().cleanup(cutoff);

    assertEquals(new CleanupResult(1, 1, 1), result);
    assertEquals(Optional.empty(), store.find("old-done"));
    assertTrue(store.find("old-open").isPresent());
    assertTrue(store.find("new-done").isPresent());
    assertEquals(Optional.empty(), jdbc().findEvent("acked"));
    for (String kept : List.of("waiting", "hooked", "recent")) {
      assertTrue(jdbc().findEvent(kept).isPresent(), kept);
    }
    assertEquals(List.of(), hooks.deliveriesOf("acked"));
    assertEquals(1, hooks.deadLetters(10).size());
    assertEquals(3, countRows(jdbc().tablePrefix() + "payment_logs"));
  }
}

package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.cli.internal.DriverManagerDataSource;
import io.tronpay.core.Address;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.EventType;
import io.tronpay.monitor.OutboxEntry;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.StoreBatch;
import io.tronpay.monitor.jdbc.JdbcPaymentStore;
import io.tronpay.monitor.webhook.WebhookDelivery;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tron monitor db} driven in-process against one database. The fixtures go in through
 * {@link JdbcPaymentStore}, so what the commands print is checked against what the test wrote:
 * the rows and amounts below are the test's own values, not read back through the command.
 */
abstract class MonitorDbCommandContract {
  private static final Address A1 = Address.fromBase58("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW");
  private static final Address A2 = Address.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");

  @TempDir
  Path dir;

  String url;
  String prefix;
  JdbcPaymentStore store;

  /** The database's JDBC URL for this test. */
  abstract String jdbcUrl(Path dir);

  @BeforeEach
  void openStore() {
    url = jdbcUrl(dir);
    prefix = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
    store = JdbcPaymentStore.builder(new DriverManagerDataSource(url, null, null))
        .tablePrefix(prefix).build();
  }

  @AfterEach
  void dropTables() {
    store.dropAll();
  }

  /** Runs {@code tron monitor db SUB --jdbc-url URL --table-prefix P ARGS}. */
  Cli.Result db(String sub, String... args) {
    List<String> all = new ArrayList<>(List.of("monitor", "db", sub, "--jdbc-url", url,
        "--table-prefix", prefix));
    all.addAll(Arrays.asList(args));
    return Cli.run(all.toArray(new String[0]));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** A stored request as the monitor would have left it. */
  private static Payment payment(String id, Asset asset, long expected, PaymentStatus status,
      long received, Instant watched, Instant finished) {
    PaymentRequest request = PaymentRequest.builder().id(id).orderId("order-" + id)
        .address(id.hashCode() % 2 == 0 ? A1 : A2).amount(asset, BigInteger.valueOf(expected))
        .expiresIn(Duration.ofHours(2)).metadata("customer", "Zoë, \"VIP\"\r\nline two")
        .metadata("sku", id).callbackUrl("https://shop.example/cb?id=" + id + ",x").build();
    return new Payment(request, status, BigInteger.valueOf(received), BigInteger.ZERO, watched,
        watched.plus(Duration.ofHours(2)), finished != null ? finished : watched, finished, 0);
  }

  private static PaymentEvent event(String id, Instant at) {
    return new PaymentEvent(id, EventType.PAYMENT_EXPIRED, "p-" + id, "o-" + id, A1, Asset.TRX,
        PaymentStatus.EXPIRED, Asset.TRX.amount(BigInteger.ZERO), null, null, -1, -1, at);
  }

  private List<Payment> insertFixtures() {
    Instant t = now().minus(Duration.ofDays(3));
    List<Payment> fixtures = List.of(
        payment("p1", Asset.USDT, 12_500_000, PaymentStatus.CONFIRMED, 12_500_000,
            t, t.plusSeconds(60)),
        payment("p2", Asset.USDT, 5_000_000, PaymentStatus.OVERPAID, 7_250_001,
            t.plusSeconds(10), t.plusSeconds(90)),
        payment("p3", Asset.USDT, 1_000_000, PaymentStatus.PENDING, 0, t.plusSeconds(20), null),
        payment("p4", Asset.TRX, 3_000_000, PaymentStatus.CONFIRMED, 3_000_000,
            t.plusSeconds(30), t.plusSeconds(95)),
        payment("p5", Asset.USDT, 9_999_999, PaymentStatus.EXPIRED, 0, t.plusSeconds(40),
            t.plusSeconds(7200)),
        payment("p6", Asset.USDT, 2_000_000, PaymentStatus.CONFIRMED, 2_000_000,
            t.plusSeconds(50), t.plusSeconds(99)),
        payment("p7", Asset.USDT, 4_000_000, PaymentStatus.UNDERPAID, 1_000_000,
            t.plusSeconds(86_400), t.plusSeconds(90_000)));
    store.insert(fixtures);
    return fixtures;
  }

  // ------------------------------------------------------------------ migrate, check

  @Test
  void migrate_thenCheck_reportsTheLatestSchemaVersion() {
    int latest = JdbcPaymentStore.latestSchemaVersion();
    Cli.Result before = db("check", "--json");
    assertEquals(1, before.exitCode(), before.err());
    assertEquals(BigInteger.ZERO, before.json().get("schemaVersion"));
    assertEquals(true, before.json().get("reachable"));
    assertEquals(latest, ((List<?>) before.json().get("pendingMigrations")).size());

    Cli.Result migrate = db("migrate", "--json");
    assertEquals(0, migrate.exitCode(), migrate.err());
    assertEquals(BigInteger.valueOf(latest), migrate.json().get("schemaVersion"));
    assertEquals(BigInteger.ZERO, migrate.json().get("previousVersion"));

    Cli.Result after = db("check", "--json");
    assertEquals(0, after.exitCode(), after.err());
    assertEquals(BigInteger.valueOf(latest), after.json().get("schemaVersion"));
    assertEquals(true, after.json().get("upToDate"));
    assertEquals(List.of(), after.json().get("pendingMigrations"));
    assertEquals(latest, store.schemaVersion());

    Cli.Result again = db("migrate");
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("up to date at version " + latest), again.out());
  }

  @Test
  void commandsOtherThanMigrate_onAnOldSchema_sayToMigrate() {
    for (String sub : List.of("stats", "export", "dead-letters")) {
      Cli.Result result = db(sub);
      assertEquals(1, result.exitCode(), sub + ": " + result.err());
      assertTrue(result.err().contains("run 'tron monitor db migrate'"), result.err());
      assertEquals("", result.out());
    }
  }

  // ------------------------------------------------------------------ stats

  @Test
  void stats_countsAndVolumesEqualTheInsertedPayments() {
    store.migrate();
    List<Payment> fixtures = insertFixtures();

    Cli.Result result = db("stats", "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> counts = Cli.object(result.json(), "payments");
    for (PaymentStatus status : PaymentStatus.values()) {
      long expected = fixtures.stream().filter(p -> p.status() == status).count();
      assertEquals(BigInteger.valueOf(expected), counts.get(status.name()), status.name());
    }
    assertEquals(BigInteger.valueOf(fixtures.size()), result.json().get("total"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> received = (List<Map<String, Object>>) result.json()
        .get("received");
    // USDT confirmed: p1 + p6; every other (asset, state) pair has one request.
    Map<String, Object> usdtConfirmed = received.stream()
        .filter(r -> r.get("asset").equals("USDT") && r.get("status").equals("CONFIRMED"))
        .findFirst().orElseThrow();
    assertEquals("14500000", usdtConfirmed.get("units"));
    assertEquals("14.5", usdtConfirmed.get("amount"));
    assertEquals(Asset.USDT.contract().toBase58(), usdtConfirmed.get("contract"));
    long pairs = fixtures.stream().filter(p -> p.confirmedUnits().signum() > 0)
        .map(p -> p.request().asset().symbol() + p.status()).distinct().count();
    assertEquals(pairs, received.size());

    Cli.Result human = db("stats");
    assertEquals(0, human.exitCode(), human.err());
    assertTrue(human.out().startsWith("requests: 7"), human.out());
  }

  // ------------------------------------------------------------------ export

  @Test
  void export_csv_rowsEqualTheInsertedPayments_acrossPages() throws Exception {
    store.migrate();
    List<Payment> fixtures = insertFixtures();

    Cli.Result result = db("export", "--page-size", "2");

    assertEquals(0, result.exitCode(), result.err());
    List<List<String>> records = Rfc4180.parse(result.out());
    List<String> header = records.get(0);
    assertEquals("payment_id", header.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      assertEquals(header.size(), record.size());
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), record.get(i));
      }
      rows.add(row);
    }
    List<Payment> inOrder = new ArrayList<>(fixtures);
    inOrder.sort(Comparator.comparing(Payment::watchedAt));
    assertEquals(inOrder.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      assertRowIs(inOrder.get(i), row::get, Cli.parse(row.get("metadata")));
      assertEquals(inOrder.get(i).finishedAt() == null ? ""
          : inOrder.get(i).finishedAt().toString(), row.get("finished_at"));
    }
  }

  @Test
  void export_json_toAFile_rowsEqualTheInsertedPayments() throws Exception {
    store.migrate();
    List<Payment> fixtures = insertFixtures();
    Path file = dir.resolve("export.jsonl");

    Cli.Result result = db("export", "--format", "json", "--out", file.toString(), "--json",
        "--page-size", "3");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(BigInteger.valueOf(fixtures.size()), result.json().get("rows"));
    List<String> lines = Files.readAllLines(file);
    List<Payment> inOrder = new ArrayList<>(fixtures);
    inOrder.sort(Comparator.comparing(Payment::watchedAt));
    assertEquals(inOrder.size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      Map<String, Object> row = Cli.parse(lines.get(i));
      assertRowIs(inOrder.get(i), key -> row.get(key) == null ? null : row.get(key).toString(),
          Cli.object(row, "metadata"));
      assertEquals(inOrder.get(i).finishedAt() == null ? null
          : inOrder.get(i).finishedAt().toString(), row.get("finished_at"));
    }

    Cli.Result refused = db("export", "--out", file.toString());
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("already exists"), refused.err());
    assertEquals(lines, Files.readAllLines(file));
  }

  private static void assertRowIs(Payment p, java.util.function.Function<String, String> row,
      Map<String, Object> metadata) {
    Asset asset = p.request().asset();
    assertEquals(p.id(), row.apply("payment_id"));
    assertEquals(p.request().orderId(), row.apply("order_id"));
    assertEquals(p.status().name(), row.apply("status"));
    assertEquals(p.request().address().toBase58(), row.apply("address"));
    assertEquals(asset.symbol(), row.apply("asset"));
    assertEquals(asset.contract() == null ? null : asset.contract().toBase58(),
        emptyAsNull(row.apply("contract")));
    assertEquals(Integer.toString(asset.decimals()), row.apply("decimals"));
    assertEquals(p.request().expectedUnits().toString(), row.apply("expected_units"));
    assertExactly(p.request().expectedUnits(), asset.decimals(), row.apply("expected_amount"));
    assertEquals(p.confirmedUnits().toString(), row.apply("received_units"));
    assertExactly(p.confirmedUnits(), asset.decimals(), row.apply("received_amount"));
    assertEquals(p.watchedAt(), Instant.parse(row.apply("watched_at")));
    assertEquals(p.expiresAt(), Instant.parse(row.apply("expires_at")));
    assertEquals(p.request().callbackUrl(), row.apply("callback_url"));
    assertEquals(p.request().metadata(), metadata);
  }

  private static void assertExactly(BigInteger units, int decimals, String amount) {
    assertEquals(0, new BigDecimal(units, decimals).compareTo(new BigDecimal(amount)),
        units + " base units vs " + amount);
  }

  private static String emptyAsNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  @Test
  void export_filtersByStatusAndFrom() {
    store.migrate();
    List<Payment> fixtures = insertFixtures();
    Instant from = fixtures.get(0).watchedAt().plusSeconds(15);

    Cli.Result result = db("export", "--format", "json", "--status", "confirmed,EXPIRED",
        "--status", "UNDERPAID", "--from", from.toString());

    assertEquals(0, result.exitCode(), result.err());
    List<String> ids = result.out().lines().map(l -> (String) Cli.parse(l).get("payment_id"))
        .toList();
    assertEquals(List.of("p4", "p5", "p6", "p7"), ids);

    String day = fixtures.get(6).watchedAt().toString().substring(0, 10);
    Cli.Result byDay = db("export", "--format", "json", "--from", day);
    assertEquals(0, byDay.exitCode(), byDay.err());
    assertTrue(byDay.out().contains("\"p7\""), byDay.out());
    assertFalse(byDay.out().contains("\"p1\""), byDay.out());

    Cli.Result badStatus = db("export", "--status", "PAID");
    assertEquals(2, badStatus.exitCode());
    assertTrue(badStatus.err().contains("--status PAID"), badStatus.err());
    Cli.Result badDate = db("export", "--from", "yesterday");
    assertEquals(2, badDate.exitCode());
  }

  // ------------------------------------------------------------------ cleanup

  @Test
  void cleanup_removesOnlyRowsOlderThanTheRetention() {
    store.migrate();
    Instant now = now();
    Instant old = now.minus(Duration.ofDays(40));
    Instant recent = now.minus(Duration.ofDays(1));
    store.insert(List.of(
        payment("old-done", Asset.USDT, 1, PaymentStatus.CONFIRMED, 1, old, old.plusSeconds(5)),
        payment("old-open", Asset.USDT, 1, PaymentStatus.PENDING, 0, old, null),
        payment("new-done", Asset.USDT, 1, PaymentStatus.EXPIRED, 0, recent, recent)));
    store.apply(new StoreBatch(List.of(), List.of(),
        List.of(event("old-event", old), event("new-event", recent), event("old-waiting", old)),
        null));
    store.ack("old-event");
    store.ack("new-event");

    Cli.Result result = db("cleanup", "--days", "30", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(BigInteger.ONE, result.json().get("payments"));
    assertEquals(BigInteger.ONE, result.json().get("logEntries"));
    assertFalse(store.find("old-done").isPresent());
    assertTrue(store.find("old-open").isPresent());
    assertTrue(store.find("new-done").isPresent());
    assertFalse(store.findEvent("old-event").isPresent());
    assertTrue(store.findEvent("new-event").isPresent());
    assertTrue(store.findEvent("old-waiting").isPresent(), "still in the outbox");

    Cli.Result bad = db("cleanup", "--days", "-1");
    assertEquals(2, bad.exitCode());
    Cli.Result missing = db("cleanup");
    assertEquals(2, missing.exitCode());
  }

  // ------------------------------------------------------------------ reset

  @Test
  void reset_refusesWithoutTheFlag_andEmptiesWithIt() {
    store.migrate();
    List<Payment> fixtures = insertFixtures();

    Cli.Result refused = db("reset", "--json");
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("--yes-i-mean-it"), refused.err());
    assertEquals(fixtures.size(), store.stats().countByStatus().values().stream()
        .mapToLong(Long::longValue).sum());

    Cli.Result reset = db("reset", "--yes-i-mean-it", "--json");
    assertEquals(0, reset.exitCode(), reset.err());
    assertEquals(0, store.stats().countByStatus().size());
    assertFalse(store.find("p1").isPresent());
    assertEquals(JdbcPaymentStore.latestSchemaVersion(), store.schemaVersion());
  }

  // ------------------------------------------------------------------ dead letters

  @Test
  void deadLetters_listsThem_andRedeliverMakesThemDueAgain() {
    store.migrate();
    Instant t = now().minusSeconds(600);
    store.apply(new StoreBatch(List.of(), List.of(), List.of(event("e-dead", t),
        event("e-ok", t)), null));
    store.claim(t, t.plusSeconds(1), 10);
    store.retryLater("e-dead", 5, t);
    store.deadLetter("e-dead");
    store.ack("e-ok");
    WebhookDelivery queued = new WebhookDelivery("e-ok", "shop", "p-e-ok",
        "https://shop.example/hook", "{}", WebhookDelivery.State.PENDING, 0, t, null, 0, null);
    store.webhookDeliveries().enqueue(List.of(queued));
    store.webhookDeliveries().record(queued.attempted(WebhookDelivery.State.DEAD, t, 503,
        "HTTP 503", t));

    Cli.Result listed = db("dead-letters", "--json");

    assertEquals(0, listed.exitCode(), listed.err());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> listeners = (List<Map<String, Object>>) listed.json()
        .get("listeners");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> webhooks = (List<Map<String, Object>>) listed.json()
        .get("webhooks");
    assertEquals(1, listeners.size());
    assertEquals("e-dead", listeners.get(0).get("eventId"));
    assertEquals(BigInteger.valueOf(5), listeners.get(0).get("attempts"));
    assertEquals(1, webhooks.size());
    assertEquals("e-ok", webhooks.get(0).get("eventId"));
    assertEquals(BigInteger.valueOf(503), webhooks.get(0).get("lastStatus"));

    Cli.Result redelivered = db("redeliver", "e-dead", "--json");
    assertEquals(0, redelivered.exitCode(), redelivered.err());
    assertEquals(true, redelivered.json().get("listeners"));
    Instant later = Instant.now().plusSeconds(1);
    List<OutboxEntry> due = store.claim(later, later.plusSeconds(30), 10);
    assertEquals(List.of("e-dead"), due.stream().map(e -> e.event().eventId()).toList());
    assertEquals(0, due.get(0).attempts());

    Cli.Result hook = db("redeliver", "e-ok");
    assertEquals(0, hook.exitCode(), hook.err());
    assertTrue(hook.out().contains("1 webhook delivery"), hook.out());
    assertEquals(1, store.webhookDeliveries().claimDue(later, later.plusSeconds(30), 10).size());

    Cli.Result empty = db("dead-letters", "--json");
    assertEquals(List.of(), empty.json().get("listeners"));
    assertEquals(List.of(), empty.json().get("webhooks"));
  }

  @Test
  void redeliver_unknownEvent_exits1AndSaysSo() {
    store.migrate();
    Cli.Result result = db("redeliver", "no-such-event", "--json");
    assertEquals(1, result.exitCode());
    assertTrue(((String) result.errorJson().get("error")).contains("no event no-such-event"),
        result.err());
    Cli.Result missing = db("redeliver");
    assertEquals(2, missing.exitCode());
  }
}

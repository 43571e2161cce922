package io.tronpay.monitor.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.EventType;
import io.tronpay.monitor.InMemoryPaymentStore;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.PaymentStore;
import io.tronpay.monitor.StoreBatch;
import io.tronpay.monitor.Transfer;
import io.tronpay.monitor.TransferRecord;
import io.tronpay.monitor.TransferState;
import io.tronpay.monitor.jdbc.JdbcPaymentStore;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook delivery against MockWebServer, on a clock the test moves. */
class WebhookListenerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Address SHOP = Address.fromBase58("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW");
  private static final Address PAYER = Address.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
  private static final String TX = "ab".repeat(32);
  private static final WebhookRetrySchedule FIXED = new WebhookRetrySchedule(
      WebhookRetrySchedule.DEFAULT.waits(), 0);

  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock(T0);
  private final WebhookSecret secret = WebhookSecret.generate();
  private PaymentStore payments;

  @BeforeEach
  void start() throws Exception {
    server.start();
    payments = new InMemoryPaymentStore();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  private PaymentEvent confirmedEvent(PaymentStore store, String callbackUrl) {
    PaymentRequest.Builder request = PaymentRequest.builder().id("pay-1").orderId("order-1")
        .address(SHOP).amount(Asset.USDT, BigInteger.valueOf(12_345_678))
        .expiresIn(Duration.ofHours(1));
    if (callbackUrl != null) {
      request.callbackUrl(callbackUrl);
    }
    Payment p = Payment.watched(request.build(), T0);
    store.insert(List.of(p));
    Transfer t = new Transfer(TX, 0, Asset.USDT, PAYER, SHOP, BigInteger.valueOf(12_345_678),
        70_000_000, "00".repeat(32), 1_767_225_603_000L);
    Payment confirmed = new Payment(p.request(), PaymentStatus.CONFIRMED,
        BigInteger.valueOf(12_345_678), BigInteger.ZERO, T0, p.expiresAt(), T0, T0, 1);
    store.apply(new StoreBatch(List.of(new TransferRecord(t, TransferState.CONFIRMED, "pay-1",
        false)), List.of(new StoreBatch.PaymentChange(confirmed, 0)), List.of(), null));
    return new PaymentEvent("evt-1", EventType.PAYMENT_CONFIRMED, "pay-1", "order-1", SHOP,
        Asset.USDT, PaymentStatus.CONFIRMED, confirmed.received(), t.amount(), TX, 0,
        70_000_000, T0);
  }

  private WebhookListener.Builder listener() {
    return WebhookListener.builder(payments).clock(clock).retrySchedule(FIXED)
        .allowPrivateNetworks(true)
        .endpoint(WebhookEndpoint.of("shop", server.url("/hooks").toString(), secret));
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(r, "no request reached the server");
    return r;
  }

  @Test
  void delivery_isSignedAndVerifiesWithTheEndpointSecret() throws Exception {
    server.enqueue(status(204));
    WebhookListener hooks = listener().build();
    hooks.onEvent(confirmedEvent(payments, null));
    assertEquals(1, hooks.deliverDue());

    RecordedRequest r = take();
    byte[] body = r.getBody().toByteArray();
    WebhookVerifier.of(secret).withClock(clock).verify(Map.of(
        "webhook-id", r.getHeaders().get("webhook-id"),
        "webhook-timestamp", r.getHeaders().get("webhook-timestamp"),
        "webhook-signature", r.getHeaders().get("webhook-signature")), body);
    assertEquals("evt-1", r.getHeaders().get("webhook-id"));
    assertEquals(Long.toString(T0.getEpochSecond()), r.getHeaders().get("webhook-timestamp"));
    String json = r.getBody().utf8();
    assertTrue(json.contains("\"expected_amount_usdt\":12.345678,"), json);
    assertTrue(json.contains("\"received_amount_usdt\":12.345678,"), json);
    assertTrue(json.contains("\"received_units\":\"12345678\""), json);
    assertTrue(json.contains("\"currency\":\"USDT_TRC20\""), json);
    assertTrue(json.contains("\"transaction_hash\":\"" + TX + "\""), json);
    assertTrue(json.contains("\"block_timestamp\":\"2026-01-01T00:00:03Z\""), json);
    assertTrue(json.contains("\"event_type\":\"payment.confirmed\""), json);
    assertTrue(json.contains("\"status\":\"confirmed\""), json);
    assertEquals(WebhookDelivery.State.DELIVERED,
        hooks.delivery("evt-1", "shop").orElseThrow().state());
  }

  @Test
  void onEvent_twice_queuesOneDeliveryPerEndpoint() {
    WebhookListener hooks = listener().build();
    PaymentEvent e = confirmedEvent(payments, null);
    hooks.onEvent(e);
    hooks.onEvent(e);
    assertEquals(1, hooks.deliveries("evt-1").size());
  }

  @Test
  void failingReceiver_followsTheScheduleThenDeadLetters_andRedeliverSendsAgain()
      throws Exception {
    for (int i = 0; i < 8; i++) {
      server.enqueue(status(500));
    }
    WebhookListener hooks = listener().build();
    hooks.onEvent(confirmedEvent(payments, null));
    List<Duration> waits = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
        Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
        Duration.ofHours(10));
    hooks.deliverDue();
    assertEquals(1, server.getRequestCount());
    for (Duration wait : waits) {
      clock.advance(wait.minusSeconds(1));
      hooks.deliverDue();
      int before = server.getRequestCount();
      clock.advance(Duration.ofSeconds(1));
      hooks.deliverDue();
      assertEquals(before + 1, server.getRequestCount(), "attempt after " + wait);
    }
    WebhookDelivery dead = hooks.delivery("evt-1", "shop").orElseThrow();
    assertEquals(WebhookDelivery.State.DEAD, dead.state());
    assertEquals(8, dead.attempts());
    assertEquals(500, dead.lastStatus());
    assertEquals(List.of(dead), hooks.listDeadLetters());

    server.enqueue(status(200));
    assertEquals(1, hooks.redeliver("evt-1"));
    assertEquals(1, hooks.deliverDue());
    assertEquals(List.of(), hooks.listDeadLetters());
    for (int i = 0; i < 9; i++) {
      assertEquals("evt-1", take().getHeaders().get("webhook-id"));
    }
  }

  @Test
  void receiverThatTimesOut_isAFailureRetriedLater() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS)
        .build());
    WebhookListener hooks = listener().timeout(Duration.ofMillis(300)).build();
    hooks.onEvent(confirmedEvent(payments, null));
    assertEquals(0, hooks.deliverDue());
    WebhookDelivery d = hooks.delivery("evt-1", "shop").orElseThrow();
    assertEquals(WebhookDelivery.State.PENDING, d.state());
    assertEquals(1, d.attempts());
    assertEquals(T0.plusSeconds(5), d.nextAttemptAt());
    assertTrue(d.lastError().toLowerCase().contains("timeout")
        || d.lastError().toLowerCase().contains("timed out"), d.lastError());
  }

  @Test
  void redirect_isNotFollowed() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302)
        .setHeader("Location", server.url("/elsewhere").toString()).build());
    WebhookListener hooks = listener().build();
    hooks.onEvent(confirmedEvent(payments, null));
    assertEquals(0, hooks.deliverDue());
    assertEquals(1, server.getRequestCount());
    assertEquals(302, hooks.delivery("evt-1", "shop").orElseThrow().lastStatus());
  }

  @Test
  void loopbackCallbackUrl_isRefusedWithoutPrivateNetworks_andNothingIsSent() {
    WebhookListener hooks = WebhookListener.builder(payments).clock(clock)
        .callbackSecret(secret).build();
    hooks.onEvent(confirmedEvent(payments, server.url("/cb").toString()));
    assertEquals(0, hooks.deliverDue());
    assertEquals(0, server.getRequestCount());
    WebhookDelivery d = hooks.delivery("evt-1", WebhookEndpoint.CALLBACK_ID).orElseThrow();
    assertEquals(WebhookDelivery.State.DEAD, d.state());
    assertTrue(d.lastError().contains("loopback"), d.lastError());
  }

  @Test
  void checkUrl_refusesPrivateAddressesSchemesAndHostsOutsideTheAllowlist() {
    WebhookListener open = WebhookListener.builder(payments).build();
    RefusedWebhookUrlException privateNet = assertThrows(RefusedWebhookUrlException.class,
        () -> open.checkUrl("http://10.1.2.3/hook"));
    assertTrue(privateNet.getMessage().contains("private"), privateNet.getMessage());
    assertThrows(RefusedWebhookUrlException.class, () -> open.checkUrl("http://169.254.169.254/"));
    assertThrows(RefusedWebhookUrlException.class, () -> open.checkUrl("http://[::1]:8080/"));
    RefusedWebhookUrlException scheme = assertThrows(RefusedWebhookUrlException.class,
        () -> open.checkUrl("file:///etc/passwd"));
    assertTrue(scheme.getMessage().contains("only http and https"), scheme.getMessage());
    WebhookListener listed = WebhookListener.builder(payments)
        .allowedHosts(Set.of("hooks.example")).build();
    RefusedWebhookUrlException host = assertThrows(RefusedWebhookUrlException.class,
        () -> listed.checkUrl("https://other.example/x"));
    assertTrue(host.getMessage().contains("allowlist"), host.getMessage());
  }

  @Test
  void endpoint_failingPersistently_isDisabled() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(503));
    }
    WebhookListener hooks = listener().disableAfter(2).build();
    hooks.onEvent(confirmedEvent(payments, null));
    hooks.deliverDue();
    clock.advance(Duration.ofSeconds(5));
    hooks.deliverDue();
    assertTrue(hooks.isEndpointDisabled("shop"));
    clock.advance(Duration.ofMinutes(5));
    hooks.deliverDue();
    assertEquals(2, server.getRequestCount());
    assertEquals("endpoint disabled", hooks.delivery("evt-1", "shop").orElseThrow().lastError());
  }

  @Test
  void rotatedSecret_signsWithBothUntilTheWindowEnds() throws Exception {
    server.enqueue(status(200));
    WebhookSecret next = WebhookSecret.generate();
    WebhookEndpoint rotated = WebhookEndpoint.of("shop", server.url("/h").toString(), secret)
        .rotate(next, T0.plusSeconds(60));
    WebhookListener hooks = WebhookListener.builder(payments).clock(clock).retrySchedule(FIXED)
        .allowPrivateNetworks(true).endpoint(rotated).build();
    hooks.onEvent(confirmedEvent(payments, null));
    hooks.deliverDue();
    RecordedRequest r = take();
    for (WebhookSecret s : List.of(secret, next)) {
      WebhookVerifier.of(s).withClock(clock).verify(r.getHeaders().get("webhook-id"),
          r.getHeaders().get("webhook-timestamp"), r.getHeaders().get("webhook-signature"),
          r.getBody().toByteArray());
    }
    assertEquals(1, rotated.secretsAt(T0.plusSeconds(60)).size());
  }

  @Test
  void jdbcDeliveryStore_keepsTheScheduleAndTheRequestsCallbackColumns() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcPaymentStore store = JdbcPaymentStore.builder(ds).build();
    store.migrate();
    server.enqueue(status(500));
    server.enqueue(status(200));
    WebhookListener hooks = WebhookListener.builder(store).clock(clock).retrySchedule(FIXED)
        .allowPrivateNetworks(true).callbackSecret(secret)
        .deliveryStore(store.webhookDeliveries()).build();
    hooks.onEvent(confirmedEvent(store, server.url("/cb").toString()));
    assertEquals(0, hooks.deliverDue());
    // A restarted listener over the same database picks the schedule up where it was.
    WebhookListener restarted = WebhookListener.builder(store).clock(clock).retrySchedule(FIXED)
        .allowPrivateNetworks(true).callbackSecret(secret)
        .deliveryStore(store.webhookDeliveries()).build();
    clock.advance(Duration.ofSeconds(4));
    assertEquals(0, restarted.deliverDue());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, restarted.deliverDue());
    WebhookDelivery d = restarted.delivery("evt-1", WebhookEndpoint.CALLBACK_ID).orElseThrow();
    assertEquals(WebhookDelivery.State.DELIVERED, d.state());
    assertEquals(2, d.attempts());
    try (var c = ds.getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT callback_attempts, callback_success FROM "
            + "tronpay_payments WHERE payment_id = 'pay-1'")) {
      rs.next();
      assertEquals(2, rs.getInt(1));
      assertTrue(rs.getBoolean(2));
    }
  }
}

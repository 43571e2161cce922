package io.tronpay.monitor.webhook;

import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentListener;
import io.tronpay.monitor.PaymentStore;
import io.tronpay.monitor.Transfer;
import io.tronpay.monitor.TransferRecord;
import io.tronpay.monitor.internal.webhook.UrlGuard;
import io.tronpay.monitor.internal.webhook.WebhookPayloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a monitor's events as signed webhooks (Standard Webhooks: {@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}) to every registered endpoint and to a
 * request's own {@code callbackUrl}.
 *
 * <p>{@link #onEvent} only queues: one delivery per event and endpoint, in the
 * {@link WebhookDeliveryStore}, so the monitor is never held up by a slow receiver and a
 * redelivered event is not queued twice. {@link #deliverDue()} (every second after
 * {@link #start()}) sends what is due: a 2xx within the timeout is success; anything else is
 * retried by the {@link WebhookRetrySchedule} and dead-lettered after its last attempt. An
 * endpoint that fails {@code disableAfter} times in a row is disabled.
 *
 * <p>Requests go out without following redirects, read at most {@code maxResponseBytes} of the
 * answer, and only to http(s) URLs whose host is public (or allowlisted, or private networks
 * are allowed), so a hostile {@code callbackUrl} cannot reach the host's own network.
 */
public final class WebhookListener extends PaymentListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookListener.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int BATCH = 100;

  private final PaymentStore payments;
  private final WebhookDeliveryStore deliveries;
  private final Map<String, WebhookEndpoint> endpoints;
  private final WebhookSecret callbackSecret;
  private final WebhookRetrySchedule schedule;
  private final int disableAfter;
  private final UrlGuard guard;
  private final OkHttpClient http;
  private final Duration timeout;
  private final long maxResponseBytes;
  private final Clock clock;
  private final Object deliveryLock = new Object();
  private ScheduledExecutorService executor;

  private WebhookListener(Builder b) {
    this.payments = b.payments;
    this.deliveries = b.deliveries;
    this.endpoints = Map.copyOf(b.endpoints);
    this.callbackSecret = b.callbackSecret;
    this.schedule = b.schedule;
    this.disableAfter = b.disableAfter;
    this.guard = new UrlGuard(b.allowedHosts, b.allowPrivateNetworks);
    this.timeout = b.timeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.clock = b.clock;
    OkHttpClient base = b.httpClient != null ? b.httpClient : new OkHttpClient();
    this.http = base.newBuilder().followRedirects(false).followSslRedirects(false).dns(guard)
        .callTimeout(timeout).build();
  }

  /**
   * A builder.
   *
   * @param payments the monitor's store, read for each event's request and transfer
   * @return the builder
   */
  public static Builder builder(PaymentStore payments) {
    return new Builder(payments);
  }

  /** Queues the event for every enabled endpoint and the request's callback URL. */
  @Override
  public void onEvent(PaymentEvent event) {
    Payment payment = event.paymentId() == null ? null
        : payments.find(event.paymentId()).orElse(null);
    long blockTime = -1;
    if (event.txId() != null) {
      Transfer.Key key = new Transfer.Key(event.txId(), event.logIndex());
      TransferRecord t = payments.findTransfers(List.of(key)).get(key);
      blockTime = t == null ? -1 : t.transfer().blockTimestamp();
    }
    String body = WebhookPayloads.of(event, payment, blockTime);
    Instant now = clock.instant();
    Instant first = now.plus(schedule.waits().get(0));
    List<WebhookDelivery> queue = new ArrayList<>();
    for (WebhookEndpoint endpoint : endpoints.values()) {
      queue.add(new WebhookDelivery(event.eventId(), endpoint.id(), event.paymentId(),
          endpoint.url(), body, WebhookDelivery.State.PENDING, 0, first, null, 0, null));
    }
    String callback = payment == null ? null : payment.request().callbackUrl();
    if (callback != null) {
      if (callbackSecret == null) {
        LOG.warn("request {} has a callbackUrl but no callback secret is configured; not sent",
            event.paymentId());
      } else {
        queue.add(new WebhookDelivery(event.eventId(), WebhookEndpoint.CALLBACK_ID,
            event.paymentId(), callback, body, WebhookDelivery.State.PENDING, 0, first, null, 0,
            null));
      }
    }
    deliveries.enqueue(queue);
  }

  /**
   * Sends every delivery that is due, once each.
   *
   * @return deliveries that succeeded
   */
  public int deliverDue() {
    synchronized (deliveryLock) {
      int delivered = 0;
      while (true) {
        Instant now = clock.instant();
        List<WebhookDelivery> due = deliveries.claimDue(now,
            now.plus(timeout.multipliedBy(2)).plusSeconds(30), BATCH);
        for (WebhookDelivery d : due) {
          if (attempt(d)) {
            delivered++;
          }
        }
        if (due.size() < BATCH) {
          return delivered;
        }
      }
    }
  }

  private boolean attempt(WebhookDelivery d) {
    Instant now = clock.instant();
    if (!d.endpointId().equals(WebhookEndpoint.CALLBACK_ID)
        && deliveries.isEndpointDisabled(d.endpointId())) {
      deliveries.record(d.attempted(WebhookDelivery.State.DEAD, now, 0, "endpoint disabled",
          now));
      return false;
    }
    try {
      guard.check(d.url());
    } catch (RefusedWebhookUrlException e) {
      LOG.warn("webhook {} to endpoint {} refused: {}", d.eventId(), d.endpointId(),
          e.getMessage());
      deliveries.record(d.attempted(WebhookDelivery.State.DEAD, now, 0, e.getMessage(), now));
      return false;
    }
    int status = 0;
    String error;
    byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
    long timestamp = now.getEpochSecond();
    Request request = new Request.Builder().url(d.url())
        .header("webhook-id", d.eventId())
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", WebhookSignatures.sign(d.eventId(), timestamp, body,
            secretsOf(d, now)))
        .header("User-Agent", "tronpay-webhooks")
        .post(RequestBody.create(body, JSON)).build();
    try (Response response = http.newCall(request).execute()) {
      status = response.code();
      String answer = response.peekBody(maxResponseBytes).string();
      if (response.isSuccessful()) {
        deliveries.record(d.attempted(WebhookDelivery.State.DELIVERED, now, status, null, now));
        deliveries.endpointSucceeded(d.endpointId());
        return true;
      }
      error = "HTTP " + status + (answer.isEmpty() ? "" : ": " + truncate(answer));
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + ": " + truncate(String.valueOf(e.getMessage()));
    }
    failed(d, now, status, error);
    return false;
  }

  private void failed(WebhookDelivery d, Instant now, int status, String error) {
    // Callback URLs belong to single requests; only registered endpoints have a health record.
    boolean registered = !d.endpointId().equals(WebhookEndpoint.CALLBACK_ID);
    int failures = registered ? deliveries.endpointFailed(d.endpointId()) : 0;
    if (registered && disableAfter > 0 && failures >= disableAfter) {
      LOG.error("disabling webhook endpoint {} after {} failures in a row", d.endpointId(),
          failures);
      deliveries.setEndpointDisabled(d.endpointId(), true);
    }
    Duration wait = schedule.after(d.attempts() + 1);
    if (wait == null) {
      LOG.error("webhook {} to endpoint {} dead-lettered after {} attempts: {}", d.eventId(),
          d.endpointId(), d.attempts() + 1, error);
      deliveries.record(d.attempted(WebhookDelivery.State.DEAD, now, status, error, now));
    } else {
      LOG.warn("webhook {} to endpoint {} failed (attempt {}): {}; next in {}", d.eventId(),
          d.endpointId(), d.attempts() + 1, error, wait);
      deliveries.record(d.attempted(WebhookDelivery.State.PENDING, now, status, error,
          now.plus(wait)));
    }
  }

  private List<WebhookSecret> secretsOf(WebhookDelivery d, Instant now) {
    if (d.endpointId().equals(WebhookEndpoint.CALLBACK_ID)) {
      return List.of(callbackSecret);
    }
    WebhookEndpoint endpoint = endpoints.get(d.endpointId());
    if (endpoint == null) {
      throw new IllegalStateException("delivery for unknown endpoint " + d.endpointId());
    }
    return endpoint.secretsAt(now);
  }

  private static String truncate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  /**
   * Sends an event again to every endpoint it went to, with a fresh retry schedule; for a
   * dead letter after the receiver is fixed, or a receiver that lost it.
   *
   * @param eventId the event
   * @return how many deliveries were requeued
   */
  public int redeliver(String eventId) {
    return deliveries.redeliver(eventId, clock.instant());
  }

  /**
   * Dead-lettered deliveries, oldest first.
   *
   * @return up to 1000 of them
   */
  public List<WebhookDelivery> listDeadLetters() {
    return deliveries.deadLetters(1000);
  }

  /**
   * An event's deliveries.
   *
   * @param eventId the event
   * @return one per endpoint
   */
  public List<WebhookDelivery> deliveries(String eventId) {
    return deliveries.deliveriesOf(eventId);
  }

  /**
   * Re-enables a disabled endpoint.
   *
   * @param endpointId the endpoint
   */
  public void enableEndpoint(String endpointId) {
    deliveries.setEndpointDisabled(endpointId, false);
  }

  /**
   * Whether an endpoint was disabled after persistent failure.
   *
   * @param endpointId the endpoint
   * @return whether deliveries to it stop
   */
  public boolean isEndpointDisabled(String endpointId) {
    return deliveries.isEndpointDisabled(endpointId);
  }

  /**
   * Checks a URL against this listener's guards, for a host that vets {@code callbackUrl}s
   * before accepting a request.
   *
   * @param url the URL
   * @throws RefusedWebhookUrlException naming the rule that refuses it
   */
  public void checkUrl(String url) {
    guard.check(url);
  }

  /** Starts sending due deliveries every second on a daemon thread of its own. */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tronpay-webhooks");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        deliverDue();
      } catch (RuntimeException e) {
        LOG.error("webhook delivery round failed; retrying next round", e);
      }
    }, 0, 1, TimeUnit.SECONDS);
  }

  /** Stops the delivery thread; queued deliveries stay in the store. */
  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  /** Configures a {@link WebhookListener}. */
  public static final class Builder {
    private final PaymentStore payments;
    private WebhookDeliveryStore deliveries = new InMemoryWebhookDeliveryStore();
    private final Map<String, WebhookEndpoint> endpoints = new LinkedHashMap<>();
    private WebhookSecret callbackSecret;
    private WebhookRetrySchedule schedule = WebhookRetrySchedule.DEFAULT;
    private int disableAfter = 50;
    private final Set<String> allowedHosts = new HashSet<>();
    private boolean allowPrivateNetworks;
    private Duration timeout = Duration.ofSeconds(10);
    private long maxResponseBytes = 64 * 1024;
    private Clock clock = Clock.systemUTC();
    private OkHttpClient httpClient;

    private Builder(PaymentStore payments) {
      this.payments = Objects.requireNonNull(payments, "payments");
    }

    /**
     * Where deliveries are kept (in memory by default; use the JDBC store's to survive
     * restarts).
     *
     * @param deliveries the store
     * @return this builder
     */
    public Builder deliveryStore(WebhookDeliveryStore deliveries) {
      this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
      return this;
    }

    /**
     * Adds an endpoint that gets every event.
     *
     * @param endpoint the endpoint; its id must be new
     * @return this builder
     */
    public Builder endpoint(WebhookEndpoint endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      if (endpoints.putIfAbsent(endpoint.id(), endpoint) != null) {
        throw new IllegalArgumentException("webhook endpoint id '" + endpoint.id()
            + "' is registered twice");
      }
      return this;
    }

    /**
     * The secret that signs deliveries to requests' own callback URLs; without one they are not
     * sent.
     *
     * @param secret the secret
     * @return this builder
     */
    public Builder callbackSecret(WebhookSecret secret) {
      this.callbackSecret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /**
     * The retry schedule ({@link WebhookRetrySchedule#DEFAULT} by default).
     *
     * @param schedule the schedule
     * @return this builder
     */
    public Builder retrySchedule(WebhookRetrySchedule schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /**
     * Disables an endpoint after this many failed attempts in a row (50 by default; 0 never).
     *
     * @param failures 0 or more
     * @return this builder
     */
    public Builder disableAfter(int failures) {
      if (failures < 0) {
        throw new IllegalArgumentException("disableAfter must not be negative, got " + failures);
      }
      this.disableAfter = failures;
      return this;
    }

    /**
     * Restricts deliveries to these hosts (any public host by default).
     *
     * @param hosts host names
     * @return this builder
     */
    public Builder allowedHosts(Set<String> hosts) {
      for (String h : hosts) {
        allowedHosts.add(h.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /**
     * Allows private, loopback and link-local addresses (refused by default).
     *
     * @param allow whether to allow them
     * @return this builder
     */
    public Builder allowPrivateNetworks(boolean allow) {
      this.allowPrivateNetworks = allow;
      return this;
    }

    /**
     * How long one attempt may take in all (10 s by default).
     *
     * @param timeout more than 0
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The most of a receiver's answer that is read (64 KiB by default).
     *
     * @param bytes more than 0
     * @return this builder
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxResponseBytes must be positive, got " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * The clock of timestamps and the retry schedule (system UTC by default).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * An OkHttp client to share pools with; redirects, DNS and timeout are set over it.
     *
     * @param client the client
     * @return this builder
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Builds the listener; register it with {@code PaymentMonitor.Builder.listener}.
     *
     * @return the listener
     */
    public WebhookListener build() {
      return new WebhookListener(this);
    }
  }

  /**
   * The delivery of one event to one endpoint, if queued.
   *
   * @param eventId the event
   * @param endpointId the endpoint
   * @return the delivery
   */
  public Optional<WebhookDelivery> delivery(String eventId, String endpointId) {
    for (WebhookDelivery d : deliveries.deliveriesOf(eventId)) {
      if (d.endpointId().equals(endpointId)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}

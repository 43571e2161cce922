package io.tronpay.examples.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tronpay.core.Address;
import io.tronpay.core.AddressFormatException;
import io.tronpay.core.TokenAmount;
import io.tronpay.monitor.AddressConflictException;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.ConfirmationPolicy;
import io.tronpay.monitor.DuplicateOrderIdException;
import io.tronpay.monitor.InvalidPaymentRequestException;
import io.tronpay.monitor.MonitorHealth;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentMonitor;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.StoreStats;
import io.tronpay.monitor.TransferRecord;
import io.tronpay.monitor.TransferState;
import io.tronpay.monitor.webhook.RefusedWebhookUrlException;
import io.tronpay.monitor.webhook.WebhookListener;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The seed service's four endpoints, on the JDK's {@link HttpServer}. Every answer is JSON;
 * errors are {@code {"error": "..."}} with the seed's status codes: 400 for bad input (the message
 * names the field), 404 for an unknown payment, 409 for a duplicate {@code order_id}.
 */
final class Routes {
  static final String CURRENCY = "USDT_TRC20";
  /** Requests are a few hundred bytes; a larger body is refused before it is read. */
  static final int MAX_BODY_BYTES = 16 * 1024;
  /** Failed polls in a row after which {@code /health} answers 503. */
  static final int UNHEALTHY_AFTER_ERRORS = 3;
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  // TokenAmount holds at most a uint256 of base units; larger input is refused before any
  // BigInteger is made of it (1e999999999 is valid JSON).
  private static final BigDecimal MAX_USDT = new BigDecimal(
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), Asset.USDT.decimals());

  private final PaymentMonitor monitor;
  private final WebhookListener webhooks;
  private final CallbackLog callbacks;
  private final ConfirmationPolicy confirmation;

  Routes(PaymentMonitor monitor, WebhookListener webhooks, CallbackLog callbacks,
      ConfirmationPolicy confirmation) {
    this.monitor = monitor;
    this.webhooks = webhooks;
    this.callbacks = callbacks;
    this.confirmation = confirmation;
  }

  /** A refusal with its HTTP status; the message goes to the client as {@code error}. */
  static final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  interface Handler {
    Answer handle(HttpExchange exchange) throws IOException;
  }

  record Answer(int status, Object body) {}

  void register(HttpServer server) {
    // A context matches every path under it: "/stats/x" must not be "/stats", hence exactPath.
    server.createContext("/create_payment", e -> serve(e, "POST", true, this::createPayment));
    server.createContext("/payment_status/", e -> serve(e, "GET", false, this::paymentStatus));
    server.createContext("/health", e -> serve(e, "GET", true, this::health));
    server.createContext("/stats", e -> serve(e, "GET", true, this::stats));
    server.createContext("/", e -> serve(e, null, false, x -> {
      throw new ApiException(404, "no endpoint " + x.getRequestURI().getPath());
    }));
  }

  private static void serve(HttpExchange exchange, String method, boolean exactPath,
      Handler handler) throws IOException {
    try (exchange) {
      Answer answer;
      try {
        String path = exchange.getRequestURI().getPath();
        if (exactPath && !path.equals(exchange.getHttpContext().getPath())) {
          throw new ApiException(404, "no endpoint " + path);
        }
        if (method != null && !exchange.getRequestMethod().equals(method)) {
          exchange.getResponseHeaders().set("Allow", method);
          throw new ApiException(405, "method " + exchange.getRequestMethod()
              + " is not allowed here; use " + method);
        }
        answer = handler.handle(exchange);
      } catch (ApiException e) {
        answer = new Answer(e.status, Map.of("error", e.getMessage()));
      } catch (RuntimeException e) {
        // The client learns nothing about the inside; the operator reads stderr.
        System.err.println("gateway: " + exchange.getRequestMethod() + " "
            + exchange.getRequestURI().getPath() + " failed: " + e);
        answer = new Answer(500, Map.of("error", "internal error"));
      }
      byte[] bytes = Json.write(answer.body()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  // ------------------------------------------------------------------ POST /create_payment

  private Answer createPayment(HttpExchange exchange) throws IOException {
    Map<String, Object> body = readObject(exchange);
    PaymentRequest.Builder request = PaymentRequest.builder().confirmation(confirmation);

    String wallet = requiredString(body, "wallet_address");
    try {
      request.address(Address.fromBase58(wallet));
    } catch (AddressFormatException e) {
      throw new ApiException(400, "wallet_address is not a TRON address: " + e.getMessage());
    }
    request.usdt(amount(body.get("expected_amount_usdt")));

    String orderId = requiredString(body, "order_id");
    if (orderId.isEmpty() || orderId.length() > PaymentRequest.MAX_ID_LENGTH) {
      throw new ApiException(400, "order_id must be 1 to " + PaymentRequest.MAX_ID_LENGTH
          + " characters, got " + orderId.length());
    }
    if (orderId.chars().anyMatch(Character::isISOControl)) {
      throw new ApiException(400, "order_id must not contain control characters");
    }
    request.orderId(orderId);

    Object callback = body.get("callback_url");
    if (callback != null) {
      if (!(callback instanceof String url)) {
        throw new ApiException(400, "callback_url must be a string");
      }
      try {
        request.callbackUrl(url);
        // The SSRF guard: loopback and private networks only with --allow-private-callbacks.
        webhooks.checkUrl(url);
      } catch (InvalidPaymentRequestException | RefusedWebhookUrlException e) {
        throw new ApiException(400, "callback_url is refused: " + e.getMessage());
      }
    }

    Payment payment;
    try {
      payment = monitor.watch(request.build());
    } catch (DuplicateOrderIdException e) {
      throw new ApiException(409, "order_id " + orderId + " already exists");
    } catch (AddressConflictException e) {
      throw new ApiException(409, "wallet_address " + wallet + " is in use: " + e.getMessage());
    } catch (InvalidPaymentRequestException e) {
      throw new ApiException(400, e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("payment_id", payment.id());
    out.put("status", statusName(payment.status()));
    out.put("message", "Payment monitoring started");
    out.put("expires_at", payment.expiresAt());
    return new Answer(201, out);
  }

  /**
   * {@code expected_amount_usdt} as a JSON number or a decimal string, exactly: more than 0, at
   * most 6 decimals.
   */
  static TokenAmount amount(Object value) {
    String field = "expected_amount_usdt";
    BigDecimal amount;
    if (value == null) {
      throw new ApiException(400, field + " is required");
    } else if (value instanceof BigDecimal number) {
      amount = number;
    } else if (value instanceof String text && DECIMAL.matcher(text).matches()) {
      amount = new BigDecimal(text);
    } else if (value instanceof String text) {
      throw new ApiException(400, field + " must be a decimal number, got \"" + text + "\"");
    } else {
      throw new ApiException(400, field + " must be a number or a decimal string");
    }
    if (amount.signum() <= 0) {
      throw new ApiException(400, field + " must be more than 0");
    }
    if (amount.compareTo(MAX_USDT) > 0) {
      throw new ApiException(400, field + " is too large");
    }
    if (amount.stripTrailingZeros().scale() > Asset.USDT.decimals()) {
      throw new ApiException(400, field + " has more than " + Asset.USDT.decimals()
          + " decimals");
    }
    return Asset.USDT.amount(amount.movePointRight(Asset.USDT.decimals()).toBigIntegerExact());
  }

  private static Map<String, Object> readObject(HttpExchange exchange) throws IOException {
    byte[] raw = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (raw.length > MAX_BODY_BYTES) {
      throw new ApiException(413, "request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    Object parsed;
    try {
      parsed = Json.parse(new String(raw, StandardCharsets.UTF_8));
    } catch (Json.MalformedJsonException e) {
      throw new ApiException(400, "request body is not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new ApiException(400, "request body must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return object;
  }

  private static String requiredString(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (value == null) {
      throw new ApiException(400, field + " is required");
    }
    if (!(value instanceof String s)) {
      throw new ApiException(400, field + " must be a string");
    }
    return s;
  }

  // ------------------------------------------------------------ GET /payment_status/<id>

  private Answer paymentStatus(HttpExchange exchange) {
    String id = exchange.getRequestURI().getPath().substring("/payment_status/".length());
    Payment p = monitor.status(id)
        .orElseThrow(() -> new ApiException(404, "payment " + id + " not found"));
    PaymentRequest r = p.request();
    TransferRecord last = null;
    for (TransferRecord t : monitor.transfers(id)) {
      if (t.state() != TransferState.REVERTED) {
        last = t;
      }
    }
    CallbackLog.Summary callback = callbacks.of(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("payment_id", p.id());
    out.put("order_id", r.orderId());
    out.put("wallet_address", r.address().toBase58());
    out.put("currency", CURRENCY);
    out.put("expected_amount_usdt", decimal(r.expectedAmount()));
    out.put("received_amount_usdt", decimal(p.received()));
    out.put("unconfirmed_amount_usdt", decimal(p.unconfirmed()));
    out.put("transaction_hash", last == null ? null : last.transfer().txId());
    out.put("block_timestamp", last == null ? null
        : Instant.ofEpochMilli(last.transfer().blockTimestamp()));
    out.put("status", statusName(p.status()));
    out.put("created_at", p.watchedAt());
    out.put("expires_at", p.expiresAt());
    out.put("callback_url", r.callbackUrl());
    out.put("callback_attempts", callback.attempts());
    out.put("last_callback_attempt", callback.lastAttempt());
    out.put("callback_success", callback.lastSucceeded());
    return new Answer(200, out);
  }

  // ------------------------------------------------------------------------ GET /health

  private Answer health(HttpExchange exchange) {
    MonitorHealth h = monitor.health();
    String problem = !h.running() ? "the monitor is not running"
        : h.consecutiveErrors() >= UNHEALTHY_AFTER_ERRORS
            ? "the node failed the last " + h.consecutiveErrors() + " polls" : null;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("running", h.running());
    m.put("node_reachable", h.lastPollAt() != null && h.consecutiveErrors() == 0);
    m.put("head_block", h.headBlock());
    m.put("scanned_block", h.scannedBlock());
    m.put("lag_blocks", h.headLag());
    m.put("last_block_time", h.lastBlockTime());
    m.put("last_poll_at", h.lastPollAt());
    m.put("consecutive_errors", h.consecutiveErrors());
    m.put("open_payments", h.openRequests());
    m.put("events_pending", h.outboxPending());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", problem == null ? "healthy" : "unhealthy");
    if (problem != null) {
      out.put("reason", problem);
    }
    out.put("timestamp", Instant.now());
    out.put("monitor", m);
    return new Answer(problem == null ? 200 : 503, out);
  }

  // ------------------------------------------------------------------------- GET /stats

  private Answer stats(HttpExchange exchange) {
    StoreStats s = monitor.stats();
    Map<String, Object> byStatus = new LinkedHashMap<>();
    long total = 0;
    long active = 0;
    for (PaymentStatus status : PaymentStatus.values()) {
      long n = s.count(status);
      byStatus.put(statusName(status), n);
      total += n;
      active += status.isOpen() ? n : 0;
    }
    BigInteger received = BigInteger.ZERO;
    for (BigInteger units : s.receivedByAsset().getOrDefault(Asset.USDT, Map.of()).values()) {
      received = received.add(units);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total_payments", total);
    out.put("active_payments", active);
    out.put("by_status", byStatus);
    out.put("total_received_usdt", decimal(Asset.USDT.amount(received)));
    out.put("unmatched_transfers", s.unmatchedTransfers());
    out.put("webhooks", callbacks.countsByState());
    return new Answer(200, out);
  }

  // ----------------------------------------------------------------------------- shared

  /**
   * The seed's status names: {@code watching} for a request that has received nothing yet, the
   * SDK's state in lower case otherwise (the same names the webhooks carry).
   */
  static String statusName(PaymentStatus status) {
    return status == PaymentStatus.PENDING ? "watching" : status.name().toLowerCase(Locale.ROOT);
  }

  private static BigDecimal decimal(TokenAmount amount) {
    return new BigDecimal(amount.units(), amount.decimals()).stripTrailingZeros();
  }
}

package io.tronpay.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tronpay.monitor.webhook.WebhookSecret;
import io.tronpay.monitor.webhook.WebhookSignatures;
import io.tronpay.monitor.webhook.WebhookVerificationException;
import io.tronpay.monitor.webhook.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on the JDK's own HTTP server: it verifies each request's Standard Webhooks
 * signature with {@link WebhookVerifier} before believing a word of it. To show the difference it
 * sends itself a correctly signed payment event, the same event with a changed amount, an event
 * signed with a guessed secret, and the signed event once more, as a retrying sender would.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.WebhookReceiver
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.WebhookReceiver \
 *     -Dexec.args="--port 8099 --secret-file webhook-secret.txt --serve-seconds 600"
 * </pre>
 *
 * <p>{@code --secret-file} holds the endpoint's {@code whsec_...} secret, the one a monitor's
 * {@code WebhookEndpoint} signs with (a secret never goes on the command line); without it the
 * recipe makes a random one. {@code --port} (default: any free port) and {@code --serve-seconds}
 * (default 0: stop after the self-test) let a real monitor post to it afterwards. It exits with a
 * non-zero status if any of its own checks fails.
 */
public final class WebhookReceiver {
  static final String PATH = "/webhooks/tronpay";
  /** Payment events are small; a larger body is refused before it is read into memory. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private WebhookReceiver() {}

  /**
   * Runs the recipe and exits with status 1 if a check fails.
   *
   * @param args the options above
   * @throws Exception if the server cannot start or a request cannot be sent
   */
  public static void main(String[] args) throws Exception {
    int status = run(System.out, args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The whole recipe, narrated on {@code out}; returns 0 when every check passes. */
  static int run(PrintStream out, String... args) throws IOException, InterruptedException {
    Args options = Args.parse(args, Set.of("--port", "--secret-file", "--serve-seconds"));
    int port = options.getInt("--port", 0);
    int serveSeconds = options.getInt("--serve-seconds", 0);
    out.println("== Receive and verify webhooks ==");
    out.println();

    out.println("1. Get the endpoint's secret. The monitor signs with it and we verify with it;");
    out.println("   it is never printed, logged or put on a command line.");
    WebhookSecret secret = options.get("--secret-file") != null
        ? WebhookSecret.parse(readFile(options.get("--secret-file")))
        : WebhookSecret.generate();
    out.println("   " + (options.get("--secret-file") != null ? "read from the secret file"
        : "no --secret-file: made a random one for this run"));
    // The default tolerance of 5 minutes refuses a captured request replayed later on.
    WebhookVerifier verifier = WebhookVerifier.of(secret);
    out.println();

    Receiver receiver = new Receiver(out, verifier);
    // Loopback only: this demo has no TLS. A real receiver sits behind HTTPS.
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(PATH, receiver::handle);
    server.start();
    WebhookSecret attackerSecret = WebhookSecret.generate();
    try {
      URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
      out.println("2. Listen on " + url);
      out.println();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      Checks checks = new Checks(out);

      String eventId = "evt_" + Long.toHexString(System.nanoTime());
      long timestamp = Instant.now().getEpochSecond();
      byte[] body = samplePayload(eventId, "12.5").getBytes(StandardCharsets.UTF_8);

      out.println("3. Send a payment.confirmed event signed with the endpoint's secret.");
      int genuine = post(http, url, eventId, timestamp, body,
          WebhookSignatures.sign(eventId, timestamp, body, List.of(secret)));
      out.println("   answer: " + genuine);
      out.println();

      out.println("4. Forge: take that request as captured on the way, keep its headers and");
      out.println("   signature, and raise the amount to 1250 USDT.");
      byte[] tampered = samplePayload(eventId, "1250").getBytes(StandardCharsets.UTF_8);
      int forgedBody = post(http, url, eventId, timestamp, tampered,
          WebhookSignatures.sign(eventId, timestamp, body, List.of(secret)));
      out.println("   answer: " + forgedBody);
      out.println();

      out.println("5. Forge: a fresh event signed with a secret the attacker made up.");
      String forgedId = "evt_forged";
      byte[] forgedEvent = samplePayload(forgedId, "500").getBytes(StandardCharsets.UTF_8);
      int forgedSecret = post(http, url, forgedId, timestamp, forgedEvent,
          WebhookSignatures.sign(forgedId, timestamp, forgedEvent, List.of(attackerSecret)));
      out.println("   answer: " + forgedSecret);
      out.println();

      out.println("6. Deliver the genuine event again: webhooks come at least once, so a");
      out.println("   receiver acknowledges a repeat but acts on each webhook-id only once.");
      long retryTimestamp = Instant.now().getEpochSecond();
      int repeat = post(http, url, eventId, retryTimestamp, body,
          WebhookSignatures.sign(eventId, retryTimestamp, body, List.of(secret)));
      out.println("   answer: " + repeat);
      out.println();

      out.println("7. Check our own work:");
      checks.check("the signed event was accepted (200)", genuine == 200);
      checks.check("the event with a changed amount was refused (401)", forgedBody == 401);
      checks.check("the event signed with a made-up secret was refused (401)",
          forgedSecret == 401);
      checks.check("the repeated delivery was acknowledged (200)", repeat == 200);
      checks.check("exactly one event was acted on, the genuine one",
          receiver.handled().equals(List.of(eventId)));
      int status = checks.finish("All checks passed.");

      if (serveSeconds > 0) {
        out.println();
        out.println("Serving " + url + " for " + serveSeconds + " s more; point a WebhookEndpoint"
            + " with the same secret at it.");
        Thread.sleep(Duration.ofSeconds(serveSeconds).toMillis());
      }
      return status;
    } finally {
      server.stop(0);
      secret.destroy();
      attackerSecret.destroy();
    }
  }

  /** A body in the shape the monitor's webhooks carry, trimmed to the fields a shop reads. */
  static String samplePayload(String eventId, String receivedUsdt) {
    return "{\"payment_id\":\"pay_1\",\"order_id\":\"A-1\","
        + "\"wallet_address\":\"TVMydtyfWxufY3SyHfJRU8FPvs24XYnaYm\",\"currency\":\"USDT\","
        + "\"expected_amount_usdt\":12.5,\"received_amount_usdt\":" + receivedUsdt + ","
        + "\"status\":\"confirmed\",\"event_id\":\"" + eventId + "\","
        + "\"event_type\":\"payment.confirmed\"}";
  }

  private static int post(HttpClient http, URI url, String id, long timestamp, byte[] body,
      String signature) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String readFile(String name) {
    try {
      return Files.readString(Path.of(name), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new Args.UsageException("cannot read " + name + ": " + e.getMessage());
    }
  }

  /** The endpoint: verify first, then act once per webhook-id. */
  private static final class Receiver {
    private final PrintStream out;
    private final WebhookVerifier verifier;
    private final Set<String> seenIds = ConcurrentHashMap.newKeySet();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    Receiver(PrintStream out, WebhookVerifier verifier) {
      this.out = out;
      this.verifier = verifier;
    }

    void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        if (!"POST".equals(exchange.getRequestMethod())) {
          answer(exchange, 405, "POST only");
          return;
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
          answer(exchange, 413, "body larger than " + MAX_BODY_BYTES + " bytes");
          return;
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : exchange.getRequestHeaders().keySet()) {
          headers.put(name, exchange.getRequestHeaders().getFirst(name));
        }
        try {
          // The signature covers the exact bytes received: verify before parsing anything.
          verifier.verify(headers, body);
        } catch (WebhookVerificationException e) {
          out.println("   receiver: refused, " + e.getMessage());
          answer(exchange, 401, "invalid signature");
          return;
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        if (seenIds.add(id)) {
          handled.add(id);
          out.println("   receiver: verified " + id + ", acting on it: "
              + new String(body, StandardCharsets.UTF_8));
        } else {
          out.println("   receiver: verified " + id + ", already handled; acknowledged only");
        }
        answer(exchange, 200, "ok");
      }
    }

    List<String> handled() {
      return List.copyOf(handled);
    }

    /** The body, or null if it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(InputStream in) throws IOException {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void answer(HttpExchange exchange, int status, String text)
        throws IOException {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }
}

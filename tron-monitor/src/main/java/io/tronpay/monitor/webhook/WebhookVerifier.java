package io.tronpay.monitor.webhook;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a received webhook for a receiver: the signature against any of the endpoint's secrets
 * (several during a rotation) and the timestamp against a tolerance (5 minutes by default), so a
 * captured request cannot be replayed later. Thread-safe.
 */
public final class WebhookVerifier {
  /** The default timestamp tolerance, either way. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final List<WebhookSecret> secrets;
  private final Duration tolerance;
  private final Clock clock;

  private WebhookVerifier(List<WebhookSecret> secrets, Duration tolerance, Clock clock) {
    this.secrets = secrets;
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /**
   * A verifier that accepts a signature by any of these secrets.
   *
   * @param secrets the endpoint's current secrets, at least one
   * @return the verifier, with the default tolerance and the system clock
   */
  public static WebhookVerifier of(WebhookSecret... secrets) {
    if (secrets.length == 0) {
      throw new IllegalArgumentException("a webhook verifier needs at least one secret");
    }
    return new WebhookVerifier(List.of(secrets), DEFAULT_TOLERANCE, Clock.systemUTC());
  }

  /**
   * This verifier with another timestamp tolerance.
   *
   * @param tolerance how far the timestamp may be from now, either way
   * @return the copy
   */
  public WebhookVerifier withTolerance(Duration tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance must not be negative, got " + tolerance);
    }
    return new WebhookVerifier(secrets, tolerance, clock);
  }

  /**
   * This verifier on another clock.
   *
   * @param clock the clock
   * @return the copy
   */
  public WebhookVerifier withClock(Clock clock) {
    return new WebhookVerifier(secrets, tolerance, Objects.requireNonNull(clock, "clock"));
  }

  /**
   * Verifies a request by its headers (names in any case).
   *
   * @param headers the request headers
   * @param body the exact body bytes as received
   * @throws WebhookVerificationException naming the fault
   */
  public void verify(Map<String, String> headers, byte[] body) {
    String id = null;
    String timestamp = null;
    String signature = null;
    for (Map.Entry<String, String> h : headers.entrySet()) {
      switch (h.getKey().toLowerCase(Locale.ROOT)) {
        case "webhook-id":
          id = h.getValue();
          break;
        case "webhook-timestamp":
          timestamp = h.getValue();
          break;
        case "webhook-signature":
          signature = h.getValue();
          break;
        default:
          break;
      }
    }
    verify(id, timestamp, signature, body);
  }

  /**
   * Verifies a request by the three header values.
   *
   * @param id {@code webhook-id}
   * @param timestamp {@code webhook-timestamp}, epoch seconds
   * @param signature {@code webhook-signature}: space-separated {@code v1,<base64>} entries
   * @param body the exact body bytes as received
   * @throws WebhookVerificationException naming the fault
   */
  public void verify(String id, String timestamp, String signature, byte[] body) {
    if (id == null || id.isEmpty()) {
      throw new WebhookVerificationException("webhook-id header is missing");
    }
    if (timestamp == null || timestamp.isEmpty()) {
      throw new WebhookVerificationException("webhook-timestamp header is missing");
    }
    if (signature == null || signature.isEmpty()) {
      throw new WebhookVerificationException("webhook-signature header is missing");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new WebhookVerificationException("webhook-timestamp is not whole epoch seconds");
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - seconds) > tolerance.getSeconds()) {
      throw new WebhookVerificationException("webhook-timestamp is " + (now - seconds)
          + " s from now, outside the tolerance of " + tolerance.getSeconds() + " s");
    }
    for (WebhookSecret secret : secrets) {
      byte[] expected = WebhookSignatures.hmac(secret, id, timestamp, body);
      for (String entry : signature.trim().split(" +")) {
        if (!entry.startsWith("v1,")) {
          continue;
        }
        byte[] given;
        try {
          given = Base64.getDecoder().decode(entry.substring(3));
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (MessageDigest.isEqual(expected, given)) {
          return;
        }
      }
    }
    throw new WebhookVerificationException("no v1 signature in webhook-signature matches the "
        + "body with any of the " + secrets.size() + " secret(s)");
  }
}

package io.tronpay.monitor.webhook;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An endpoint's HMAC key, in the Standard Webhooks form {@code whsec_<base64>}. It never shows
 * in {@link #toString()}, a log line or an exception message; its bytes come out only through
 * {@link #revealSecretBytes()}, and {@link #destroy()} zeroes them.
 */
public final class WebhookSecret {
  private static final String PREFIX = "whsec_";
  private final byte[] key;
  private volatile boolean destroyed;

  private WebhookSecret(byte[] key) {
    this.key = key;
  }

  /**
   * A new random 32-byte secret.
   *
   * @return the secret
   */
  public static WebhookSecret generate() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new WebhookSecret(key);
  }

  /**
   * Parses {@code whsec_<base64>} (the prefix may be left out).
   *
   * @param text the secret
   * @return the secret
   * @throws InvalidWebhookSecretException if it is not base64 or shorter than 16 bytes; the
   *     message never repeats the text
   */
  public static WebhookSecret parse(String text) {
    Objects.requireNonNull(text, "secret");
    String body = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
    byte[] key;
    try {
      key = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new InvalidWebhookSecretException("webhook secret is not base64 after 'whsec_'");
    }
    if (key.length < 16) {
      throw new InvalidWebhookSecretException("webhook secret must hold at least 16 bytes, got "
          + key.length);
    }
    return new WebhookSecret(key);
  }

  /**
   * A copy of the key bytes; the one way they leave this object.
   *
   * @return the bytes
   * @throws IllegalStateException once destroyed
   */
  public byte[] revealSecretBytes() {
    if (destroyed) {
      throw new IllegalStateException("webhook secret was destroyed");
    }
    return key.clone();
  }

  /**
   * The secret as {@code whsec_<base64>}, to hand to the receiver once; as greppable as
   * {@link #revealSecretBytes()}.
   *
   * @return the text form
   */
  public String revealSecretText() {
    byte[] bytes = revealSecretBytes();
    try {
      return PREFIX + Base64.getEncoder().encodeToString(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Zeroes the key; later use throws. */
  public void destroy() {
    destroyed = true;
    Arrays.fill(key, (byte) 0);
  }

  /** Whether {@link #destroy()} ran. */
  public boolean isDestroyed() {
    return destroyed;
  }

  /** Redacted. */
  @Override
  public String toString() {
    return "WebhookSecret[redacted]";
  }
}

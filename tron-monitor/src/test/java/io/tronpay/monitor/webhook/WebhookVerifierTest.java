package io.tronpay.monitor.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Signing and verification against the Standard Webhooks specification's published vector. */
class WebhookVerifierTest {
  private static final Properties VECTOR = load();

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = WebhookVerifierTest.class.getResourceAsStream(
        "/webhook/standard-webhooks-vector.properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return p;
  }

  private static String v(String key) {
    return VECTOR.getProperty(key);
  }

  private static byte[] body() {
    return v("body").getBytes(StandardCharsets.UTF_8);
  }

  private static WebhookVerifier verifierAt(long epochSecond, WebhookSecret... secrets) {
    return WebhookVerifier.of(secrets)
        .withClock(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  @Test
  void sign_publishedVector_matchesTheSpecification() {
    assertEquals(v("signature"), WebhookSignatures.sign(v("id"),
        Long.parseLong(v("timestamp")), body(), List.of(WebhookSecret.parse(v("secret")))));
  }

  @Test
  void verify_publishedVector_accepts() {
    verifierAt(Long.parseLong(v("timestamp")) + 10, WebhookSecret.parse(v("secret")))
        .verify(Map.of("Webhook-Id", v("id"), "webhook-timestamp", v("timestamp"),
            "WEBHOOK-SIGNATURE", v("signature")), body());
  }

  @Test
  void verify_alteredBody_namesTheFault() {
    WebhookVerificationException e = assertThrows(WebhookVerificationException.class,
        () -> verifierAt(Long.parseLong(v("timestamp")), WebhookSecret.parse(v("secret")))
            .verify(v("id"), v("timestamp"), v("signature"),
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("no v1 signature"), e.getMessage());
  }

  @Test
  void verify_timestampSixMinutesOld_isRejectedAsStale() {
    WebhookVerificationException e = assertThrows(WebhookVerificationException.class,
        () -> verifierAt(Long.parseLong(v("timestamp")) + 360, WebhookSecret.parse(v("secret")))
            .verify(v("id"), v("timestamp"), v("signature"), body()));
    assertTrue(e.getMessage().contains("outside the tolerance of 300 s"), e.getMessage());
  }

  @Test
  void verify_missingSignatureHeader_namesIt() {
    WebhookVerificationException e = assertThrows(WebhookVerificationException.class,
        () -> verifierAt(Long.parseLong(v("timestamp")), WebhookSecret.parse(v("secret")))
            .verify(Map.of("webhook-id", v("id"), "webhook-timestamp", v("timestamp")), body()));
    assertEquals("webhook-signature header is missing", e.getMessage());
  }

  @Test
  void verify_rotationWithTwoSignatures_acceptsEitherSecret() {
    WebhookSecret old = WebhookSecret.parse(v("secret"));
    WebhookSecret fresh = WebhookSecret.generate();
    String header = "v1,AAAA " + v("signature");
    verifierAt(Long.parseLong(v("timestamp")), fresh, old)
        .verify(v("id"), v("timestamp"), header, body());
    assertThrows(WebhookVerificationException.class,
        () -> verifierAt(Long.parseLong(v("timestamp")), fresh)
            .verify(v("id"), v("timestamp"), header, body()));
  }

  @Test
  void secret_toStringAndParseErrors_neverShowTheSecret() {
    WebhookSecret s = WebhookSecret.parse(v("secret"));
    assertFalse(s.toString().contains("MfKQ"));
    InvalidWebhookSecretException e = assertThrows(InvalidWebhookSecretException.class,
        () -> WebhookSecret.parse("whsec_not base64!"));
    assertFalse(e.getMessage().contains("not base64!"));
    s.destroy();
    assertThrows(IllegalStateException.class, s::revealSecretBytes);
  }
}

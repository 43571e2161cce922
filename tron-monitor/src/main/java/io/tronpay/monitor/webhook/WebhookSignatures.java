package io.tronpay.monitor.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}, one per
 * valid secret, separated by spaces.
 */
public final class WebhookSignatures {
  private WebhookSignatures() {}

  /**
   * The {@code webhook-signature} header value.
   *
   * @param id the {@code webhook-id}
   * @param timestampSeconds the {@code webhook-timestamp}
   * @param body the exact body bytes
   * @param secrets every secret valid now; one signature each
   * @return the header value
   */
  public static String sign(String id, long timestampSeconds, byte[] body,
      List<WebhookSecret> secrets) {
    StringBuilder out = new StringBuilder();
    for (WebhookSecret secret : secrets) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append("v1,").append(Base64.getEncoder().encodeToString(
          hmac(secret, id, Long.toString(timestampSeconds), body)));
    }
    return out.toString();
  }

  static byte[] hmac(WebhookSecret secret, String id, String timestamp, byte[] body) {
    byte[] key = secret.revealSecretBytes();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}

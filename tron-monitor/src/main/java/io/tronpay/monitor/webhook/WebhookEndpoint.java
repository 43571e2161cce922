package io.tronpay.monitor.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A registered receiver of every event: an id, a URL and its signing secret. Rotating the
 * secret keeps the previous one signing too until a moment the host picks, so receivers can
 * switch without dropping a delivery. Immutable.
 */
public final class WebhookEndpoint {
  /** The endpoint id of deliveries to a request's own {@code callbackUrl}. */
  public static final String CALLBACK_ID = "callback";

  private final String id;
  private final String url;
  private final WebhookSecret secret;
  private final WebhookSecret previous;
  private final Instant previousUntil;

  private WebhookEndpoint(String id, String url, WebhookSecret secret, WebhookSecret previous,
      Instant previousUntil) {
    this.id = id;
    this.url = url;
    this.secret = secret;
    this.previous = previous;
    this.previousUntil = previousUntil;
  }

  /**
   * An endpoint.
   *
   * @param id a stable id, 1 to 128 characters, not {@value #CALLBACK_ID}
   * @param url an absolute http or https URL
   * @param secret its signing secret
   * @return the endpoint
   */
  public static WebhookEndpoint of(String id, String url, WebhookSecret secret) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    if (id.isEmpty() || id.length() > 128) {
      throw new IllegalArgumentException("endpoint id must be 1 to 128 characters, got "
          + id.length());
    }
    if (id.equals(CALLBACK_ID)) {
      throw new IllegalArgumentException("endpoint id '" + CALLBACK_ID + "' is reserved for "
          + "request callback URLs");
    }
    return new WebhookEndpoint(id, url, secret, null, null);
  }

  static WebhookEndpoint callback(String url, WebhookSecret secret) {
    return new WebhookEndpoint(CALLBACK_ID, url, secret, null, null);
  }

  /**
   * This endpoint with a new secret; the current one keeps signing alongside until
   * {@code previousValidUntil}.
   *
   * @param next the new secret
   * @param previousValidUntil when the current secret stops signing
   * @return the rotated endpoint
   */
  public WebhookEndpoint rotate(WebhookSecret next, Instant previousValidUntil) {
    return new WebhookEndpoint(id, url, Objects.requireNonNull(next, "next"), secret,
        Objects.requireNonNull(previousValidUntil, "previousValidUntil"));
  }

  /** The id. */
  public String id() {
    return id;
  }

  /** The URL. */
  public String url() {
    return url;
  }

  /**
   * The secrets that sign at a moment: the current one, and the previous one inside its window.
   *
   * @param now the moment
   * @return one or two secrets, current first
   */
  public List<WebhookSecret> secretsAt(Instant now) {
    List<WebhookSecret> out = new ArrayList<>(2);
    out.add(secret);
    if (previous != null && now.isBefore(previousUntil)) {
      out.add(previous);
    }
    return out;
  }

  /** The id and URL; secrets are left out. */
  @Override
  public String toString() {
    return "WebhookEndpoint{" + id + ", " + url + "}";
  }
}

package io.tronpay.monitor.webhook;

/**
 * A received webhook failed verification: a header is missing or malformed, the timestamp is
 * outside the tolerance, or no signature matches. The message names which.
 */
public class WebhookVerificationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A failed verification.
   *
   * @param message the fault
   */
  public WebhookVerificationException(String message) {
    super(message);
  }
}

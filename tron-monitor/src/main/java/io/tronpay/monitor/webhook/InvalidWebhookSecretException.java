package io.tronpay.monitor.webhook;

/** A webhook secret that cannot be used; the message names the fault, never the secret. */
public class InvalidWebhookSecretException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A bad secret.
   *
   * @param message the fault
   */
  public InvalidWebhookSecretException(String message) {
    super(message);
  }
}

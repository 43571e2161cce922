package io.tronpay.monitor.webhook;

/**
 * A webhook URL the guards refuse: not http(s), a host outside the allowlist, or a host that
 * resolves to a private, loopback or link-local address while those are not allowed.
 */
public class RefusedWebhookUrlException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A refused URL.
   *
   * @param message which rule refused it
   */
  public RefusedWebhookUrlException(String message) {
    super(message);
  }
}

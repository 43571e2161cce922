package io.tronpay.monitor;

/** A payment request, or an argument about one, is invalid; the message names the fault. */
public class InvalidPaymentRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * An invalid request.
   *
   * @param message what is wrong
   */
  public InvalidPaymentRequestException(String message) {
    super(message);
  }
}

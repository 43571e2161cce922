package io.tronpay.monitor;

/** No request with the given id is known to the store. */
public class UnknownPaymentException extends InvalidPaymentRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * An unknown id.
   *
   * @param id the id asked for
   */
  public UnknownPaymentException(String id) {
    super("no payment request with id '" + id + "'");
  }
}

package io.tronpay.monitor;

/** A request reuses a payment id that the store already holds (or that its batch repeats). */
public class DuplicatePaymentIdException extends InvalidPaymentRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * A duplicate payment id.
   *
   * @param id the id that is taken
   */
  public DuplicatePaymentIdException(String id) {
    super("payment id '" + id + "' is already watched");
  }
}

package io.tronpay.monitor;

/** A request reuses an order id that the store already holds (or that its batch repeats). */
public class DuplicateOrderIdException extends InvalidPaymentRequestException {
  private static final long serialVersionUID = 1L;

  private final String orderId;

  /**
   * A duplicate order id.
   *
   * @param orderId the order id that is taken
   */
  public DuplicateOrderIdException(String orderId) {
    super("order id '" + orderId + "' is already watched");
    this.orderId = orderId;
  }

  /** The order id that is taken. */
  public String orderId() {
    return orderId;
  }
}

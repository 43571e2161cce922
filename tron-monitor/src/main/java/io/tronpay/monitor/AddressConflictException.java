package io.tronpay.monitor;

/**
 * A request cannot be told apart from an open request on the same deposit address: a unique
 * address is already in use, or a shared address already expects the same amount.
 */
public class AddressConflictException extends InvalidPaymentRequestException {
  private static final long serialVersionUID = 1L;

  /**
   * A conflict.
   *
   * @param message which address and which open request it collides with
   */
  public AddressConflictException(String message) {
    super(message);
  }
}

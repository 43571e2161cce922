package io.tronpay.monitor;

/** A payment was asked to move between two states that {@link PaymentStatus} does not link. */
public class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * An illegal transition.
   *
   * @param from the current state
   * @param to the requested state
   */
  public IllegalTransitionException(PaymentStatus from, PaymentStatus to) {
    super("a payment cannot go from " + from + " to " + to);
  }
}

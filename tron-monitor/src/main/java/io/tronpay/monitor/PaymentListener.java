package io.tronpay.monitor;

/**
 * Receives a monitor's events. Override the methods you need; the others do nothing.
 *
 * <p>The contract: events arrive at least once, so deduplicate on {@link PaymentEvent#eventId()};
 * a listener is called from one thread at a time and never re-entered; it should return fast. A
 * listener that throws gets the event again later, as the monitor's {@link DeliveryPolicy} says;
 * it never stops the monitor.
 */
public abstract class PaymentListener {
  /** For subclasses. */
  protected PaymentListener() {}

  /**
   * Called for every event; by default it calls the method for the event's type. Override this
   * instead to take every event in one place.
   *
   * @param event the event
   */
  public void onEvent(PaymentEvent event) {
    switch (event.type()) {
      case PAYMENT_DETECTED:
        onDetected(event);
        break;
      case PAYMENT_CONFIRMED:
        onConfirmed(event);
        break;
      case PAYMENT_OVERPAID:
        onOverpaid(event);
        break;
      case PAYMENT_UNDERPAID:
        onUnderpaid(event);
        break;
      case PAYMENT_EXPIRED:
        onExpired(event);
        break;
      case PAYMENT_LATE:
        onLate(event);
        break;
      case PAYMENT_REVERTED:
        onReverted(event);
        break;
      case PAYMENT_CANCELLED:
        onCancelled(event);
        break;
      case TRANSFER_UNMATCHED:
        onUnmatched(event);
        break;
      default:
        throw new IllegalStateException("unhandled event type " + event.type());
    }
  }

  /**
   * A transfer is on chain, unconfirmed.
   *
   * @param event the event
   */
  public void onDetected(PaymentEvent event) {}

  /**
   * Paid in full and confirmed.
   *
   * @param event the event
   */
  public void onConfirmed(PaymentEvent event) {}

  /**
   * Paid more than expected (also repeated for each further confirmed credit).
   *
   * @param event the event
   */
  public void onOverpaid(PaymentEvent event) {}

  /**
   * Expired with a partial payment.
   *
   * @param event the event
   */
  public void onUnderpaid(PaymentEvent event) {}

  /**
   * Expired with nothing received.
   *
   * @param event the event
   */
  public void onExpired(PaymentEvent event) {}

  /**
   * Money confirmed after the expiry (also repeated for each further late credit).
   *
   * @param event the event
   */
  public void onLate(PaymentEvent event) {}

  /**
   * A reorg removed every seen transfer; the request waits again.
   *
   * @param event the event
   */
  public void onReverted(PaymentEvent event) {}

  /**
   * The host cancelled the request.
   *
   * @param event the event
   */
  public void onCancelled(PaymentEvent event) {}

  /**
   * A confirmed transfer to a watched address matched no request; reconcile it by hand.
   *
   * @param event the event
   */
  public void onUnmatched(PaymentEvent event) {}
}

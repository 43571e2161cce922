package io.tronpay.monitor.jdbc;

/**
 * What {@link JdbcPaymentStore#redeliver} queued again.
 *
 * @param eventId the event
 * @param toListeners whether the event is due for the monitor's listeners again (it was
 *     dead-lettered or waiting for a retry; an event the listeners acknowledged is not resent)
 * @param webhookDeliveries how many of its webhook deliveries are due again
 */
public record Redelivery(String eventId, boolean toListeners, int webhookDeliveries) {
  /** Whether anything was queued again. */
  public boolean requeuedAny() {
    return toListeners || webhookDeliveries > 0;
  }
}

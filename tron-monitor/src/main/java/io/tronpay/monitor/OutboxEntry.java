package io.tronpay.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * An event waiting in the store's outbox for delivery.
 *
 * @param event the event
 * @param attempts deliveries tried so far
 * @param notBefore the earliest moment of the next try
 */
public record OutboxEntry(PaymentEvent event, int attempts, Instant notBefore) {
  /** Checks the fields. */
  public OutboxEntry {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(notBefore, "notBefore");
  }
}

package io.tronpay.monitor;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one monitor step changes, written by {@link PaymentStore#apply} in one atomic unit:
 * all of it or none of it.
 *
 * @param transfers transfers to insert or replace, keyed by (txId, logIndex); no key twice
 * @param payments payment changes, each with the version it was based on
 * @param events events to put in the outbox, in order
 * @param cursor the scan cursor after this step, or null to leave it unchanged
 */
public record StoreBatch(
    List<TransferRecord> transfers,
    List<PaymentChange> payments,
    List<PaymentEvent> events,
    ScanCursor cursor) {
  /** Checks that no transfer, payment or event appears twice, and copies the lists. */
  public StoreBatch {
    transfers = List.copyOf(transfers);
    payments = List.copyOf(payments);
    events = List.copyOf(events);
    Set<Transfer.Key> keys = new HashSet<>();
    for (TransferRecord t : transfers) {
      if (!keys.add(t.key())) {
        throw new IllegalArgumentException("transfer " + t.key() + " appears twice in a batch");
      }
    }
    Set<String> ids = new HashSet<>();
    for (PaymentChange c : payments) {
      if (!ids.add(c.next().id())) {
        throw new IllegalArgumentException("payment " + c.next().id()
            + " appears twice in a batch");
      }
    }
    Set<String> eventIds = new HashSet<>();
    for (PaymentEvent e : events) {
      if (!eventIds.add(e.eventId())) {
        throw new IllegalArgumentException("event " + e.eventId() + " appears twice in a batch");
      }
    }
  }

  /** Whether the batch writes nothing. */
  public boolean isEmpty() {
    return transfers.isEmpty() && payments.isEmpty() && events.isEmpty() && cursor == null;
  }

  /**
   * A payment's new state, valid only if the stored one is still at {@code expectedVersion}.
   *
   * @param next the new state; its version must be {@code expectedVersion + 1}
   * @param expectedVersion the version it was computed from
   */
  public record PaymentChange(Payment next, long expectedVersion) {
    /** Checks the versions. */
    public PaymentChange {
      Objects.requireNonNull(next, "next");
      if (next.version() != expectedVersion + 1) {
        throw new IllegalArgumentException("payment " + next.id() + " version " + next.version()
            + " does not follow " + expectedVersion);
      }
    }
  }
}

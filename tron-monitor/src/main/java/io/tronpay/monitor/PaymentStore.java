package io.tronpay.monitor;

import io.tronpay.core.Address;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a monitor keeps requests, transfers, outbox events and its scan cursor. The monitor is
 * the only writer of a store's chain state; every write that belongs to one chain step goes
 * through {@link #apply} so that transfers, payment states, events and the cursor change
 * together or not at all. A JDBC implementation maps {@code apply} to one database transaction.
 *
 * <p>Implementations are thread-safe. Reads may run while a write is in progress and see the
 * state before or after it, never a part of it.
 */
public interface PaymentStore extends AutoCloseable {
  /**
   * Stores new requests, all or none.
   *
   * @param payments new payments at version 0
   * @throws DuplicatePaymentIdException if an id is stored already or repeats in the list
   * @throws DuplicateOrderIdException if an order id is stored already or repeats in the list
   */
  void insert(List<Payment> payments);

  /**
   * Applies one step atomically.
   *
   * @param batch the changes
   * @throws StaleStateException if a payment is no longer at the version a change expects;
   *     nothing was written
   * @throws UnknownPaymentException if a change names a payment the store does not hold
   */
  void apply(StoreBatch batch);

  /**
   * A payment by id.
   *
   * @param id the request id
   * @return the payment, or empty
   */
  Optional<Payment> find(String id);

  /**
   * The payments with these ids. The engine asks for every payment with a transfer awaiting
   * confirmation on each step, so a database store should answer in one query rather than one
   * per id, as this default does.
   *
   * @param ids request ids
   * @return the stored payments by id; unknown ids are absent
   */
  default Map<String, Payment> findAll(Collection<String> ids) {
    Map<String, Payment> found = new HashMap<>();
    for (String id : ids) {
      find(id).ifPresent(payment -> found.put(id, payment));
    }
    return found;
  }

  /**
   * A payment by the host's order id.
   *
   * @param orderId the order id
   * @return the payment, or empty
   */
  Optional<Payment> findByOrderId(String orderId);

  /**
   * Every stored payment (open or retained) on the given addresses, in one call so a block
   * costs one lookup whatever the number of watched addresses.
   *
   * @param addresses the addresses
   * @return the payments per address; addresses without any are absent
   */
  Map<Address, List<Payment>> findByAddresses(Collection<Address> addresses);

  /**
   * Stored transfers by key.
   *
   * @param keys the keys
   * @return the records found
   */
  Map<Transfer.Key, TransferRecord> findTransfers(Collection<Transfer.Key> keys);

  /**
   * Transfers of one payment, in the order they were first recorded.
   *
   * @param paymentId the request id
   * @return the records
   */
  List<TransferRecord> transfersOf(String paymentId);

  /** Every transfer in state {@link TransferState#UNCONFIRMED}, oldest block first. */
  List<TransferRecord> unconfirmedTransfers();

  /**
   * The lowest block of an unconfirmed transfer: the monitor asks on every poll, to know from
   * which block it needs the chain's solidification. A database store should answer from an
   * index; the default reads every unconfirmed transfer.
   *
   * @return the block number, or -1 when no transfer waits
   */
  default long lowestUnconfirmedBlock() {
    long lowest = -1;
    for (TransferRecord t : unconfirmedTransfers()) {
      long block = t.transfer().blockNumber();
      lowest = lowest < 0 ? block : Math.min(lowest, block);
    }
    return lowest;
  }

  /**
   * Open payments (PENDING, SEEN, REVERTED) whose expiry is at or before {@code cutoff}.
   *
   * @param cutoff the moment
   * @param limit the most to return
   * @return the payments, earliest expiry first
   */
  List<Payment> findExpired(Instant cutoff, int limit);

  /** Open payments (PENDING, SEEN, REVERTED), for reports; the list may be large. */
  long openCount();

  /**
   * The unconfirmed transfers that this head and solidified block may confirm: every one at or
   * below {@code solid}, and those whose payment asks for a number of blocks that the head has
   * reached. The engine still checks each against its payment's policy; a database store should
   * filter in its query, so a step does not read every transfer still waiting. The default
   * returns all unconfirmed transfers.
   *
   * @param head the head block
   * @param solid the solidified block
   * @return at least the transfers that may be confirmed, oldest block first
   */
  default List<TransferRecord> confirmableTransfers(long head, long solid) {
    return unconfirmedTransfers();
  }

  /**
   * Whether this instance may write the next chain step now. A store shared by several instances
   * answers false while another instance holds the scanner lease, so a standby skips reading the
   * chain, and the node requests that costs, and only delivers events. The store still fences
   * every step it applies; this is only the cheap check before the work.
   *
   * @return true by default
   */
  default boolean mayScan() {
    return true;
  }

  /**
   * The scan cursor.
   *
   * @return the cursor of the last applied step, or empty before the first
   */
  Optional<ScanCursor> cursor();

  /**
   * Takes outbox entries that are due, hiding them from other claims until {@code leaseUntil}
   * (a crashed deliverer's claims come back then).
   *
   * @param now the moment
   * @param leaseUntil when unacknowledged claims return
   * @param max the most to take
   * @return the entries, in the order their events were stored
   */
  List<OutboxEntry> claim(Instant now, Instant leaseUntil, int max);

  /**
   * Removes delivered events from the outbox.
   *
   * @param eventId the event
   */
  void ack(String eventId);

  /**
   * Returns a failed delivery to the outbox for a later try.
   *
   * @param eventId the event
   * @param attempts tries made so far
   * @param notBefore the next try
   */
  void retryLater(String eventId, int attempts, Instant notBefore);

  /**
   * Gives up on an event; it leaves the outbox and is counted as a dead letter.
   *
   * @param eventId the event
   */
  void deadLetter(String eventId);

  /**
   * Deletes payments that reached a final state before {@code finishedBefore}, with their
   * transfers.
   *
   * @param finishedBefore the retention cut-off
   * @return how many payments were deleted
   */
  int purgeFinished(Instant finishedBefore);

  /** Counts and volumes. */
  StoreStats stats();

  /** Releases resources; an in-memory store forgets nothing on close. */
  @Override
  default void close() {}
}

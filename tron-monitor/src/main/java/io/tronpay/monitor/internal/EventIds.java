package io.tronpay.monitor.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Derives event ids from what happened, so recomputing a step after a crash (before its batch
 * was stored) yields the same ids, and a host can deduplicate on them.
 */
public final class EventIds {
  private EventIds() {}

  /**
   * The id of a payment event.
   *
   * @param paymentId the request
   * @param type the event's wire name
   * @param txId the transfer's transaction, or null
   * @param logIndex the transfer's log index
   * @param version the payment version the event produced
   * @param ordinal the event's position among the payment's events of that version
   * @return a name-based UUID
   */
  public static String payment(String paymentId, String type, String txId, int logIndex,
      long version, int ordinal) {
    return uuid("payment|" + paymentId + "|" + type + "|" + txId + "|" + logIndex + "|" + version
        + "|" + ordinal);
  }

  /**
   * The id of a {@code transfer.unmatched} event; a transfer is confirmed once, so its key is
   * enough.
   *
   * @param txId the transaction
   * @param logIndex the log index
   * @return a name-based UUID
   */
  public static String unmatched(String txId, int logIndex) {
    return uuid("unmatched|" + txId + "|" + logIndex);
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}

package io.tronpay.monitor;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a payment, or a transfer that matched none. The id is derived
 * from what happened, so a redelivery carries the same id: use it to deduplicate.
 *
 * @param eventId the stable id
 * @param type what happened
 * @param paymentId the request, or null for {@link EventType#TRANSFER_UNMATCHED}
 * @param orderId the host's order id, or null for an unmatched transfer
 * @param address the deposit address
 * @param asset the asset
 * @param status the request's state after the event, or null for an unmatched transfer
 * @param received the confirmed total of the request (for an unmatched transfer, its amount)
 * @param amount the amount of the transfer that caused the event, or null when none did
 * @param txId that transfer's transaction id, or null
 * @param logIndex that transfer's log index ({@link Transfer#NATIVE} for TRX or when none)
 * @param blockNumber that transfer's block, or -1
 * @param occurredAt when the monitor recorded it
 */
public record PaymentEvent(
    String eventId,
    EventType type,
    String paymentId,
    String orderId,
    Address address,
    Asset asset,
    PaymentStatus status,
    TokenAmount received,
    TokenAmount amount,
    String txId,
    int logIndex,
    long blockNumber,
    Instant occurredAt) {
  /** Checks the fields. */
  public PaymentEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}

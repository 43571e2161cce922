package io.tronpay.monitor;

import java.math.BigInteger;
import java.util.Map;

/**
 * Counts and volumes a store holds.
 *
 * @param countByStatus requests per state (states without requests are absent)
 * @param receivedByAsset confirmed base units received per asset and state
 * @param unmatchedTransfers recorded transfers that matched no request
 * @param outboxPending events not yet delivered
 * @param deadLetters events given up on after the delivery policy's attempts
 */
public record StoreStats(
    Map<PaymentStatus, Long> countByStatus,
    Map<Asset, Map<PaymentStatus, BigInteger>> receivedByAsset,
    long unmatchedTransfers,
    long outboxPending,
    long deadLetters) {
  /** Copies the maps. */
  public StoreStats {
    countByStatus = Map.copyOf(countByStatus);
    receivedByAsset = Map.copyOf(receivedByAsset);
  }

  /**
   * Requests in a state.
   *
   * @param status the state
   * @return how many
   */
  public long count(PaymentStatus status) {
    return countByStatus.getOrDefault(status, 0L);
  }
}

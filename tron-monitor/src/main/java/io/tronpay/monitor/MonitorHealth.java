package io.tronpay.monitor;

import java.time.Instant;
import java.util.Map;

/**
 * How a monitor is doing.
 *
 * @param running whether its loop runs
 * @param headBlock the chain head last seen
 * @param scannedBlock the last block read at the head
 * @param headLag blocks between the head and the scan position
 * @param lastBlockTime the time of the last block read, or null before the first
 * @param lastPollAt the last successful poll, or null
 * @param sourceErrors failed polls by kind: the chain source's ({@code rate_limited}, {@code
 *     server}, {@code transport}, {@code node}, {@code other}), or {@code store} when the store
 *     could not be read before the poll
 * @param consecutiveErrors failed polls since the last success
 * @param openRequests requests still waiting for payment
 * @param outboxPending events not yet delivered
 * @param deadLetters events given up on
 * @param listenerFailures listener calls that threw
 * @param nodeRequests requests the source made
 */
public record MonitorHealth(
    boolean running,
    long headBlock,
    long scannedBlock,
    long headLag,
    Instant lastBlockTime,
    Instant lastPollAt,
    Map<String, Long> sourceErrors,
    long consecutiveErrors,
    long openRequests,
    long outboxPending,
    long deadLetters,
    long listenerFailures,
    long nodeRequests) {
  /** Copies the map. */
  public MonitorHealth {
    sourceErrors = Map.copyOf(sourceErrors);
  }
}

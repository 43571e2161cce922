package io.tronpay.client;

import java.util.Objects;

/**
 * What a broadcast achieved.
 *
 * @param txId the transaction id
 * @param outcome how the node took it
 */
public record BroadcastResult(String txId, Outcome outcome) {
  /** Checks the fields. */
  public BroadcastResult {
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** How a broadcast ended. */
  public enum Outcome {
    /** The node accepted the transaction. */
    ACCEPTED,
    /** The node already had it ({@code DUP_TRANSACTION_ERROR}): an earlier broadcast landed. */
    DUPLICATE,
    /** The answer was lost, but a lookup found the transaction on chain. */
    FOUND_AFTER_LOST_RESPONSE
  }
}

package io.tronpay.monitor;

import java.util.Objects;

/**
 * A transfer as the store keeps it.
 *
 * @param transfer the chain transfer (its block is the latest one it was seen in)
 * @param state where it stands
 * @param paymentId the request it is credited to, or null when it matched none
 * @param late whether its block came after the request's expiry
 */
public record TransferRecord(Transfer transfer, TransferState state, String paymentId,
    boolean late) {
  /** Checks the fields. */
  public TransferRecord {
    Objects.requireNonNull(transfer, "transfer");
    Objects.requireNonNull(state, "state");
  }

  /** The transfer's key. */
  public Transfer.Key key() {
    return transfer.key();
  }

  /** Whether it matched no request. */
  public boolean isUnmatched() {
    return paymentId == null;
  }

  /**
   * This record in another state.
   *
   * @param next the state
   * @return the copy
   */
  public TransferRecord withState(TransferState next) {
    return new TransferRecord(transfer, next, paymentId, late);
  }
}

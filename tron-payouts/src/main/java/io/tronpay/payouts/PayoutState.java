package io.tronpay.payouts;

/**
 * Where a payout stands. The flow is {@code REQUESTED → SIGNED → BROADCAST → CONFIRMED | FAILED},
 * with {@code EXPIRED} when the chain shows the signed transaction can no longer land (it is then
 * rebuilt under the same idempotency key) and {@code CANCELLED} before any broadcast.
 */
public enum PayoutState {
  /** Stored and approved; nothing signed yet. */
  REQUESTED,
  /** Signed: the txID and the exact signed bytes are stored. A broadcast may have been tried. */
  SIGNED,
  /** A node accepted the transaction (or already had it). */
  BROADCAST,
  /** On the solidified chain with a successful result. Terminal. */
  CONFIRMED,
  /**
   * Terminal without payment: on chain with a failed result (fees may have burned), or refused
   * by the node and expired unseen.
   */
  FAILED,
  /** Expired and absent from the chain; it will be rebuilt under the same key. */
  EXPIRED,
  /** Cancelled before any broadcast. Terminal. */
  CANCELLED;

  /**
   * Whether nothing more will happen to a payout in this state.
   *
   * @return true for {@code CONFIRMED}, {@code FAILED} and {@code CANCELLED}
   */
  public boolean isTerminal() {
    return this == CONFIRMED || this == FAILED || this == CANCELLED;
  }
}

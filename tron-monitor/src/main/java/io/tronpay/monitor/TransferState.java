package io.tronpay.monitor;

/** Where a recorded transfer stands. */
public enum TransferState {
  /** In a block, not yet confirmed. */
  UNCONFIRMED,
  /** Confirmed under the policy of its request (solidified for unmatched transfers). */
  CONFIRMED,
  /** Removed by a reorg; it may come back in another block. */
  REVERTED
}

package io.tronpay.testkit;

/** What a reorg does with the transactions of the blocks it replaces. */
public enum ReorgMode {
  /** They disappear: the new branch does not carry them. */
  DROP_TRANSACTIONS,
  /** They are mined again, in the last block of the new branch (a later block than before). */
  MOVE_TRANSACTIONS
}

package io.tronpay.payouts;

/**
 * A ledger update lost a race: the stored payout's version was not the one the update expected.
 * Another process advanced it; reload and carry on from the stored state.
 */
public final class LedgerConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A conflict on payout {@code id}.
   *
   * @param id the payout
   * @param expectedVersion what the update expected
   */
  public LedgerConflictException(String id, long expectedVersion) {
    super("payout " + id + " is no longer at version " + expectedVersion);
  }
}

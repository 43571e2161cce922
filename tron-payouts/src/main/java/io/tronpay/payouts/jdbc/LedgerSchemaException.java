package io.tronpay.payouts.jdbc;

/**
 * The ledger's tables cannot be brought to the version this library needs: a version was left
 * half-applied, another instance is applying one, the database is newer than this library, or a
 * script failed. The message names the version and what to do.
 */
public class LedgerSchemaException extends PayoutLedgerException {
  private static final long serialVersionUID = 1L;

  /**
   * A schema problem.
   *
   * @param message which version and what to do
   * @param cause the driver's exception, or null
   */
  public LedgerSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}

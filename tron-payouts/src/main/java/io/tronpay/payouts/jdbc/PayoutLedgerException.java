package io.tronpay.payouts.jdbc;

/**
 * The database failed or could not be reached. The ledger call that met it rolled back: nothing
 * of it was stored, unless the failure hid a commit that went through, which the next read shows.
 * The message says what the ledger was doing and the SQL state; it never holds stored values.
 */
public class PayoutLedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A database failure.
   *
   * @param message what the ledger was doing
   * @param cause the driver's exception, or null
   */
  public PayoutLedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.tronpay.monitor.jdbc;

/**
 * The database failed or could not be reached. Whatever operation was running rolled back; the
 * monitor logs it and retries on its next round.
 */
public class JdbcStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A database failure.
   *
   * @param message what the store was doing
   * @param cause the driver's exception
   */
  public JdbcStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

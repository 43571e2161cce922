package io.tronpay.monitor.jdbc;

/**
 * The schema cannot be brought to the version this library needs: a version was left
 * half-applied, another instance is applying one, or the database is newer than this library.
 */
public class SchemaMigrationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * A migration problem.
   *
   * @param message which version and what to do
   */
  public SchemaMigrationException(String message) {
    super(message);
  }

  /**
   * A migration problem caused by the database.
   *
   * @param message which version failed
   * @param cause the driver's exception
   */
  public SchemaMigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}

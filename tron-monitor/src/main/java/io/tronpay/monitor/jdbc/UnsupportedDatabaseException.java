package io.tronpay.monitor.jdbc;

/** The data source leads to a database {@link JdbcPaymentStore} has no dialect for. */
public class UnsupportedDatabaseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * An unsupported product.
   *
   * @param product the JDBC product name
   */
  public UnsupportedDatabaseException(String product) {
    super("unsupported database '" + product + "': use PostgreSQL, MySQL, MariaDB or H2");
  }
}

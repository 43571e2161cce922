package io.tronpay.payouts.jdbc;

import io.tronpay.payouts.InvalidFieldException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The SQL databases {@link JdbcPayoutLedger} speaks.
 *
 * <p>It mirrors the monitor's {@code io.tronpay.monitor.jdbc.Dialect} (same constants, same
 * product-name detection) instead of sharing it: the monitor and the payouts are sibling modules,
 * and dependencies point one way only, so neither may depend on the other; and a host that only
 * sends payouts should not pull in the monitor to get an enum.
 */
public enum Dialect {
  /** PostgreSQL 12 or newer. */
  POSTGRESQL("postgresql", true),
  /** MySQL 8 or MariaDB 10.6 or newer. */
  MYSQL("mysql", false),
  /** H2 2.x, the embedded choice for tests and single-process hosts. */
  H2("h2", false);

  private final String scriptFolder;
  private final boolean transactionalDdl;

  Dialect(String scriptFolder, boolean transactionalDdl) {
    this.scriptFolder = scriptFolder;
    this.transactionalDdl = transactionalDdl;
  }

  /** The folder of this dialect's migration scripts. */
  String scriptFolder() {
    return scriptFolder;
  }

  /** Whether a schema change rolls back with its transaction. */
  boolean transactionalDdl() {
    return transactionalDdl;
  }

  /**
   * The dialect of the database behind a data source, from its product name.
   *
   * @param dataSource the host's data source
   * @return the dialect
   * @throws InvalidFieldException for field {@code dialect}, naming the product, when it is none
   *     of these
   * @throws PayoutLedgerException when no connection can be opened
   */
  public static Dialect detect(DataSource dataSource) {
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new PayoutLedgerException("cannot open a connection to detect the database ("
          + e.getSQLState() + ")", e);
    }
    return forProductName(product);
  }

  /**
   * The dialect for a JDBC product name such as {@code PostgreSQL}, {@code MySQL},
   * {@code MariaDB} or {@code H2}.
   *
   * @param product the name
   * @return the dialect
   * @throws InvalidFieldException for field {@code dialect}, naming the product, when it is none
   *     of these
   */
  public static Dialect forProductName(String product) {
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (name.contains("mysql") || name.contains("mariadb")) {
      return MYSQL;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new InvalidFieldException("dialect", "unsupported database '" + product
        + "': use PostgreSQL, MySQL, MariaDB or H2");
  }
}

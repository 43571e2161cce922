package io.tronpay.monitor.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The SQL databases {@link JdbcPaymentStore} speaks. */
public enum Dialect {
  /** PostgreSQL 12 or newer. */
  POSTGRESQL("postgresql", true, " FOR UPDATE SKIP LOCKED"),
  /** MySQL 8 or MariaDB 10.6 or newer. */
  MYSQL("mysql", false, " FOR UPDATE SKIP LOCKED"),
  /** H2 2.x, the embedded default; it has no SKIP LOCKED, so outbox claims take plain row locks. */
  H2("h2", false, " FOR UPDATE");

  private final String scriptFolder;
  private final boolean transactionalDdl;
  private final String claimLock;

  Dialect(String scriptFolder, boolean transactionalDdl, String claimLock) {
    this.scriptFolder = scriptFolder;
    this.transactionalDdl = transactionalDdl;
    this.claimLock = claimLock;
  }

  /** The folder of this dialect's migration scripts. */
  String scriptFolder() {
    return scriptFolder;
  }

  /** Whether a schema change can roll back with its transaction. */
  boolean transactionalDdl() {
    return transactionalDdl;
  }

  /** The locking clause of an outbox claim. */
  String claimLock() {
    return claimLock;
  }

  /**
   * The dialect of the database behind a data source, from its product name.
   *
   * @param dataSource the host's data source
   * @return the dialect
   * @throws UnsupportedDatabaseException naming the product when it is none of these
   * @throws JdbcStoreException when no connection can be opened
   */
  public static Dialect detect(DataSource dataSource) {
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot open a connection to detect the database", e);
    }
    return forProductName(product);
  }

  /**
   * The dialect for a JDBC product name such as {@code PostgreSQL}, {@code MySQL},
   * {@code MariaDB} or {@code H2}.
   *
   * @param product the name
   * @return the dialect
   * @throws UnsupportedDatabaseException naming the product when it is none of these
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
    throw new UnsupportedDatabaseException(product);
  }
}

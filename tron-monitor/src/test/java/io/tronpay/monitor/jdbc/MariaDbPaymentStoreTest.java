package io.tronpay.monitor.jdbc;

import io.tronpay.checks.jdbc.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The store contract and the JDBC store's own behaviour on MariaDb. */
class MariaDbPaymentStoreTest extends JdbcStoreBehaviour {
  private static DataSource database;

  /** Skips (or, in CI, fails) the class when the database is not configured or reachable. */
  @BeforeAll
  static void connect() {
    database = TestDatabases.mysql();
  }

  @Override
  DataSource dataSource() {
    return database;
  }
}

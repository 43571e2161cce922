package io.tronpay.payouts.jdbc;

import io.tronpay.checks.jdbc.SmallPool;
import io.tronpay.checks.jdbc.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract and the JDBC ledger's own behaviour on PostgreSQL. */
class PostgresPayoutLedgerTest extends JdbcPayoutLedgerBehaviour {
  private static DataSource database;

  /** Skips (or, in CI, fails) the class when the database is not configured or reachable. */
  @BeforeAll
  static void connect() {
    database = new SmallPool(TestDatabases.postgres());
  }

  @Override
  DataSource dataSource() {
    return database;
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.POSTGRESQL;
  }
}

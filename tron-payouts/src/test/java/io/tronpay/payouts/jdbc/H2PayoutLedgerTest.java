package io.tronpay.payouts.jdbc;

import io.tronpay.checks.jdbc.SmallPool;
import io.tronpay.checks.jdbc.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract and the JDBC ledger's own behaviour on H2, on every build. */
class H2PayoutLedgerTest extends JdbcPayoutLedgerBehaviour {
  private static DataSource database;

  @BeforeAll
  static void connect() {
    database = new SmallPool(TestDatabases.h2());
  }

  @Override
  DataSource dataSource() {
    return database;
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.H2;
  }
}

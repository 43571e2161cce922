package io.tronpay.payouts.jdbc;

import io.tronpay.checks.jdbc.SmallPool;
import io.tronpay.checks.jdbc.TestDatabases;
import java.math.BigInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract and the JDBC ledger's own behaviour on MariaDB or MySQL. */
class MariaDbPayoutLedgerTest extends JdbcPayoutLedgerBehaviour {
  private static DataSource database;

  /** Skips (or, in CI, fails) the class when the database is not configured or reachable. */
  @BeforeAll
  static void connect() {
    database = new SmallPool(TestDatabases.mysql());
  }

  @Override
  DataSource dataSource() {
    return database;
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.MYSQL;
  }

  /** DECIMAL(65,0), the widest MySQL has, holds every amount of up to 65 digits. */
  @Override
  protected BigInteger largestAmount() {
    return BigInteger.TEN.pow(65).subtract(BigInteger.ONE);
  }
}

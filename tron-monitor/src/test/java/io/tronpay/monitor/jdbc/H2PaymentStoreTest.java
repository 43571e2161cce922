package io.tronpay.monitor.jdbc;

import io.tronpay.checks.jdbc.TestDatabases;
import javax.sql.DataSource;

/** The store contract and the JDBC store's own behaviour on H2. */
class H2PaymentStoreTest extends JdbcStoreBehaviour {
  @Override
  DataSource dataSource() {
    return TestDatabases.h2();
  }
}

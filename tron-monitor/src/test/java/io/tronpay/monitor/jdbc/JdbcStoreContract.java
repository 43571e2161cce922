package io.tronpay.monitor.jdbc;

import io.tronpay.checks.jdbc.TestDatabases;
import io.tronpay.monitor.PaymentStore;
import io.tronpay.monitor.PaymentStoreContractTest;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * The shared store contract on one database, each store under its own table prefix; the
 * tables are dropped after each test.
 */
abstract class JdbcStoreContract extends PaymentStoreContractTest {
  private final List<JdbcPaymentStore> created = new ArrayList<>();
  private DataSource dataSource;

  /** The database under test; called once per test. */
  abstract DataSource dataSource();

  DataSource db() {
    if (dataSource == null) {
      dataSource = dataSource();
    }
    return dataSource;
  }

  JdbcPaymentStore newJdbcStore(String prefix) {
    JdbcPaymentStore s = JdbcPaymentStore.builder(db()).tablePrefix(prefix).build();
    created.add(s);
    return s;
  }

  @Override
  protected PaymentStore newStore() {
    JdbcPaymentStore s = newJdbcStore(TestDatabases.uniquePrefix("t"));
    s.migrate();
    return s;
  }

  @AfterEach
  void dropTables() {
    for (JdbcPaymentStore s : created) {
      s.dropAll();
    }
  }
}

package io.tronpay.payouts.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the ledger tests run on, by the same rules as tron-monitor's JDBC tests: H2
 * always; PostgreSQL and MariaDB/MySQL when TRONPAY_TEST_POSTGRES_URL / TRONPAY_TEST_MYSQL_URL
 * are set. Unset, those tests are skipped with the reason, unless TRONPAY_REQUIRE_DATABASES=1
 * (CI), where a missing or unreachable database fails them.
 */
final class TestDatabases {
  static final String POSTGRES_ENV = "TRONPAY_TEST_POSTGRES_URL";
  static final String MYSQL_ENV = "TRONPAY_TEST_MYSQL_URL";

  private TestDatabases() {}

  /** A fresh in-memory H2 database, pooled, alive until the JVM ends. */
  static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return new PooledDataSource(ds);
  }

  /** PostgreSQL from the environment, pooled, or a skipped (or, in CI, failed) test. */
  static DataSource postgres() {
    String url = urlOrSkip(POSTGRES_ENV);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return new PooledDataSource(reachableOrSkip(ds, POSTGRES_ENV));
  }

  /** MariaDB or MySQL from the environment, pooled, or a skipped (or, in CI, failed) test. */
  static DataSource mysql() {
    String url = urlOrSkip(MYSQL_ENV);
    // MariaDB Connector/J takes jdbc:mysql: URLs only when told to; accept either form.
    if (url.startsWith("jdbc:mysql:")) {
      url = url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }
    try {
      return new PooledDataSource(reachableOrSkip(new MariaDbDataSource(url), MYSQL_ENV));
    } catch (SQLException e) {
      return missing(MYSQL_ENV + " is not a MariaDB/MySQL JDBC URL: " + e.getMessage());
    }
  }

  /** A table prefix no other run uses, so parallel and repeated runs never collide. */
  static String uniquePrefix() {
    return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
  }

  /** Drops the ledger's tables of a prefix, so shared databases do not fill up with test runs. */
  static void dropLedger(DataSource ds, String prefix) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("DROP TABLE IF EXISTS " + prefix + "payouts");
      s.execute("DROP TABLE IF EXISTS " + prefix + "payout_schema");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop the test tables of " + prefix, e);
    }
  }

  static boolean required() {
    return "1".equals(System.getenv("TRONPAY_REQUIRE_DATABASES"));
  }

  private static String urlOrSkip(String env) {
    String url = System.getenv(env);
    if (url == null || url.isBlank()) {
      missing(env + " is not set; set it to a JDBC URL to run these tests");
    }
    return url;
  }

  private static DataSource reachableOrSkip(DataSource ds, String env) {
    try (Connection c = ds.getConnection()) {
      c.isValid(5);
      return ds;
    } catch (SQLException e) {
      return missing("the database of " + env + " is unreachable: " + e.getMessage());
    }
  }

  private static DataSource missing(String reason) {
    if (required()) {
      fail("TRONPAY_REQUIRE_DATABASES=1 but " + reason);
    }
    assumeTrue(false, reason);
    return null;
  }
}

package io.tronpay.checks.jdbc;

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
 * The databases the JDBC tests run on: H2 always; PostgreSQL and MariaDB/MySQL when
 * TRONPAY_TEST_POSTGRES_URL / TRONPAY_TEST_MYSQL_URL are set. Unset, those tests are skipped
 * with the reason, unless TRONPAY_REQUIRE_DATABASES=1 (CI), where a missing or unreachable
 * database fails them.
 *
 * <p>The data sources are plain, one session per connection; wrap one in a {@link SmallPool}
 * where a test makes many calls.
 */
public final class TestDatabases {
  private static final String POSTGRES_ENV = "TRONPAY_TEST_POSTGRES_URL";
  private static final String MYSQL_ENV = "TRONPAY_TEST_MYSQL_URL";

  private TestDatabases() {}

  /**
   * A fresh in-memory H2 database, alive until the JVM ends.
   *
   * @return a data source for it
   */
  public static DataSource h2() {
    return h2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  /**
   * PostgreSQL from the environment, or a skipped (or, in CI, failed) test.
   *
   * @return a data source that has answered once
   */
  public static DataSource postgres() {
    String url = urlOrSkip(POSTGRES_ENV);
    return reachableOrSkip(postgres(url), POSTGRES_ENV);
  }

  /**
   * MariaDB or MySQL from the environment, or a skipped (or, in CI, failed) test.
   *
   * @return a data source that has answered once
   */
  public static DataSource mysql() {
    String url = urlOrSkip(MYSQL_ENV);
    try {
      return reachableOrSkip(mariadb(url), MYSQL_ENV);
    } catch (SQLException e) {
      return missing(MYSQL_ENV + " is not a MariaDB/MySQL JDBC URL: " + e.getMessage());
    }
  }

  /**
   * A plain data source for a JDBC URL of one of the three databases, for a harness that is
   * handed a URL rather than the environment.
   *
   * @param url a {@code jdbc:h2:}, {@code jdbc:postgresql:}, {@code jdbc:mariadb:} or
   *     {@code jdbc:mysql:} URL
   * @return a data source for it; nothing is connected yet
   * @throws SQLException when the URL is of none of them, or the driver refuses it
   */
  public static DataSource forUrl(String url) throws SQLException {
    if (url.startsWith("jdbc:h2:")) {
      return h2(url);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return postgres(url);
    }
    if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
      return mariadb(url);
    }
    // The URL itself stays out of the message: it may carry a password.
    throw new SQLException("not an H2, PostgreSQL, MariaDB or MySQL JDBC URL");
  }

  private static DataSource h2(String url) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    return ds;
  }

  private static DataSource postgres(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }

  private static DataSource mariadb(String url) throws SQLException {
    // MariaDB Connector/J takes jdbc:mysql: URLs only when told to; accept either form.
    if (url.startsWith("jdbc:mysql:")) {
      url = url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }
    return new MariaDbDataSource(url);
  }

  /**
   * A table prefix no other run uses, so parallel and repeated runs on one database never
   * collide.
   *
   * @param start what the prefix begins with, so that each module's tables on a shared database
   *     can be told apart
   * @return {@code start}, ten random hex digits and an underscore
   */
  public static String uniquePrefix(String start) {
    return start + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
  }

  /**
   * Drops a test run's tables, so shared databases do not fill up with test runs.
   *
   * @param ds the database
   * @param prefix the run's table prefix
   * @param tables the table names without the prefix, dependent tables first
   */
  public static void dropTables(DataSource ds, String prefix, String... tables) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (String table : tables) {
        s.execute("DROP TABLE IF EXISTS " + prefix + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop the test tables of " + prefix, e);
    }
  }

  private static boolean required() {
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

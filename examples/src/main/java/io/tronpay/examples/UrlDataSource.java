package io.tronpay.examples;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The smallest {@link DataSource}: a new connection from a JDBC URL each time, with whatever
 * driver the class path holds (H2 ships with the examples; add PostgreSQL's or MariaDB's jar for
 * those). Enough for the recipes, the demo and the gateway, whose stores run a few short
 * transactions a second; an application hands the stores its connection pool (HikariCP, for
 * example) instead.
 *
 * <p>The driver is found through the JDBC service loader of this class's own class loader, not
 * {@code DriverManager}, so it is found under {@code mvn exec:java} too, where the driver jar is
 * not on the JVM's class path.
 */
public final class UrlDataSource implements DataSource {
  private final String url;
  private final Driver driver;

  /**
   * A data source for a URL.
   *
   * @param url a JDBC URL such as {@code jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1}
   * @throws IllegalArgumentException if no driver on the class path accepts it
   */
  public UrlDataSource(String url) {
    this.url = url;
    this.driver = driverFor(url);
  }

  private static Driver driverFor(String url) {
    try {
      for (Driver d : ServiceLoader.load(Driver.class, UrlDataSource.class.getClassLoader())) {
        if (d.acceptsURL(url)) {
          return d;
        }
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException("cannot check the JDBC URL " + withoutSecrets(url), e);
    }
    throw new IllegalArgumentException("no JDBC driver on the class path accepts "
        + withoutSecrets(url));
  }

  @Override
  public Connection getConnection() throws SQLException {
    return driver.connect(url, new Properties());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return driver.connect(url, properties);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter writer) {
    // Nothing here logs through it.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // Each driver takes its own timeout from the URL.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging here");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  /** The URL may carry a password in its parameters; they are left out. */
  @Override
  public String toString() {
    return "UrlDataSource{" + withoutSecrets(url) + "}";
  }

  private static String withoutSecrets(String url) {
    int query = url.indexOf('?');
    int params = url.indexOf(';');
    int cut = query < 0 ? params : params < 0 ? query : Math.min(query, params);
    return cut < 0 ? url : url.substring(0, cut);
  }
}

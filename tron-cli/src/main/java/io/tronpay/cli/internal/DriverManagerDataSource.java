package io.tronpay.cli.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that opens a new connection through {@link DriverManager} each time it is asked:
 * a command runs a few statements and exits, so a pool would only add start-up time. The
 * password is kept for the driver only; {@link #toString()} never shows it.
 */
public final class DriverManagerDataSource implements DataSource {
  private final String url;
  private final Properties properties = new Properties();

  /**
   * A data source for one JDBC URL.
   *
   * @param url the JDBC URL
   * @param user the user, or null to leave it to the URL
   * @param password the password, or null to leave it to the URL
   */
  public DriverManagerDataSource(String url, String user, String password) {
    this.url = Objects.requireNonNull(url, "url");
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DriverManager.getConnection(url, properties);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    Properties given = new Properties();
    given.setProperty("user", user);
    given.setProperty("password", password);
    return DriverManager.getConnection(url, given);
  }

  @Override
  public PrintWriter getLogWriter() {
    return DriverManager.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    DriverManager.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public String toString() {
    return "DriverManagerDataSource{user=" + properties.getProperty("user") + "}";
  }
}

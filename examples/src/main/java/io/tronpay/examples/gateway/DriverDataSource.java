package io.tronpay.examples.gateway;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over a JDBC URL and whatever driver the class path holds (H2 is in the
 * gateway's jar; add PostgreSQL's or MariaDB's jar for those). Every call opens a new connection:
 * the store's work is a few short transactions per second, so a pool would only add a dependency.
 * A production host hands the store its own pool (HikariCP, for example) instead.
 */
final class DriverDataSource implements DataSource {
  private final String url;
  private PrintWriter logWriter;

  DriverDataSource(String url) {
    this.url = url;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
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
    throw new SQLFeatureNotSupportedException("no parent logger");
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

  /** The URL may carry a password in its query; it is left out. */
  @Override
  public String toString() {
    int query = url.indexOf('?');
    int params = url.indexOf(';');
    int cut = query < 0 ? params : params < 0 ? query : Math.min(query, params);
    return "DriverDataSource{" + (cut < 0 ? url : url.substring(0, cut)) + "}";
  }
}

package io.tronpay.payouts.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool for the tests, as a host's HikariCP would be: closing a connection
 * hands it back (rolled back and in auto-commit) instead of ending the session, so tests that
 * make hundreds of ledger calls do not pay a server login for each.
 */
final class PooledDataSource implements DataSource {
  private final DataSource inner;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

  PooledDataSource(DataSource inner) {
    this.inner = inner;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical = idle.pollFirst();
    if (physical == null || physical.isClosed()) {
      physical = inner.getConnection();
    }
    return lend(physical);
  }

  private Connection lend(Connection physical) {
    AtomicBoolean closed = new AtomicBoolean();
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, m, args) -> {
          switch (m.getName()) {
            case "close":
              if (closed.compareAndSet(false, true)) {
                giveBack(physical);
              }
              return null;
            case "isClosed":
              return closed.get() || physical.isClosed();
            default:
              if (closed.get()) {
                throw new SQLException("connection already handed back to the pool");
              }
              try {
                return m.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }

  private void giveBack(Connection physical) throws SQLException {
    try {
      if (!physical.getAutoCommit()) {
        physical.rollback();
        physical.setAutoCommit(true);
      }
      idle.addFirst(physical);
    } catch (SQLException e) {
      physical.close();
    }
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the test pool logs in with its own user");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return inner.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    inner.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    inner.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return inner.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return inner.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return inner.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return inner.isWrapperFor(iface);
  }
}

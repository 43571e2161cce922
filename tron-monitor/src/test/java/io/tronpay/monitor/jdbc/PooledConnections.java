package io.tronpay.monitor.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands closed connections to the next caller, as the host's pool would: a new PostgreSQL
 * session for each store call would make the crash and multi-instance tests slow. A connection
 * comes back rolled back and in auto-commit.
 */
final class PooledConnections implements DataSource {
  private final DataSource inner;
  private final Deque<Connection> idle = new ArrayDeque<>();

  PooledConnections(DataSource inner) {
    this.inner = inner;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection pooled;
    synchronized (idle) {
      pooled = idle.poll();
    }
    Connection physical = pooled != null ? pooled : inner.getConnection();
    InvocationHandler h = (proxy, m, args) -> {
      if (m.getName().equals("close")) {
        if (physical.isClosed()) {
          return null;
        }
        if (!physical.getAutoCommit()) {
          physical.rollback();
          physical.setAutoCommit(true);
        }
        synchronized (idle) {
          idle.push(physical);
        }
        return null;
      }
      try {
        return m.invoke(physical, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, h);
  }

  void closeAll() {
    synchronized (idle) {
      for (Connection c : idle) {
        try {
          c.close();
        } catch (SQLException e) {
          // The test is over; the server ends the session anyway.
        }
      }
      idle.clear();
    }
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("one user only");
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

package io.tronpay.monitor.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps a data source and counts the writes that reach the database: statement executions
 * (a batch counts once) and commits. Armed with {@link #failAt}, the k-th of them throws instead
 * of running, as a crash or a dropped connection would at that moment.
 */
final class FaultyDataSource implements DataSource {
  private static final Set<String> EXECUTIONS = Set.of("execute", "executeUpdate",
      "executeBatch", "executeLargeUpdate", "executeLargeBatch", "executeQuery");

  private final DataSource inner;
  private final AtomicInteger operations = new AtomicInteger();
  private final AtomicInteger batches = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();
  private final AtomicLong failAt = new AtomicLong(Long.MAX_VALUE);

  FaultyDataSource(DataSource inner) {
    this.inner = inner;
  }

  /** Makes the k-th operation from now (1 = the next) fail; it fails once. */
  void failAt(long k) {
    failAt.set(operations.get() + k);
  }

  void disarm() {
    failAt.set(Long.MAX_VALUE);
  }

  int operations() {
    return operations.get();
  }

  int batches() {
    return batches.get();
  }

  int commits() {
    return commits.get();
  }

  private void count(String what) throws SQLException {
    int n = operations.incrementAndGet();
    if (n == failAt.get()) {
      throw new SQLTransientConnectionException("injected fault at operation " + n + " (" + what
          + ")", "08006");
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(inner.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return wrap(inner.getConnection(user, password));
  }

  private Connection wrap(Connection c) {
    InvocationHandler h = (proxy, m, args) -> {
      if (m.getName().equals("commit")) {
        count("commit");
        commits.incrementAndGet();
      }
      Object result = invoke(c, m, args);
      if (result instanceof PreparedStatement) {
        return wrapStatement((PreparedStatement) result, PreparedStatement.class);
      }
      if (result instanceof Statement) {
        return wrapStatement((Statement) result, Statement.class);
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, h);
  }

  private <T extends Statement> T wrapStatement(T s, Class<T> type) {
    InvocationHandler h = (proxy, m, args) -> {
      if (EXECUTIONS.contains(m.getName())) {
        count(m.getName());
        if (m.getName().contains("Batch")) {
          batches.incrementAndGet();
        }
      }
      return invoke(s, m, args);
    };
    return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
        h));
  }

  private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
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

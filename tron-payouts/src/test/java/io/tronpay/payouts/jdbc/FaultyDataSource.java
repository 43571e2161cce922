package io.tronpay.payouts.jdbc;

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
 * Wraps a data source and counts what reaches the database: statement executions (a batch
 * counts once) and commits. Armed with {@link #failAt}, the k-th of them fails as a crash or a
 * dropped connection would at that moment: either before it runs (nothing of it happened), or
 * after it ran (a commit went through but its answer was lost).
 */
final class FaultyDataSource implements DataSource {
  private static final Set<String> EXECUTIONS = Set.of("execute", "executeUpdate",
      "executeBatch", "executeLargeUpdate", "executeLargeBatch", "executeQuery");

  /** When the armed operation fails. */
  enum Fault {
    /** It never reaches the database. */
    BEFORE,
    /** It runs, then its answer is lost. */
    AFTER
  }

  private final DataSource inner;
  private final AtomicInteger operations = new AtomicInteger();
  private final AtomicLong failAt = new AtomicLong(Long.MAX_VALUE);
  private volatile Fault fault = Fault.BEFORE;
  private volatile String failedOperation;

  FaultyDataSource(DataSource inner) {
    this.inner = inner;
  }

  /** Makes the k-th operation from now (1 = the next) fail once. */
  void failAt(long k, Fault when) {
    fault = when;
    failedOperation = null;
    failAt.set(operations.get() + k);
  }

  void disarm() {
    failAt.set(Long.MAX_VALUE);
  }

  int operations() {
    return operations.get();
  }

  /** What the armed fault hit (such as {@code commit}), or null if it has not fired. */
  String failedOperation() {
    return failedOperation;
  }

  private boolean armedNow(String what) {
    int n = operations.incrementAndGet();
    if (n == failAt.get()) {
      failedOperation = what;
      return true;
    }
    return false;
  }

  private static SQLException injected(String what) {
    return new SQLTransientConnectionException("injected fault at " + what, "08006");
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
      boolean fail = m.getName().equals("commit") && armedNow("commit");
      if (fail && fault == Fault.BEFORE) {
        throw injected("commit");
      }
      Object result = invoke(c, m, args);
      if (fail) {
        throw injected("commit");
      }
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
      boolean fail = EXECUTIONS.contains(m.getName()) && armedNow(m.getName());
      if (fail && fault == Fault.BEFORE) {
        throw injected(m.getName());
      }
      Object result = invoke(s, m, args);
      if (fail) {
        throw injected(m.getName());
      }
      return result;
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

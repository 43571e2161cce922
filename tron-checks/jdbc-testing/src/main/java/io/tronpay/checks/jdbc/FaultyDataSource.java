package io.tronpay.checks.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Wraps a data source and counts the operations that reach the database: statement executions
 * (a batch counts once) and commits. Armed with {@link #failAt}, the k-th of them fails once, as
 * a dropped connection would at that moment: either before it runs (nothing of it happened), or
 * after it ran (it went through, a commit included, but its answer was lost).
 *
 * <p>Armed with {@link #crashAt} instead, the process behind the data source dies at the k-th
 * operation: from then on every operation and every new connection is refused, while calls that
 * are not operations (rollback and close among them) still go through, as a dropped connection
 * rolls back. Recovery tests use it to play a crash and then restart over the unwrapped source.
 */
public final class FaultyDataSource extends ForwardingDataSource {
  private static final Set<String> EXECUTIONS = Set.of("execute", "executeUpdate",
      "executeBatch", "executeLargeUpdate", "executeLargeBatch", "executeQuery");
  private static final String COMMIT = "commit";

  /** When the armed operation fails. */
  public enum Fault {
    /** It never reaches the database. */
    BEFORE,
    /** It runs, then its answer is lost. */
    AFTER
  }

  private final AtomicInteger operations = new AtomicInteger();
  private final AtomicInteger batches = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();
  private final List<Integer> committedAt = new CopyOnWriteArrayList<>();
  private final AtomicLong failAt = new AtomicLong(Long.MAX_VALUE);
  private volatile Fault fault = Fault.BEFORE;
  private volatile boolean crash;
  private volatile String failedOperation;

  /**
   * Wraps a data source; unarmed, it only counts.
   *
   * @param inner where the connections come from
   */
  public FaultyDataSource(DataSource inner) {
    super(inner);
  }

  /**
   * Makes the k-th operation from now fail before it runs; it fails once.
   *
   * @param k 1 for the next operation
   */
  public void failAt(long k) {
    failAt(k, Fault.BEFORE);
  }

  /**
   * Makes the k-th operation from now fail once, before or after it runs.
   *
   * @param k 1 for the next operation
   * @param when whether the operation reaches the database
   */
  public void failAt(long k, Fault when) {
    arm(k, when, false);
  }

  /**
   * Makes the process die at the k-th operation from now: it fails before or after it runs, and
   * every later operation and new connection is refused until {@link #disarm}.
   *
   * @param k 1 for the next operation
   * @param when whether the last operation reaches the database
   */
  public void crashAt(long k, Fault when) {
    arm(k, when, true);
  }

  private void arm(long k, Fault when, boolean crashes) {
    if (k < 1) {
      throw new IllegalArgumentException("k counts from 1 (the next operation), got " + k);
    }
    fault = when;
    crash = crashes;
    failedOperation = null;
    failAt.set(operations.get() + k);
  }

  /** Lets every later operation through, and revives a crashed process. */
  public void disarm() {
    failAt.set(Long.MAX_VALUE);
    crash = false;
  }

  /**
   * Counts operations so far.
   *
   * @return statement executions and commits, the failed one included
   */
  public int operations() {
    return operations.get();
  }

  /**
   * Counts batch executions so far.
   *
   * @return executeBatch and executeLargeBatch calls that reached the database
   */
  public int batches() {
    return batches.get();
  }

  /**
   * Counts commits so far.
   *
   * @return commit calls that reached the database
   */
  public int commits() {
    return commits.get();
  }

  /**
   * Where the commits fell, so that a test can place a crash right after each of them.
   *
   * @return the operation number of every commit that went through and answered, in order
   */
  public List<Integer> commitOperations() {
    return List.copyOf(committedAt);
  }

  /**
   * Names what the armed fault hit, so that a test can tell a lost commit from a failed
   * statement.
   *
   * @return such as {@code commit} or {@code executeUpdate}; null until the fault fires
   */
  public String failedOperation() {
    return failedOperation;
  }

  /**
   * Whether the process armed by {@link #crashAt} has died.
   *
   * @return true from the k-th operation on
   */
  public boolean crashed() {
    return crash && operations.get() >= failAt.get();
  }

  private void refuseIfCrashed() throws SQLException {
    if (crashed()) {
      throw new SQLNonTransientConnectionException("the process crashed", "08003");
    }
  }

  /** Runs one counted operation, failing it if it is the armed one. */
  private Object operation(Object target, Method m, Object[] args) throws Throwable {
    refuseIfCrashed();
    String what = m.getName();
    int n = operations.incrementAndGet();
    boolean armed = n == failAt.get();
    if (armed) {
      failedOperation = what;
      if (fault == Fault.BEFORE) {
        throw new SQLTransientConnectionException("injected fault at operation " + n + " ("
            + what + ")", "08006");
      }
    }
    if (what.equals(COMMIT)) {
      commits.incrementAndGet();
    } else if (what.contains("Batch")) {
      batches.incrementAndGet();
    }
    Object result = invoke(target, m, args);
    if (armed) {
      String message = "right after operation " + n + " (" + what + ") ran";
      // A dead process stays dead; a lost answer alone may be retried.
      throw crash ? new SQLNonTransientConnectionException("the process crashed " + message,
          "08006") : new SQLTransientConnectionException("injected fault " + message, "08006");
    }
    if (what.equals(COMMIT)) {
      committedAt.add(n);
    }
    return result;
  }

  @Override
  public Connection getConnection() throws SQLException {
    refuseIfCrashed();
    return wrap(inner.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    refuseIfCrashed();
    return wrap(inner.getConnection(user, password));
  }

  private Connection wrap(Connection c) {
    InvocationHandler h = (proxy, m, args) -> {
      if (m.getName().equals(COMMIT)) {
        return operation(c, m, args);
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
    InvocationHandler h = (proxy, m, args) -> EXECUTIONS.contains(m.getName())
        ? operation(s, m, args) : invoke(s, m, args);
    return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
        h));
  }
}

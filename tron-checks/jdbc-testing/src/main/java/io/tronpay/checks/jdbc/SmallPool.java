package io.tronpay.checks.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A minimal connection pool, as a host's HikariCP would be: closing a connection hands it back,
 * rolled back and in auto-commit, instead of ending the session. Tests that make hundreds of
 * store calls then do not pay a server login for each, and benchmarks measure the store rather
 * than connection set-up.
 *
 * <p>The pool either opens connections as they are asked for ({@link #SmallPool(DataSource)}),
 * or holds a fixed number and makes a caller wait for one ({@link #fixed}). A connection that is
 * found closed, or that cannot be rolled back, is replaced by a new one.
 */
public final class SmallPool extends ForwardingDataSource implements AutoCloseable {
  private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
  private final boolean fixed;

  /**
   * A pool that grows to as many connections as are in use at once.
   *
   * @param inner where the connections come from
   */
  public SmallPool(DataSource inner) {
    this(inner, false);
  }

  private SmallPool(DataSource inner, boolean fixed) {
    super(inner);
    this.fixed = fixed;
  }

  /**
   * A pool of exactly {@code size} connections, opened now; a caller waits while all are lent,
   * as with a host's bounded pool.
   *
   * @param inner where the connections come from
   * @param size how many connections
   * @return the pool
   * @throws SQLException when a connection cannot be opened
   */
  public static SmallPool fixed(DataSource inner, int size) throws SQLException {
    if (size < 1) {
      throw new IllegalArgumentException("a pool needs at least one connection, got " + size);
    }
    SmallPool pool = new SmallPool(inner, true);
    try {
      for (int i = 0; i < size; i++) {
        pool.idle.addLast(inner.getConnection());
      }
    } catch (SQLException e) {
      pool.close();
      throw e;
    }
    return pool;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical = fixed ? take() : idle.pollFirst();
    if (physical == null || physical.isClosed()) {
      try {
        physical = inner.getConnection();
      } catch (SQLException e) {
        if (fixed) {
          // Keep the slot: the next caller tries again instead of waiting forever.
          idle.addLast(physical);
        }
        throw e;
      }
    }
    return lend(physical);
  }

  private Connection take() throws SQLException {
    try {
      return idle.takeFirst();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection", e);
    }
  }

  private Connection lend(Connection physical) {
    AtomicBoolean closed = new AtomicBoolean();
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, m, args) -> {
          if (m.getDeclaringClass() == Object.class) {
            return invoke(physical, m, args);
          }
          switch (m.getName()) {
            case "close":
              if (closed.compareAndSet(false, true)) {
                giveBack(physical);
              }
              return null;
            case "isClosed":
              return closed.get() || physical.isClosed();
            default:
              // The next borrower owns the session now; a late call would act in its name.
              if (closed.get()) {
                throw new SQLException("connection already handed back to the pool");
              }
              return invoke(physical, m, args);
          }
        });
  }

  private void giveBack(Connection physical) {
    try {
      if (!physical.isClosed() && !physical.getAutoCommit()) {
        physical.rollback();
        physical.setAutoCommit(true);
      }
    } catch (SQLException e) {
      closeQuietly(physical);
    }
    // A closed one still goes back, so that a fixed pool keeps its size: it is replaced when
    // next taken.
    idle.addFirst(physical);
  }

  /**
   * Not supported: every connection of the pool logs in as the inner data source does.
   *
   * @throws SQLFeatureNotSupportedException always
   */
  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the test pool logs in with its own user");
  }

  /**
   * Ends the sessions of the idle connections. The pool stays usable: a later call opens new
   * ones.
   */
  @Override
  public void close() {
    for (Connection c : idle) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // The test is over or the connection is broken; the server ends the session anyway.
    }
  }
}

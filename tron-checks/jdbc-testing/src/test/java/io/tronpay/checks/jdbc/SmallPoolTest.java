package io.tronpay.checks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SmallPoolTest {
  private static Object session(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SESSION_ID()")) {
      rs.next();
      return rs.getObject(1);
    }
  }

  @Test
  void aClosedConnection_isHandedBackRolledBack_andReused() throws SQLException {
    DataSource h2 = TestDatabases.h2();
    try (SmallPool pool = new SmallPool(h2)) {
      Object first;
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (n INT)");
        c.setAutoCommit(false);
        s.executeUpdate("INSERT INTO t VALUES (1)");
        first = session(c);
      }
      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
        assertTrue(c.getAutoCommit());
        assertEquals(first, session(c), "the same session again");
        rs.next();
        assertEquals(0, rs.getInt(1), "the open transaction was rolled back");
      }
    }
  }

  @Test
  void aHandedBackConnection_refusesFurtherUse() throws SQLException {
    try (SmallPool pool = new SmallPool(TestDatabases.h2())) {
      Connection c = pool.getConnection();
      c.close();
      assertTrue(c.isClosed());
      assertThrows(SQLException.class, c::createStatement);
    }
  }

  @Test
  void aFixedPool_lendsItsConnectionsInTurn() throws SQLException {
    try (SmallPool pool = SmallPool.fixed(TestDatabases.h2(), 1)) {
      Object first;
      try (Connection c = pool.getConnection()) {
        first = session(c);
      }
      try (Connection c = pool.getConnection()) {
        assertEquals(first, session(c));
      }
      pool.close();
      try (Connection c = pool.getConnection()) {
        assertFalse(c.isClosed(), "a closed connection is replaced");
        assertTrue(c.getAutoCommit());
      }
    }
  }
}

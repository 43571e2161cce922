package io.tronpay.checks.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultyDataSourceTest {
  private DataSource h2;

  @BeforeEach
  void createTable() throws SQLException {
    h2 = TestDatabases.h2();
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (n INT)");
    }
  }

  private List<Integer> rows() throws SQLException {
    try (Connection c = h2.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT n FROM t ORDER BY n")) {
      List<Integer> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
      return out;
    }
  }

  @Test
  void failAtTwo_theFirstStatementRuns_theSecondThrowsWithoutRunning() throws SQLException {
    FaultyDataSource faulty = new FaultyDataSource(h2);
    faulty.failAt(2);
    try (Connection c = faulty.getConnection(); Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (1)"));
      assertNull(faulty.failedOperation());
      SQLException e = assertThrows(SQLTransientConnectionException.class,
          () -> s.executeUpdate("INSERT INTO t VALUES (2)"));
      assertEquals("08006", e.getSQLState());
      assertEquals("executeUpdate", faulty.failedOperation());
      // It fires once: the third goes through.
      assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (3)"));
    }
    assertEquals(List.of(1, 3), rows());
    assertEquals(3, faulty.operations());
  }

  @Test
  void commitFaultAfter_theCommitLands_butTheCallerSeesAFailure() throws SQLException {
    FaultyDataSource faulty = new FaultyDataSource(h2);
    try (Connection c = faulty.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO t VALUES (7)");
      faulty.failAt(1, FaultyDataSource.Fault.AFTER);
      assertThrows(SQLTransientConnectionException.class, c::commit);
      assertEquals("commit", faulty.failedOperation());
      c.rollback();
    }
    assertEquals(List.of(7), rows());
    assertEquals(1, faulty.commits());
    assertEquals(List.of(), faulty.commitOperations(), "the lost commit never answered");
  }

  @Test
  void commitFaultBefore_nothingLands() throws SQLException {
    FaultyDataSource faulty = new FaultyDataSource(h2);
    try (Connection c = faulty.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO t VALUES (7)");
      faulty.failAt(1);
      assertThrows(SQLTransientConnectionException.class, c::commit);
      c.rollback();
    }
    assertEquals(List.of(), rows());
    assertEquals(0, faulty.commits());
  }

  @Test
  void crashAt_refusesEveryLaterOperationAndConnection_untilDisarmed() throws SQLException {
    FaultyDataSource faulty = new FaultyDataSource(h2);
    faulty.crashAt(2, FaultyDataSource.Fault.AFTER);
    try (Connection c = faulty.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO t VALUES (1)");
      assertFalse(faulty.crashed());
      assertThrows(SQLNonTransientConnectionException.class, c::commit);
      assertTrue(faulty.crashed());
      SQLException refused = assertThrows(SQLNonTransientConnectionException.class,
          () -> s.executeUpdate("INSERT INTO t VALUES (2)"));
      assertEquals("08003", refused.getSQLState());
      c.rollback();
    }
    assertThrows(SQLNonTransientConnectionException.class, faulty::getConnection);
    assertEquals(List.of(1), rows(), "the commit landed before the crash");
    assertEquals(2, faulty.operations(), "refused operations are not counted");

    faulty.disarm();
    assertFalse(faulty.crashed());
    try (Connection c = faulty.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO t VALUES (3)");
    }
    assertEquals(List.of(1, 3), rows());
  }

  @Test
  void batchesAndCommitsAreCountedOnce() throws SQLException {
    FaultyDataSource faulty = new FaultyDataSource(h2);
    try (Connection c = faulty.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
      c.setAutoCommit(false);
      for (int i = 0; i < 5; i++) {
        ps.setInt(1, i);
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
    assertEquals(2, faulty.operations());
    assertEquals(1, faulty.batches());
    assertEquals(1, faulty.commits());
    assertEquals(List.of(2), faulty.commitOperations());
  }

  @Test
  void failAt_refusesANonPositiveK() {
    FaultyDataSource faulty = new FaultyDataSource(h2);
    assertThrows(IllegalArgumentException.class, () -> faulty.failAt(0));
  }
}

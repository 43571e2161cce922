package io.tronpay.payouts.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.checks.jdbc.FaultyDataSource;
import io.tronpay.checks.jdbc.TestDatabases;
import io.tronpay.payouts.Asset;
import io.tronpay.payouts.InvalidFieldException;
import io.tronpay.payouts.Payout;
import io.tronpay.payouts.PayoutFilter;
import io.tronpay.payouts.PayoutKind;
import io.tronpay.payouts.PayoutLedger;
import io.tronpay.payouts.PayoutLedgerContract;
import io.tronpay.payouts.PayoutState;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger contract plus what only the JDBC ledger does (schema versions, exact columns,
 * refusals, failures that roll back), on one database per subclass.
 */
abstract class JdbcPayoutLedgerBehaviour extends PayoutLedgerContract {
  private final List<String> prefixes = new ArrayList<>();
  String prefix;
  JdbcPayoutLedger jdbc;

  /** The database of this run. */
  abstract DataSource dataSource();

  /** The dialect the database must be detected as. */
  abstract Dialect expectedDialect();

  @Override
  protected PayoutLedger newLedger() {
    prefix = newPrefix();
    jdbc = JdbcPayoutLedger.builder(dataSource()).tablePrefix(prefix).build();
    jdbc.migrate();
    return jdbc;
  }

  private String newPrefix() {
    String p = TestDatabases.uniquePrefix("p");
    prefixes.add(p);
    return p;
  }

  @AfterEach
  void dropTables() {
    for (String p : prefixes) {
      TestDatabases.dropTables(dataSource(), p, "payouts", "payout_schema");
    }
  }

  private Payout draft(String key, long units) {
    return new Payout("po-" + Integer.toHexString(key.hashCode()), key, PayoutKind.TRANSFER, PAYER, ALICE, Asset.USDT,
        BigInteger.valueOf(units), "", PayoutState.REQUESTED, null, null, 0, 0, 0, null, 0, 0, T0,
        T0, 0);
  }

  private List<List<String>> rows(String sql) {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<List<String>> out = new ArrayList<>();
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void execute(String sql) {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private boolean tableExists(String table) {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- dialect and schema

  @Test
  void build_detectsTheDialectFromTheDatabase() {
    assertEquals(expectedDialect(), jdbc.dialect());
    assertEquals(expectedDialect(), Dialect.detect(dataSource()));
  }

  @Test
  void migrate_twice_isANoOp_andRecordsTheVersionOnce() {
    Payout stored = draft("m-1", 5);
    ledger.insertIfAbsent(List.of(stored));
    FaultyDataSource counting = new FaultyDataSource(dataSource());
    JdbcPayoutLedger again = JdbcPayoutLedger.builder(counting).tablePrefix(prefix)
        .dialect(expectedDialect()).build();

    assertEquals(1, again.migrate());
    assertEquals(1, again.migrate());

    // Each call only creates the version table if absent and reads it: no script runs again.
    assertEquals(4, counting.operations());
    assertEquals(1, JdbcPayoutLedger.latestSchemaVersion());
    assertEquals(1, again.schemaVersion());
    assertEquals(List.of(List.of("1", "payouts", "APPLIED")),
        rows("SELECT version, description, state FROM " + prefix + "payout_schema"));
    assertEquals(Optional.of(stored), again.findByKey("m-1"));
  }

  @Test
  void schemaVersion_beforeTheFirstMigrate_isZero() {
    JdbcPayoutLedger fresh = JdbcPayoutLedger.builder(dataSource()).tablePrefix(newPrefix())
        .build();

    assertEquals(0, fresh.schemaVersion());
    assertEquals(1, fresh.migrate());
    assertEquals(1, fresh.schemaVersion());
  }

  @Test
  void migrate_halfAppliedVersion_isRefusedNotRunTwice() {
    String p = newPrefix();
    execute("CREATE TABLE " + p + "payout_schema (version INTEGER PRIMARY KEY, description "
        + "VARCHAR(200) NOT NULL, state VARCHAR(16) NOT NULL, applied_at_ns BIGINT NOT NULL)");
    execute("INSERT INTO " + p + "payout_schema VALUES (1, 'payouts', 'APPLYING', 0)");
    JdbcPayoutLedger halfDone = JdbcPayoutLedger.builder(dataSource()).tablePrefix(p).build();

    LedgerSchemaException e = assertThrows(LedgerSchemaException.class, halfDone::migrate);
    assertTrue(e.getMessage().contains("version 1 of table prefix '" + p + "' is half-applied"),
        e.getMessage());
    assertThrows(LedgerSchemaException.class, halfDone::schemaVersion);
    assertFalse(tableExists(p + "payouts"));
  }

  @Test
  void migrate_databaseNewerThanTheLibrary_isRefused() {
    execute("INSERT INTO " + prefix + "payout_schema VALUES (2, 'from the future', 'APPLIED', 0)");

    LedgerSchemaException e = assertThrows(LedgerSchemaException.class, jdbc::migrate);
    assertTrue(e.getMessage().contains("version 2, newer than this library's 1"), e.getMessage());
  }

  @Test
  void tablePrefix_invalid_isRefusedNamingTheField() {
    for (String bad : new String[] {"", "Tronpay_", "1abc_", "a-b", "x;drop table y",
        "abcdefghijklmnopqrstu"}) {
      InvalidFieldException e = assertThrows(InvalidFieldException.class,
          () -> JdbcPayoutLedger.builder(dataSource()).tablePrefix(bad), bad);
      assertEquals("tablePrefix", e.field());
    }
    assertEquals("tablePrefix", assertThrows(InvalidFieldException.class,
        () -> JdbcPayoutLedger.builder(dataSource()).tablePrefix(null)).field());
    assertEquals("abcdefghijklmnopqrst", JdbcPayoutLedger.builder(dataSource())
        .tablePrefix("abcdefghijklmnopqrst").dialect(expectedDialect()).build().tablePrefix());
  }

  @Test
  void dialect_unsupportedProduct_isRefusedNamingIt() {
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> Dialect.forProductName("Oracle"));
    assertEquals("dialect", e.field());
    assertTrue(e.getMessage().contains("'Oracle'"), e.getMessage());
    assertEquals(Dialect.MYSQL, Dialect.forProductName("MariaDB"));
  }

  // ---------------------------------------------------------------- columns and refusals

  @Test
  void amount_isAnExactDecimalColumn() {
    BigInteger amount = largestAmount();
    ledger.insertIfAbsent(List.of(new Payout("po-x", "x", PayoutKind.TRANSFER, PAYER, ALICE,
        Asset.USDT, amount, "", PayoutState.REQUESTED, null, null, 0, 0, 0, null, 0, 0, T0, T0,
        0)));

    try (Connection c = dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT amount FROM " + prefix
            + "payouts WHERE idempotency_key = ?")) {
      ps.setString(1, "x");
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        assertTrue(meta.getColumnType(1) == Types.NUMERIC || meta.getColumnType(1)
            == Types.DECIMAL, "amount column type " + meta.getColumnTypeName(1));
        assertEquals(0, meta.getScale(1));
        assertTrue(rs.next());
        assertEquals(amount, rs.getBigDecimal(1).toBigIntegerExact());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void insert_valuesTheSchemaCannotHold_areRefusedBeforeAnythingIsWritten() {
    Payout fine = draft("fine", 1);
    Payout longKey = draft("k".repeat(256), 1);
    Payout tooLarge = new Payout("po-huge", "huge", PayoutKind.TRANSFER, PAYER, ALICE,
        Asset.USDT, largestAmount().add(BigInteger.ONE).multiply(BigInteger.TEN), "",
        PayoutState.REQUESTED, null, null, 0, 0, 0, null, 0, 0, T0, T0, 0);

    assertEquals("idempotencyKey", assertThrows(InvalidFieldException.class,
        () -> ledger.insertIfAbsent(List.of(fine, longKey))).field());
    assertEquals("amount", assertThrows(InvalidFieldException.class,
        () -> ledger.insertIfAbsent(List.of(fine, tooLarge))).field());
    assertEquals(List.of(), ledger.find(PayoutFilter.all()));
    Payout keyAt255 = draft("k".repeat(255), 1);
    assertEquals(List.of(keyAt255), ledger.insertIfAbsent(List.of(keyAt255)));
  }

  @Test
  void signedTransactionOfMaximalSize_isStoredWhole() {
    Payout p = draft("big-tx", 1);
    ledger.insertIfAbsent(List.of(p));
    // A transaction of 500 KiB, the network's limit, is 1,024,000 hex characters.
    String hex = "0123456789abcdef".repeat(64_000);
    Payout signed = new Payout(p.id(), p.idempotencyKey(), p.kind(), p.from(), p.to(), p.asset(),
        p.amount(), p.memo(), PayoutState.SIGNED, "aa".repeat(32), hex, 1, 1, 0, null, 0, 0,
        T0, T0, 1);

    ledger.update(signed);

    assertEquals(Optional.of(signed), ledger.findById(p.id()));
  }

  // ---------------------------------------------------------------- failures

  @Test
  void databaseFailure_rollsTheCallBack_andTheMessageHoldsNoStoredValue() {
    FaultyDataSource faulty = new FaultyDataSource(dataSource());
    JdbcPayoutLedger failing = JdbcPayoutLedger.builder(faulty).tablePrefix(prefix)
        .dialect(expectedDialect()).build();
    Payout p = draft("secretish-key", 1);
    failing.insertIfAbsent(List.of(p));
    String hex = "fe".repeat(200);
    Payout signed = new Payout(p.id(), p.idempotencyKey(), p.kind(), p.from(), p.to(), p.asset(),
        p.amount(), p.memo(), PayoutState.SIGNED, "bb".repeat(32), hex, 1, 1, 0, null, 0, 0,
        T0, T0, 1);

    for (int k = 1; k <= 2; k++) {
      faulty.failAt(k, FaultyDataSource.Fault.BEFORE);
      PayoutLedgerException e = assertThrows(PayoutLedgerException.class,
          () -> failing.update(signed));
      assertEquals(k == 1 ? "executeUpdate" : "commit", faulty.failedOperation());
      assertTrue(e.getCause() instanceof SQLException);
      assertFalse(e.getMessage().contains(hex));
      assertFalse(e.getMessage().contains("secretish"));
      assertEquals(Optional.of(p), ledger.findById(p.id()));
    }
    Payout other = draft("other", 2);
    for (int k = 1; k <= 3; k++) {
      faulty.failAt(k, FaultyDataSource.Fault.BEFORE);
      assertThrows(PayoutLedgerException.class, () -> failing.insertIfAbsent(List.of(other)));
      assertEquals(Optional.empty(), ledger.findByKey("other"));
    }
    faulty.disarm();
    assertEquals(List.of(other), failing.insertIfAbsent(List.of(other)));
  }
}

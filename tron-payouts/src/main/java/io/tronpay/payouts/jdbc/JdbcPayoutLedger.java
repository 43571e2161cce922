package io.tronpay.payouts.jdbc;

import io.tronpay.payouts.InvalidFieldException;
import io.tronpay.payouts.LedgerConflictException;
import io.tronpay.payouts.Payout;
import io.tronpay.payouts.PayoutAnalytics;
import io.tronpay.payouts.PayoutFilter;
import io.tronpay.payouts.PayoutKind;
import io.tronpay.payouts.PayoutLedger;
import io.tronpay.payouts.PayoutState;
import io.tronpay.payouts.internal.jdbc.LedgerMigrations;
import io.tronpay.payouts.internal.jdbc.PayoutRows;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PayoutLedger} in PostgreSQL, MySQL/MariaDB or H2, through the host's
 * {@link DataSource}; no JDBC driver is needed at compile time. It follows the conventions of the
 * monitor's JDBC store: a validated table prefix, a dialect detected from the database, versioned
 * per-dialect scripts applied by {@link #migrate()}, amounts as exact {@code NUMERIC(78,0)}
 * ({@code DECIMAL(65,0)} on MySQL, its widest) and instants as epoch nanoseconds.
 *
 * <p>Each call is one database transaction. {@link #insertIfAbsent} lets the unique index on the
 * idempotency key decide: when another process stores the same key first, the call rolls back,
 * reads what won and returns it, so concurrent inserts of one key from several ledgers store one
 * row and give every caller the same payout. {@link #update} is {@code UPDATE ... WHERE id = ?
 * AND version = ?} and throws {@link LedgerConflictException} when no row matched.
 *
 * <p>Values the schema cannot hold are refused with {@link InvalidFieldException} before anything
 * is written: ids over 128 characters, keys over 255, asset symbols over 64, transaction ids over
 * 64, amounts over 78 digits (65 on MySQL), instants outside the years 1677 to 2262. Thread-safe;
 * several ledgers and processes may share one database and prefix.
 */
public final class JdbcPayoutLedger implements PayoutLedger {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcPayoutLedger.class);
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,19}");
  private static final int IN_CHUNK = 500;
  private static final int MAX_INSERT_ATTEMPTS = 10;
  private static final int MAX_ID_LENGTH = 128;
  private static final int MAX_KEY_LENGTH = 255;
  private static final int MAX_SYMBOL_LENGTH = 64;
  private static final int MAX_TX_ID_LENGTH = 64;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String p;
  private final int maxAmountDigits;

  private JdbcPayoutLedger(Builder b) {
    this.dataSource = b.dataSource;
    this.dialect = b.dialect != null ? b.dialect : Dialect.detect(b.dataSource);
    this.p = b.tablePrefix;
    this.maxAmountDigits = dialect == Dialect.MYSQL ? 65 : 78;
  }

  /**
   * A builder over the host's data source.
   *
   * @param dataSource the pool, HikariCP for example
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * The dialect in use.
   *
   * @return the dialect
   */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * The prefix of the table names.
   *
   * @return such as {@code tronpay_}
   */
  public String tablePrefix() {
    return p;
  }

  /**
   * The schema version this library needs.
   *
   * @return the version {@link #migrate()} brings the tables to
   */
  public static int latestSchemaVersion() {
    return LedgerMigrations.latestVersion();
  }

  // ---------------------------------------------------------------- schema

  /**
   * Creates or upgrades the tables to {@link #latestSchemaVersion()}. Idempotent: versions
   * already applied are skipped, and each version is recorded in the {@code payout_schema} table
   * of the prefix. On PostgreSQL a version applies in one transaction. MySQL and H2 commit schema
   * changes one statement at a time, so a version is first marked as being applied: if it then
   * fails half-way, later calls refuse to run it again and say which version to repair, rather
   * than run half of it twice.
   *
   * @return the schema version now
   * @throws LedgerSchemaException if a version is half-applied, the database is newer than this
   *     library, or a script fails
   */
  public int migrate() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + p + "payout_schema (version INTEGER PRIMARY "
            + "KEY, description VARCHAR(200) NOT NULL, state VARCHAR(16) NOT NULL, "
            + "applied_at_ns BIGINT NOT NULL)");
      }
      int current = checkedVersion(c);
      for (int v = current + 1; v <= LedgerMigrations.latestVersion(); v++) {
        applyVersion(c, v);
      }
      return LedgerMigrations.latestVersion();
    } catch (SQLException e) {
      throw new LedgerSchemaException("cannot migrate the " + dialect + " payout schema ("
          + e.getSQLState() + ")", e);
    }
  }

  /**
   * The schema version the database holds.
   *
   * @return the version, 0 before the first {@link #migrate()}
   * @throws LedgerSchemaException if a version is half-applied or newer than this library
   */
  public int schemaVersion() {
    try (Connection c = dataSource.getConnection()) {
      if (!tableExists(c, p + "payout_schema")) {
        return 0;
      }
      return checkedVersion(c);
    } catch (SQLException e) {
      throw new PayoutLedgerException("cannot read the payout schema version ("
          + e.getSQLState() + ")", e);
    }
  }

  private int checkedVersion(Connection c) throws SQLException {
    int max = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, state FROM " + p
            + "payout_schema ORDER BY version")) {
      while (rs.next()) {
        int v = rs.getInt(1);
        if (!"APPLIED".equals(rs.getString(2))) {
          throw new LedgerSchemaException("payout schema version " + v + " of table prefix '" + p
              + "' is half-applied (a migration failed or is running elsewhere); finish or undo "
              + "it by hand, then delete its row from " + p + "payout_schema", null);
        }
        max = Math.max(max, v);
      }
    }
    if (max > LedgerMigrations.latestVersion()) {
      throw new LedgerSchemaException("the payout schema is at version " + max
          + ", newer than this library's " + LedgerMigrations.latestVersion(), null);
    }
    return max;
  }

  private void applyVersion(Connection c, int v) throws SQLException {
    List<String> statements = LedgerMigrations.statements(dialect.scriptFolder(), v, p);
    String insert = "INSERT INTO " + p + "payout_schema (version, description, state, "
        + "applied_at_ns) VALUES (?, ?, ?, ?)";
    if (dialect.transactionalDdl()) {
      c.setAutoCommit(false);
      try {
        // The row goes first: a concurrent migrator blocks on its key until this one commits.
        try (PreparedStatement ps = c.prepareStatement(insert)) {
          bindVersion(ps, v, "APPLIED");
          ps.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
          for (String sql : statements) {
            s.execute(sql);
          }
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        if (isUniqueViolation(e)) {
          LOG.info("payout schema version {} was applied by another instance", v);
          return;
        }
        throw new LedgerSchemaException("payout schema version " + v
            + " failed and was rolled back (" + e.getSQLState() + ")", e);
      } finally {
        c.setAutoCommit(true);
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        bindVersion(ps, v, "APPLYING");
        ps.executeUpdate();
      } catch (SQLException e) {
        if (isUniqueViolation(e)) {
          throw new LedgerSchemaException("payout schema version " + v
              + " is being applied by another instance; retry when it is done", e);
        }
        throw e;
      }
      try (Statement s = c.createStatement()) {
        for (String sql : statements) {
          s.execute(sql);
        }
      } catch (SQLException e) {
        throw new LedgerSchemaException("payout schema version " + v + " failed half-way ("
            + e.getSQLState() + ") and is marked half-applied in " + p + "payout_schema", e);
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p
          + "payout_schema SET state = 'APPLIED' WHERE version = ?")) {
        ps.setInt(1, v);
        ps.executeUpdate();
      }
    }
    LOG.info("applied payout schema version {} ({}) with table prefix '{}'", v,
        LedgerMigrations.description(v), p);
  }

  private static void bindVersion(PreparedStatement ps, int v, String state)
      throws SQLException {
    ps.setInt(1, v);
    ps.setString(2, LedgerMigrations.description(v));
    ps.setString(3, state);
    ps.setLong(4, PayoutRows.nanos(Instant.now()));
  }

  private static boolean tableExists(Connection c, String table) {
    try (Statement s = c.createStatement()) {
      s.setMaxRows(1);
      s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      // PostgreSQL aborts the transaction on the failed query; this runs in auto-commit.
      return false;
    }
  }

  // ---------------------------------------------------------------- the ledger

  @Override
  public List<Payout> insertIfAbsent(List<Payout> payouts) {
    Objects.requireNonNull(payouts, "payouts");
    Map<String, Payout> firstByKey = new LinkedHashMap<>();
    for (Payout payout : payouts) {
      Objects.requireNonNull(payout, "payout");
      if (payout.version() != 0) {
        throw new IllegalArgumentException("a new payout must be at version 0");
      }
      checkFits(payout);
      firstByKey.putIfAbsent(payout.idempotencyKey(), payout);
    }
    if (payouts.isEmpty()) {
      return List.of();
    }
    SQLException lastConflict = null;
    for (int attempt = 1; attempt <= MAX_INSERT_ATTEMPTS; attempt++) {
      try {
        Map<String, Payout> stored = insertOnce(firstByKey);
        List<Payout> result = new ArrayList<>(payouts.size());
        for (Payout payout : payouts) {
          result.add(stored.get(payout.idempotencyKey()));
        }
        return result;
      } catch (SQLException e) {
        if (!isUniqueViolation(e) && !isRetryable(e)) {
          throw new PayoutLedgerException("cannot store " + firstByKey.size() + " payouts ("
              + e.getSQLState() + ")", e);
        }
        // Another process stored one of these keys first (or the database chose this
        // transaction as a deadlock victim): everything rolled back; read the winners, go again.
        lastConflict = e;
        LOG.debug("storing a batch of {} met a concurrent writer ({}); attempt {} of {}",
            firstByKey.size(), e.getSQLState(), attempt, MAX_INSERT_ATTEMPTS);
      }
    }
    throw new PayoutLedgerException("cannot store " + firstByKey.size() + " payouts: still in "
        + "conflict after " + MAX_INSERT_ATTEMPTS + " attempts (is a payout id already stored "
        + "under another key?)", lastConflict);
  }

  /** One transaction: reads the stored keys, inserts the rest; the unique index has the last word. */
  private Map<String, Payout> insertOnce(Map<String, Payout> firstByKey) throws SQLException {
    return transaction(c -> {
      Map<String, Payout> stored = new HashMap<>();
      List<String> keys = new ArrayList<>(firstByKey.keySet());
      for (List<String> chunk : chunks(keys)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PayoutRows.COLUMNS + " FROM "
            + p + "payouts WHERE idempotency_key IN (" + marks(chunk.size()) + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Payout existing = PayoutRows.read(rs);
              stored.put(existing.idempotencyKey(), existing);
            }
          }
        }
      }
      List<Payout> fresh = new ArrayList<>();
      for (Payout payout : firstByKey.values()) {
        if (!stored.containsKey(payout.idempotencyKey())) {
          fresh.add(payout);
        }
      }
      if (!fresh.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + p + "payouts ("
            + PayoutRows.COLUMNS + ") VALUES (" + marks(PayoutRows.COLUMN_COUNT) + ")")) {
          for (Payout payout : fresh) {
            PayoutRows.bind(ps, payout);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        for (Payout payout : fresh) {
          stored.put(payout.idempotencyKey(), payout);
        }
      }
      return stored;
    });
  }

  @Override
  public Optional<Payout> findById(String id) {
    return findOne("payout_id", Objects.requireNonNull(id, "id"));
  }

  @Override
  public Optional<Payout> findByKey(String idempotencyKey) {
    return findOne("idempotency_key", Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
  }

  private Optional<Payout> findOne(String column, String value) {
    return read("find a payout", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + PayoutRows.COLUMNS + " FROM "
          + p + "payouts WHERE " + column + " = ?")) {
        ps.setString(1, value);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(PayoutRows.read(rs)) : Optional.<Payout>empty();
        }
      }
    });
  }

  @Override
  public void update(Payout next) {
    Objects.requireNonNull(next, "next");
    checkFits(next);
    int rows;
    try {
      rows = transaction(c -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "payouts SET "
            + PayoutRows.UPDATE_ASSIGNMENTS + " WHERE payout_id = ? AND version = ?")) {
          PayoutRows.bindUpdate(ps, next);
          ps.setString(PayoutRows.UPDATE_COUNT + 1, next.id());
          ps.setLong(PayoutRows.UPDATE_COUNT + 2, next.version() - 1);
          return ps.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw new PayoutLedgerException("cannot update payout " + next.id() + " ("
          + e.getSQLState() + ")", e);
    }
    if (rows == 0) {
      throw new LedgerConflictException(next.id(), next.version() - 1);
    }
  }

  @Override
  public List<Payout> find(PayoutFilter filter) {
    Objects.requireNonNull(filter, "filter");
    StringBuilder sql = new StringBuilder("SELECT " + PayoutRows.COLUMNS + " FROM " + p
        + "payouts WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!filter.states().isEmpty()) {
      TreeSet<String> states = new TreeSet<>();
      filter.states().forEach(s -> states.add(s.name()));
      sql.append(" AND state IN (").append(marks(states.size())).append(')');
      params.addAll(states);
    }
    if (filter.asset() != null) {
      if (filter.asset().isTrx()) {
        sql.append(" AND asset_contract IS NULL");
      } else {
        sql.append(" AND asset_contract = ?");
        params.add(filter.asset().contract().toBase58());
      }
    }
    if (filter.kind() != null) {
      sql.append(" AND kind = ?");
      params.add(filter.kind().name());
    }
    if (filter.createdFrom() != null) {
      sql.append(" AND created_at_ns >= ?");
      params.add(clampedNanos(filter.createdFrom()));
    }
    if (filter.createdBefore() != null) {
      sql.append(" AND created_at_ns < ?");
      params.add(clampedNanos(filter.createdBefore()));
    }
    sql.append(" ORDER BY created_at_ns, seq");
    if (filter.limit() != Integer.MAX_VALUE) {
      sql.append(" LIMIT ?");
      params.add(filter.limit());
    }
    return read("find payouts", c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < params.size(); i++) {
          Object value = params.get(i);
          if (value instanceof String) {
            ps.setString(i + 1, (String) value);
          } else if (value instanceof Long) {
            ps.setLong(i + 1, (Long) value);
          } else {
            ps.setInt(i + 1, (Integer) value);
          }
        }
        List<Payout> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(PayoutRows.read(rs));
          }
        }
        return out;
      }
    });
  }

  /**
   * Totals over every payout, aggregated by the database in one statement.
   *
   * @return the totals
   */
  @Override
  public PayoutAnalytics analytics() {
    return read("aggregate payouts", c -> {
      Map<PayoutState, Long> counts = new EnumMap<>(PayoutState.class);
      for (PayoutState state : PayoutState.values()) {
        counts.put(state, 0L);
      }
      Map<String, BigInteger> volume = new HashMap<>();
      BigInteger fees = BigInteger.ZERO;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT state, kind, asset_contract, COUNT(*), "
              + "SUM(amount), SUM(fee_sun) FROM " + p + "payouts "
              + "GROUP BY state, kind, asset_contract")) {
        while (rs.next()) {
          PayoutState state = PayoutState.valueOf(rs.getString(1));
          PayoutKind kind = PayoutKind.valueOf(rs.getString(2));
          String contract = rs.getString(3);
          counts.merge(state, rs.getLong(4), Long::sum);
          fees = fees.add(exact(rs.getBigDecimal(6)));
          if (state == PayoutState.CONFIRMED && kind == PayoutKind.TRANSFER) {
            volume.merge(contract == null ? "TRX" : contract, exact(rs.getBigDecimal(5)),
                BigInteger::add);
          }
        }
      }
      return new PayoutAnalytics(counts, volume, fees.longValueExact());
    });
  }

  private static BigInteger exact(BigDecimal sum) {
    return sum == null ? BigInteger.ZERO : sum.toBigIntegerExact();
  }

  @Override
  public String toString() {
    return "JdbcPayoutLedger{" + dialect + ", prefix=" + p + "}";
  }

  // ---------------------------------------------------------------- checks

  private void checkFits(Payout payout) {
    fits("id", payout.id(), MAX_ID_LENGTH);
    fits("idempotencyKey", payout.idempotencyKey(), MAX_KEY_LENGTH);
    fits("asset.symbol", payout.asset().symbol(), MAX_SYMBOL_LENGTH);
    if (payout.txId() != null) {
      fits("txId", payout.txId(), MAX_TX_ID_LENGTH);
    }
    int digits = payout.amount().abs().toString().length();
    if (digits > maxAmountDigits) {
      throw new InvalidFieldException("amount", "has " + digits + " digits; the " + dialect
          + " ledger holds at most " + maxAmountDigits);
    }
    storableInstant("createdAt", payout.createdAt());
    storableInstant("updatedAt", payout.updatedAt());
  }

  private static void fits(String field, String value, int max) {
    if (value.length() > max) {
      throw new InvalidFieldException(field, "is " + value.length()
          + " characters long; the ledger holds at most " + max);
    }
  }

  private static void storableInstant(String field, Instant t) {
    try {
      PayoutRows.nanos(t);
    } catch (ArithmeticException e) {
      throw new InvalidFieldException(field, "must lie between the years 1677 and 2262");
    }
  }

  /** A filter bound outside the storable years matches like the nearest storable one. */
  private static long clampedNanos(Instant t) {
    try {
      return PayoutRows.nanos(t);
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  // ---------------------------------------------------------------- plumbing

  /** Work on one connection that returns a value. */
  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs work in one transaction: commit on success, roll back on any failure. */
  private <T> T transaction(SqlWork<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        try {
          c.setAutoCommit(true);
        } catch (SQLException ignored) {
          // The pool validates connections it gets back; a broken one is discarded there.
        }
      }
    }
  }

  private <T> T read(String what, SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new PayoutLedgerException("cannot " + what + " (" + e.getSQLState() + ")", e);
    }
  }

  private static boolean isUniqueViolation(SQLException e) {
    // 23505: PostgreSQL and H2; 23000 with error 1062: MySQL and MariaDB.
    return anySqlException(e, x -> "23505".equals(x.getSQLState())
        || ("23000".equals(x.getSQLState()) && x.getErrorCode() == 1062));
  }

  /** Deadlock victims and serialization failures: the transaction rolled back and may rerun. */
  private static boolean isRetryable(SQLException e) {
    return anySqlException(e, x -> "40001".equals(x.getSQLState())
        || "40P01".equals(x.getSQLState()));
  }

  private static boolean anySqlException(SQLException e,
      Predicate<SQLException> test) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        for (SQLException x = (SQLException) t; x != null; x = x.getNextException()) {
          if (test.test(x)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String marks(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "?" : ", ?");
    }
    return out.toString();
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
    }
    return out;
  }

  /** Configures a {@link JdbcPayoutLedger}. */
  public static final class Builder {
    private final DataSource dataSource;
    private Dialect dialect;
    private String tablePrefix = "tronpay_";

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The dialect; by default detected from the database's product name.
     *
     * @param dialect the dialect
     * @return this builder
     */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * The prefix of the table names ({@code tronpay_} by default), so several ledgers, and the
     * monitor's store, can share a schema.
     *
     * @param tablePrefix a lower-case letter, then up to 19 lower-case letters, digits or {@code _}
     * @return this builder
     * @throws InvalidFieldException for field {@code tablePrefix}, naming the fault
     */
    public Builder tablePrefix(String tablePrefix) {
      if (tablePrefix == null) {
        throw new InvalidFieldException("tablePrefix", "is missing");
      }
      if (!PREFIX.matcher(tablePrefix).matches()) {
        throw new InvalidFieldException("tablePrefix", "'" + tablePrefix + "' must be a "
            + "lower-case letter followed by up to 19 lower-case letters, digits or underscores");
      }
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * Builds the ledger; it opens one connection to detect the dialect when none was set. Call
     * {@link JdbcPayoutLedger#migrate()} before the first use.
     *
     * @return the ledger
     */
    public JdbcPayoutLedger build() {
      return new JdbcPayoutLedger(this);
    }
  }
}

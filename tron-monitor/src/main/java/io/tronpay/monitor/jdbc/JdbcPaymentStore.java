package io.tronpay.monitor.jdbc;

import io.tronpay.core.Address;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.DuplicateOrderIdException;
import io.tronpay.monitor.DuplicatePaymentIdException;
import io.tronpay.monitor.OutboxEntry;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.PaymentStore;
import io.tronpay.monitor.ScanCursor;
import io.tronpay.monitor.StaleStateException;
import io.tronpay.monitor.StoreBatch;
import io.tronpay.monitor.StoreStats;
import io.tronpay.monitor.Transfer;
import io.tronpay.monitor.TransferRecord;
import io.tronpay.monitor.TransferState;
import io.tronpay.monitor.UnknownPaymentException;
import io.tronpay.monitor.internal.jdbc.Migrations;
import io.tronpay.monitor.internal.jdbc.Rows;
import io.tronpay.monitor.webhook.WebhookDeliveryStore;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PaymentStore} in PostgreSQL, MySQL/MariaDB or H2, through the host's
 * {@link DataSource}. Nothing the monitor was handed is lost to a crash or a restart: every
 * {@link #apply} is one database transaction, and unique constraints make a transfer, an event
 * or an order id impossible to store twice.
 *
 * <p>Several application instances may share one database. Chain steps (batches that move the
 * scan cursor) are fenced by a scanner lease row: the instance holding it renews it with each
 * step, a dead instance's lease expires after {@link Builder#scannerLease(Duration)} and another
 * instance takes over with a higher token, and an instance that lost the lease gets
 * {@link ScannerLeaseLostException} instead of writing. Outbox claims use
 * {@code FOR UPDATE SKIP LOCKED} where the database has it, so any instance may deliver.
 *
 * <p>Call {@link #migrate()} once at start-up: it creates or upgrades the tables.
 *
 * <p>Maintenance, as {@code tron monitor db} runs it: {@link #check()}, {@link #stats()},
 * {@link #cleanup}, {@link #exportPayments} (keyset pages, so any table size streams),
 * {@link #deadLetteredEvents}, {@link #redeliver} and {@link #dropAll()}.
 */
public final class JdbcPaymentStore implements PaymentStore {
  /** Rows per multi-row insert; 100 rows of 15 columns stay far below every driver's limit. */
  private static final int ROWS_PER_INSERT = 100;
  private static final Logger LOG = LoggerFactory.getLogger(JdbcPaymentStore.class);
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,19}");
  private static final int IN_CHUNK = 500;
  private static final String SCANNER_LEASE = "scanner";
  private static final String OPEN_STATUSES = "('PENDING', 'SEEN', 'REVERTED')";

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String p;
  private final String instanceId;
  private final Duration leaseDuration;
  private final Clock clock;
  private final Object leaseLock = new Object();
  private long leaseToken = -1;

  private JdbcPaymentStore(Builder b) {
    this.dataSource = b.dataSource;
    this.dialect = b.dialect != null ? b.dialect : Dialect.detect(b.dataSource);
    this.p = b.tablePrefix;
    this.instanceId = b.instanceId;
    this.leaseDuration = b.leaseDuration;
    this.clock = b.clock;
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

  /** The dialect in use. */
  public Dialect dialect() {
    return dialect;
  }

  /** The prefix of every table name. */
  public String tablePrefix() {
    return p;
  }

  /** The id this instance writes into the lease row. */
  public String instanceId() {
    return instanceId;
  }

  /** The schema version this library needs. */
  public static int latestSchemaVersion() {
    return Migrations.latestVersion();
  }

  /**
   * Webhook deliveries and endpoint health in this store's database, for
   * {@code WebhookListener.Builder.deliveryStore}, so retries survive restarts and every
   * instance shares the work.
   *
   * @return the delivery store
   */
  public WebhookDeliveryStore webhookDeliveries() {
    return new JdbcWebhookDeliveries(this);
  }

  // ---------------------------------------------------------------- schema

  /**
   * Creates or upgrades the tables to {@link #latestSchemaVersion()}. Idempotent; each version is
   * recorded in the {@code schema_version} table. On PostgreSQL a version applies in one
   * transaction. MySQL and H2 commit schema changes one statement at a time, so a version is
   * first marked as being applied: if it then fails half-way, later calls refuse to run it again
   * and say which version to repair, rather than run half of it twice.
   *
   * @return the schema version now
   * @throws SchemaMigrationException if a version is half-applied, the database is newer than
   *     this library, or a script fails
   */
  public int migrate() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + p + "schema_version (version INTEGER PRIMARY "
            + "KEY, description VARCHAR(200) NOT NULL, state VARCHAR(16) NOT NULL, "
            + "applied_at_ns BIGINT NOT NULL)");
      }
      int current = checkedVersion(c);
      for (int v = current + 1; v <= Migrations.latestVersion(); v++) {
        applyVersion(c, v);
      }
      return Migrations.latestVersion();
    } catch (SQLException e) {
      throw new SchemaMigrationException("cannot migrate the " + dialect + " schema", e);
    }
  }

  /**
   * The schema version the database holds.
   *
   * @return the version, 0 when no table exists yet
   * @throws SchemaMigrationException if a version is half-applied
   */
  public int schemaVersion() {
    try (Connection c = dataSource.getConnection()) {
      if (!tableExists(c, p + "schema_version")) {
        return 0;
      }
      return checkedVersion(c);
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read the schema version", e);
    }
  }

  /**
   * Connects and reads the schema version without changing anything, for health checks and
   * {@code tron monitor db check}. It does not throw for an unreachable database or a schema in
   * a bad state: the result says what is wrong.
   *
   * @return what was found
   */
  public DatabaseCheck check() {
    int latest = Migrations.latestVersion();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      String product = md.getDatabaseProductName();
      String version = md.getDatabaseProductVersion();
      try {
        if (!tableExists(c, p + "schema_version")) {
          return new DatabaseCheck(true, product, version, 0, latest, pendingAfter(0), null);
        }
        int max = 0;
        List<Integer> halfApplied = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT version, state FROM " + p
                + "schema_version ORDER BY version")) {
          while (rs.next()) {
            if ("APPLIED".equals(rs.getString(2))) {
              max = Math.max(max, rs.getInt(1));
            } else {
              halfApplied.add(rs.getInt(1));
            }
          }
        }
        if (!halfApplied.isEmpty()) {
          return new DatabaseCheck(true, product, version, -1, latest, List.of(), "schema version "
              + halfApplied.get(0) + " is half-applied (a migration failed or is running "
              + "elsewhere); finish or undo it by hand, then delete its row from " + p
              + "schema_version");
        }
        if (max > latest) {
          return new DatabaseCheck(true, product, version, max, latest, List.of(),
              "the database schema is at version " + max + ", newer than this library's "
              + latest);
        }
        return new DatabaseCheck(true, product, version, max, latest, pendingAfter(max), null);
      } catch (SQLException e) {
        return new DatabaseCheck(true, product, version, -1, latest, List.of(),
            "cannot read the schema version: " + e.getMessage() + " (" + e.getSQLState() + ")");
      }
    } catch (SQLException e) {
      return new DatabaseCheck(false, null, null, -1, latest, List.of(),
          "cannot connect: " + e.getMessage() + " (" + e.getSQLState() + ")");
    }
  }

  private static List<String> pendingAfter(int version) {
    List<String> out = new ArrayList<>();
    for (int v = version + 1; v <= Migrations.latestVersion(); v++) {
      out.add(v + " " + Migrations.description(v));
    }
    return out;
  }

  private int checkedVersion(Connection c) throws SQLException {
    int max = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, state FROM " + p
            + "schema_version ORDER BY version")) {
      while (rs.next()) {
        int v = rs.getInt(1);
        if (!"APPLIED".equals(rs.getString(2))) {
          throw new SchemaMigrationException("schema version " + v + " of table prefix '" + p
              + "' is half-applied (a migration failed or is running elsewhere); finish or undo "
              + "it by hand, then delete its row from " + p + "schema_version");
        }
        max = Math.max(max, v);
      }
    }
    if (max > Migrations.latestVersion()) {
      throw new SchemaMigrationException("the database schema is at version " + max
          + ", newer than this library's " + Migrations.latestVersion());
    }
    return max;
  }

  private void applyVersion(Connection c, int v) throws SQLException {
    List<String> statements = Migrations.statements(dialect.scriptFolder(), v, p);
    String insert = "INSERT INTO " + p + "schema_version (version, description, state, "
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
          LOG.info("schema version {} was applied by another instance", v);
          return;
        }
        throw new SchemaMigrationException("schema version " + v + " failed and was rolled back",
            e);
      } finally {
        c.setAutoCommit(true);
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        bindVersion(ps, v, "APPLYING");
        ps.executeUpdate();
      } catch (SQLException e) {
        if (isUniqueViolation(e)) {
          throw new SchemaMigrationException("schema version " + v
              + " is being applied by another instance; retry when it is done", e);
        }
        throw e;
      }
      try (Statement s = c.createStatement()) {
        for (String sql : statements) {
          s.execute(sql);
        }
      } catch (SQLException e) {
        throw new SchemaMigrationException("schema version " + v + " failed half-way and is "
            + "marked half-applied in " + p + "schema_version", e);
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p
          + "schema_version SET state = 'APPLIED' WHERE version = ?")) {
        ps.setInt(1, v);
        ps.executeUpdate();
      }
    }
    LOG.info("applied schema version {} ({}) with table prefix '{}'", v,
        Migrations.description(v), p);
  }

  private void bindVersion(PreparedStatement ps, int v, String state) throws SQLException {
    ps.setInt(1, v);
    ps.setString(2, Migrations.description(v));
    ps.setString(3, state);
    ps.setLong(4, Rows.nanos(clock.instant()));
  }

  private boolean tableExists(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setMaxRows(1);
      s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      // PostgreSQL aborts the transaction on the failed query; we run in auto-commit.
      return false;
    }
  }

  /**
   * Drops every table of this prefix, data and schema version included; {@link #migrate()}
   * creates them again. Meant for tests and {@code tron monitor db reset}.
   */
  public void dropAll() {
    String[] tables = {"webhook_deliveries", "webhook_endpoints", "leases", "scan_cursor",
        "outbox", "payment_logs", "transfers", "payments", "schema_version"};
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (String t : tables) {
        s.execute("DROP TABLE IF EXISTS " + p + t);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot drop the tables", e);
    }
  }

  // ---------------------------------------------------------------- requests

  @Override
  public void insert(List<Payment> payments) {
    Set<String> ids = new HashSet<>();
    Set<String> orderIds = new HashSet<>();
    for (Payment pay : payments) {
      if (pay.version() != 0) {
        throw new IllegalArgumentException("a new payment starts at version 0, " + pay.id()
            + " is at " + pay.version());
      }
      if (!ids.add(pay.id())) {
        throw new DuplicatePaymentIdException(pay.id());
      }
      if (!orderIds.add(pay.request().orderId())) {
        throw new DuplicateOrderIdException(pay.request().orderId());
      }
    }
    if (payments.isEmpty()) {
      return;
    }
    String sql = "INSERT INTO " + p + "payments (" + Rows.PAYMENT_COLUMNS + ") VALUES ("
        + marks(22) + ")";
    try {
      inTransaction(c -> {
        // One JDBC batch, as watchAll promises: the driver sends it in one round trip.
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (Payment pay : payments) {
            Rows.bindPayment(ps, pay, 1);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        return null;
      });
    } catch (JdbcStoreException e) {
      if (e.getCause() instanceof SQLException && isUniqueViolation((SQLException) e.getCause())) {
        throw duplicateOf(payments, e);
      }
      throw e;
    }
  }

  /** Names which id or order id of a rejected batch is taken, now that the winner committed. */
  private RuntimeException duplicateOf(List<Payment> payments, JdbcStoreException cause) {
    List<String> ids = new ArrayList<>();
    List<String> orderIds = new ArrayList<>();
    for (Payment pay : payments) {
      ids.add(pay.id());
      orderIds.add(pay.request().orderId());
    }
    Set<String> takenIds = new HashSet<>(selectStrings("payment_id", "payment_id", ids));
    Set<String> takenOrders = new HashSet<>(selectStrings("order_id", "order_id", orderIds));
    for (Payment pay : payments) {
      if (takenIds.contains(pay.id())) {
        return new DuplicatePaymentIdException(pay.id());
      }
      if (takenOrders.contains(pay.request().orderId())) {
        return new DuplicateOrderIdException(pay.request().orderId());
      }
    }
    return cause;
  }

  private List<String> selectStrings(String column, String keyColumn, List<String> keys) {
    return read(c -> {
      List<String> out = new ArrayList<>();
      for (List<String> chunk : chunks(keys)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + p
            + "payments WHERE " + keyColumn + " IN (" + marks(chunk.size()) + ")")) {
          bindStrings(ps, chunk, 1);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
        }
      }
      return out;
    });
  }

  @Override
  public Optional<Payment> find(String id) {
    return findOne("payment_id", id);
  }

  @Override
  public Map<String, Payment> findAll(Collection<String> ids) {
    List<String> keys = new ArrayList<>(new LinkedHashSet<>(ids));
    return read(c -> {
      Map<String, Payment> out = new HashMap<>();
      for (List<String> chunk : chunks(keys)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.PAYMENT_COLUMNS
            + " FROM " + p + "payments WHERE payment_id IN (" + marks(chunk.size()) + ")")) {
          bindStrings(ps, chunk, 1);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Payment payment = Rows.payment(rs);
              out.put(payment.id(), payment);
            }
          }
        }
      }
      return out;
    });
  }

  @Override
  public Optional<Payment> findByOrderId(String orderId) {
    return findOne("order_id", orderId);
  }

  private Optional<Payment> findOne(String column, String value) {
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.PAYMENT_COLUMNS + " FROM "
          + p + "payments WHERE " + column + " = ?")) {
        ps.setString(1, value);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(Rows.payment(rs)) : Optional.<Payment>empty();
        }
      }
    });
  }

  @Override
  public Map<Address, List<Payment>> findByAddresses(Collection<Address> addresses) {
    List<String> keys = new ArrayList<>();
    for (Address a : new LinkedHashSet<>(addresses)) {
      keys.add(a.toBase58());
    }
    return read(c -> {
      Map<Address, List<Payment>> out = new HashMap<>();
      for (List<String> chunk : chunks(keys)) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.PAYMENT_COLUMNS
            + " FROM " + p + "payments WHERE wallet_address IN (" + marks(chunk.size())
            + ") ORDER BY watched_at_ns, payment_id")) {
          bindStrings(ps, chunk, 1);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Payment pay = Rows.payment(rs);
              out.computeIfAbsent(pay.request().address(), k -> new ArrayList<>()).add(pay);
            }
          }
        }
      }
      return out;
    });
  }

  // ---------------------------------------------------------------- transfers

  @Override
  public Map<Transfer.Key, TransferRecord> findTransfers(Collection<Transfer.Key> keys) {
    return read(c -> transfersByKey(c, keys));
  }

  private Map<Transfer.Key, TransferRecord> transfersByKey(Connection c,
      Collection<Transfer.Key> keys) throws SQLException {
    Set<Transfer.Key> wanted = new HashSet<>(keys);
    List<String> txIds = new ArrayList<>();
    for (Transfer.Key k : wanted) {
      txIds.add(k.txId());
    }
    Map<Transfer.Key, TransferRecord> out = new HashMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(new LinkedHashSet<>(txIds)))) {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.TRANSFER_COLUMNS
          + " FROM " + p + "transfers WHERE tx_id IN (" + marks(chunk.size()) + ")")) {
        bindStrings(ps, chunk, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            TransferRecord t = Rows.transfer(rs);
            if (wanted.contains(t.key())) {
              out.put(t.key(), t);
            }
          }
        }
      }
    }
    return out;
  }

  @Override
  public List<TransferRecord> transfersOf(String paymentId) {
    return transfers("payment_id = ?", paymentId, "seq");
  }

  @Override
  public List<TransferRecord> unconfirmedTransfers() {
    return transfers("state = ?", TransferState.UNCONFIRMED.name(), "block_number, seq");
  }

  @Override
  public long lowestUnconfirmedBlock() {
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT MIN(block_number) FROM " + p
          + "transfers WHERE state = ?")) {
        ps.setString(1, TransferState.UNCONFIRMED.name());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long lowest = rs.getLong(1);
          return rs.wasNull() ? -1L : lowest;
        }
      }
    });
  }

  @Override
  public List<TransferRecord> confirmableTransfers(long head, long solid) {
    // Two index range reads rather than one OR, which planners answer with a scan of every
    // waiting transfer: at or below the solid block, and above it those whose request's depth
    // the head has reached (confirms_at_block, written with the transfer, saves joining each
    // waiting transfer with its request on every block).
    String columns = Rows.TRANSFER_COLUMNS + ", seq";
    return read(c -> {
      List<TransferRecord> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + p
          + "transfers WHERE state = ? AND block_number <= ?"
          + " UNION ALL SELECT " + columns + " FROM " + p + "transfers"
          + " WHERE state = ? AND block_number > ? AND confirms_at_block <= ?"
          + " ORDER BY block_number, seq")) {
        ps.setString(1, TransferState.UNCONFIRMED.name());
        ps.setLong(2, solid);
        ps.setString(3, TransferState.UNCONFIRMED.name());
        ps.setLong(4, solid);
        ps.setLong(5, head);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(Rows.transfer(rs));
          }
        }
      }
      return out;
    });
  }

  private List<TransferRecord> transfers(String where, String value, String order) {
    return read(c -> {
      List<TransferRecord> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.TRANSFER_COLUMNS
          + " FROM " + p + "transfers WHERE " + where + " ORDER BY " + order)) {
        ps.setString(1, value);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(Rows.transfer(rs));
          }
        }
      }
      return out;
    });
  }

  // ---------------------------------------------------------------- apply

  @Override
  public void apply(StoreBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    inTransaction(c -> {
      if (batch.cursor() != null) {
        fence(c);
      }
      checkVersions(c, batch.payments());
      writeTransfers(c, batch.transfers(), batch.payments());
      writePayments(c, batch.payments());
      writeEvents(c, batch.events());
      if (batch.cursor() != null) {
        writeCursor(c, batch.cursor());
      }
      return null;
    });
  }

  /**
   * Takes or renews the scanner lease inside the step's transaction, so the step commits only
   * while this instance holds it; the row lock orders competing instances. A step is written only
   * under a token this instance held before it read the step: taking the lease over from another
   * instance commits the lease alone and refuses the step.
   */
  private void fence(Connection c) throws SQLException {
    long now = Rows.nanos(clock.instant());
    long until = now + leaseDuration.toNanos();
    synchronized (leaseLock) {
      String owner = null;
      long token = 0;
      long expires = 0;
      boolean exists;
      try (PreparedStatement ps = c.prepareStatement("SELECT owner, token, expires_at_ns FROM "
          + p + "leases WHERE name = ? FOR UPDATE")) {
        ps.setString(1, SCANNER_LEASE);
        try (ResultSet rs = ps.executeQuery()) {
          exists = rs.next();
          if (exists) {
            owner = rs.getString(1);
            token = rs.getLong(2);
            expires = rs.getLong(3);
          }
        }
      }
      if (!exists) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + p + "leases (name, "
            + "owner, token, expires_at_ns, renewed_at_ns) VALUES (?, ?, 1, ?, ?)")) {
          ps.setString(1, SCANNER_LEASE);
          ps.setString(2, instanceId);
          ps.setLong(3, until);
          ps.setLong(4, now);
          ps.executeUpdate();
        }
        leaseToken = 1;
        LOG.info("instance {} took the scanner lease (token 1)", instanceId);
        return;
      }
      boolean mine = instanceId.equals(owner) && token == leaseToken;
      // The same instance id restarted: the process that held the lease is gone, so take it
      // at once with a new token; should the old process still be alive, its token is fenced.
      boolean restarted = instanceId.equals(owner) && leaseToken == -1;
      if (!mine && !restarted && expires > now) {
        throw new ScannerLeaseLostException("instance " + owner + " holds the scanner lease "
            + "(token " + token + ") until " + Rows.instant(expires) + "; instance " + instanceId
            + " did not write");
      }
      long next = mine ? token : token + 1;
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "leases SET owner = ?, "
          + "token = ?, expires_at_ns = ?, renewed_at_ns = ? WHERE name = ? AND token = ?")) {
        ps.setString(1, instanceId);
        ps.setLong(2, next);
        ps.setLong(3, until);
        ps.setLong(4, now);
        ps.setString(5, SCANNER_LEASE);
        ps.setLong(6, token);
        if (ps.executeUpdate() != 1) {
          throw new ScannerLeaseLostException("the scanner lease changed hands during the step");
        }
      }
      leaseToken = next;
      if (restarted) {
        LOG.info("instance {} took its scanner lease back after a restart (token {})",
            instanceId, next);
      } else if (!mine) {
        // The step in hand was read before this instance held the lease, perhaps while another
        // instance was still writing (or a paused one that has since woken): writing it could
        // move the cursor back or repeat work. Keep the lease, drop the step; the next round
        // reads again under the new token. A restart under the same id skips this: its old
        // process is gone, so nothing wrote between its reads and now.
        c.commit();
        LOG.info("instance {} took over the scanner lease from {} (token {}); the step read "
            + "before then is dropped and read again", instanceId, owner, next);
        throw new ScannerLeaseLostException("instance " + instanceId + " has just taken over "
            + "the scanner lease (token " + next + "); the chain step it read before then was "
            + "not written, and the next round reads it again");
      }
    }
  }

  /**
   * True when no instance holds the scanner lease, this instance holds it, or it has expired by
   * this store's clock; false while another instance holds it.
   */
  @Override
  public boolean mayScan() {
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT owner, expires_at_ns FROM " + p
          + "leases WHERE name = ?")) {
        ps.setString(1, SCANNER_LEASE);
        try (ResultSet rs = ps.executeQuery()) {
          return !rs.next() || instanceId.equals(rs.getString(1))
              || rs.getLong(2) <= Rows.nanos(clock.instant());
        }
      }
    });
  }

  /**
   * Whether this instance held the scanner lease at its last chain step and the lease has not
   * expired since, by this store's clock.
   *
   * @return whether this instance is the scanner
   */
  public boolean holdsScannerLease() {
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT owner, token, expires_at_ns FROM "
          + p + "leases WHERE name = ?")) {
        ps.setString(1, SCANNER_LEASE);
        try (ResultSet rs = ps.executeQuery()) {
          synchronized (leaseLock) {
            return rs.next() && instanceId.equals(rs.getString(1)) && rs.getLong(2) == leaseToken
                && rs.getLong(3) > Rows.nanos(clock.instant());
          }
        }
      }
    });
  }

  private void checkVersions(Connection c, List<StoreBatch.PaymentChange> changes)
      throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    for (StoreBatch.PaymentChange change : changes) {
      expected.put(change.next().id(), change.expectedVersion());
    }
    Map<String, Long> stored = new HashMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(expected.keySet()))) {
      // Locks the rows, so no other writer moves them between this check and the update.
      try (PreparedStatement ps = c.prepareStatement("SELECT payment_id, version FROM " + p
          + "payments WHERE payment_id IN (" + marks(chunk.size()) + ") FOR UPDATE")) {
        bindStrings(ps, chunk, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            stored.put(rs.getString(1), rs.getLong(2));
          }
        }
      }
    }
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      Long version = stored.get(e.getKey());
      if (version == null) {
        throw new UnknownPaymentException(e.getKey());
      }
      if (version.longValue() != e.getValue()) {
        throw new StaleStateException("payment " + e.getKey() + " is at version " + version
            + ", the change expects " + e.getValue());
      }
    }
  }

  private void writeTransfers(Connection c, List<TransferRecord> transfers,
      List<StoreBatch.PaymentChange> changes) throws SQLException {
    if (transfers.isEmpty()) {
      return;
    }
    Map<String, Integer> depths = confirmationDepths(c, transfers, changes);
    RowBinder<TransferRecord> binder = (ps, t, from) -> {
      Integer depth = t.paymentId() == null ? null : depths.get(t.paymentId());
      if (depth == null || depth == 0) {
        ps.setNull(from, Types.BIGINT);
      } else {
        ps.setLong(from, t.transfer().blockNumber() + depth - 1);
      }
      return Rows.bindTransfer(ps, t, from + 1);
    };
    insertRows(c, upsertTransfersHead(), "(" + marks(15) + ")", upsertTransfersTail(), transfers,
        binder);
  }

  /**
   * A step's transfers, new ones and state changes alike, are written by multi-row upserts on
   * the unique {@code (tx_id, log_index)}: one statement per hundred rows instead of a lookup,
   * an insert and an update per row. Only the scanner writes transfers, and its steps are
   * serialized by the lease row it locks, so an upsert never meets a competing writer's row.
   */
  private String upsertTransfersHead() {
    String columns = "confirms_at_block, " + Rows.TRANSFER_COLUMNS;
    return dialect == Dialect.H2
        ? "MERGE INTO " + p + "transfers (" + columns + ") KEY (tx_id, log_index) VALUES "
        : "INSERT INTO " + p + "transfers (" + columns + ") VALUES ";
  }

  private String upsertTransfersTail() {
    String format = switch (dialect) {
      case POSTGRESQL -> "%s = EXCLUDED.%s";
      case MYSQL -> "%s = VALUES(%s)";
      case H2 -> null;
    };
    if (format == null) {
      return "";
    }
    List<String> assignments = new ArrayList<>();
    for (String column : ("confirms_at_block, " + Rows.TRANSFER_COLUMNS).split(", ")) {
      if (!column.equals("tx_id") && !column.equals("log_index")) {
        assignments.add(String.format(format, column, column));
      }
    }
    return (dialect == Dialect.POSTGRESQL ? " ON CONFLICT (tx_id, log_index) DO UPDATE SET "
        : " ON DUPLICATE KEY UPDATE ") + String.join(", ", assignments);
  }

  /**
   * The confirmation depth each transfer's request asks for, from the batch's payment changes,
   * which nearly always include it, and else from the table.
   */
  private Map<String, Integer> confirmationDepths(Connection c, List<TransferRecord> transfers,
      List<StoreBatch.PaymentChange> changes) throws SQLException {
    Map<String, Integer> depths = new HashMap<>();
    for (StoreBatch.PaymentChange change : changes) {
      depths.put(change.next().id(), change.next().request().confirmation().blocks());
    }
    Set<String> missing = new LinkedHashSet<>();
    for (TransferRecord t : transfers) {
      if (t.paymentId() != null && !depths.containsKey(t.paymentId())) {
        missing.add(t.paymentId());
      }
    }
    for (List<String> chunk : chunks(new ArrayList<>(missing))) {
      try (PreparedStatement ps = c.prepareStatement("SELECT payment_id, confirmation_blocks "
          + "FROM " + p + "payments WHERE payment_id IN (" + marks(chunk.size()) + ")")) {
        bindStrings(ps, chunk, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            depths.put(rs.getString(1), rs.getInt(2));
          }
        }
      }
    }
    return depths;
  }

  private void writePayments(Connection c, List<StoreBatch.PaymentChange> changes)
      throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "payments SET status = ?, "
        + "confirmed_units = ?, unconfirmed_units = ?, watched_at_ns = ?, expires_at_ns = ?, "
        + "updated_at_ns = ?, finished_at_ns = ?, version = ? WHERE payment_id = ? "
        + "AND version = ?")) {
      for (StoreBatch.PaymentChange change : changes) {
        int i = Rows.bindState(ps, change.next(), 1);
        ps.setLong(i++, change.next().version());
        ps.setString(i++, change.next().id());
        ps.setLong(i, change.expectedVersion());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void writeEvents(Connection c, List<PaymentEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    for (PaymentEvent e : events) {
      ids.add(e.eventId());
    }
    Set<String> logged = new HashSet<>();
    for (List<String> chunk : chunks(ids)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM " + p
          + "payment_logs WHERE event_id IN (" + marks(chunk.size()) + ")")) {
        bindStrings(ps, chunk, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            logged.add(rs.getString(1));
          }
        }
      }
    }
    List<PaymentEvent> fresh = new ArrayList<>();
    for (PaymentEvent e : events) {
      if (!logged.contains(e.eventId())) {
        fresh.add(e);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    insertRows(c, "INSERT INTO " + p + "payment_logs (" + Rows.EVENT_COLUMNS + ") VALUES ",
        "(" + marks(15) + ")", fresh, Rows::bindEvent);
    // The outbox keeps the events' order in its sequence: rows of one statement are numbered
    // in the order they are listed.
    insertRows(c, "INSERT INTO " + p + "outbox (event_id, dead, attempts, not_before_ns) VALUES ",
        "(?, ?, 0, ?)", fresh, (ps, e, from) -> {
          ps.setString(from, e.eventId());
          ps.setBoolean(from + 1, false);
          ps.setLong(from + 2, Rows.nanos(e.occurredAt()));
          return from + 3;
        });
  }

  /** Binds one row's parameters from index {@code from}; returns the index after them. */
  private interface RowBinder<T> {
    int bind(PreparedStatement ps, T row, int from) throws SQLException;
  }

  /**
   * Inserts rows with multi-row {@code INSERT ... VALUES (...), (...)} statements of up to
   * {@value #ROWS_PER_INSERT} rows: one statement the database parses and executes per chunk,
   * where a JDBC batch executes one statement per row (PostgreSQL's driver rewrites batches only
   * when the host sets {@code reWriteBatchedInserts}). The overload with a tail appends it to each
   * statement: an upsert's conflict clause.
   */
  private static <T> void insertRows(Connection c, String head, String rowMarks, List<T> rows,
      RowBinder<T> binder) throws SQLException {
    insertRows(c, head, rowMarks, "", rows, binder);
  }

  private static <T> void insertRows(Connection c, String head, String rowMarks, String tail,
      List<T> rows, RowBinder<T> binder) throws SQLException {
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      List<T> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      try (PreparedStatement ps = c.prepareStatement(head
          + String.join(", ", Collections.nCopies(chunk.size(), rowMarks)) + tail)) {
        int index = 1;
        for (T row : chunk) {
          index = binder.bind(ps, row, index);
        }
        ps.executeUpdate();
      }
    }
  }

  private void writeCursor(Connection c, ScanCursor cursor) throws SQLException {
    int updated;
    String blocks = Rows.writeBlocks(cursor.recentBlocks());
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "scan_cursor SET "
        + "head_block = ?, log_block = ?, solid_block = ?, head_timestamp = ?, "
        + "settled_timestamp = ?, recent_blocks = ? WHERE id = 1")) {
      bindCursor(ps, cursor, blocks);
      updated = ps.executeUpdate();
    }
    if (updated == 0) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + p + "scan_cursor ("
          + "head_block, log_block, solid_block, head_timestamp, settled_timestamp, "
          + "recent_blocks, id) VALUES (?, ?, ?, ?, ?, ?, 1)")) {
        bindCursor(ps, cursor, blocks);
        ps.executeUpdate();
      }
    }
  }

  private static void bindCursor(PreparedStatement ps, ScanCursor cursor, String blocks)
      throws SQLException {
    ps.setLong(1, cursor.headBlock());
    ps.setLong(2, cursor.logBlock());
    ps.setLong(3, cursor.solidBlock());
    ps.setLong(4, cursor.headTimestamp());
    ps.setLong(5, cursor.settledTimestamp());
    ps.setString(6, blocks);
  }

  @Override
  public Optional<ScanCursor> cursor() {
    return read(c -> {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT head_block, log_block, solid_block, "
              + "head_timestamp, settled_timestamp, recent_blocks FROM " + p
              + "scan_cursor WHERE id = 1")) {
        if (!rs.next()) {
          return Optional.<ScanCursor>empty();
        }
        return Optional.of(new ScanCursor(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getLong(4), rs.getLong(5), Rows.readBlocks(rs.getString(6))));
      }
    });
  }

  // ---------------------------------------------------------------- queries

  @Override
  public List<Payment> findExpired(Instant cutoff, int limit) {
    return read(c -> {
      List<Payment> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.PAYMENT_COLUMNS + " FROM "
          + p + "payments WHERE status IN " + OPEN_STATUSES + " AND expires_at_ns <= ? "
          + "ORDER BY expires_at_ns, payment_id LIMIT ?")) {
        ps.setLong(1, Rows.nanos(cutoff));
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(Rows.payment(rs));
          }
        }
      }
      return out;
    });
  }

  @Override
  public long openCount() {
    return count("payments WHERE status IN " + OPEN_STATUSES);
  }

  private long count(String from) {
    return read(c -> {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + p + from)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  // ---------------------------------------------------------------- outbox

  @Override
  public List<OutboxEntry> claim(Instant now, Instant leaseUntil, int max) {
    long nowNs = Rows.nanos(now);
    return inTransaction(c -> {
      Map<String, Long> seqs = new LinkedHashMap<>();
      Map<String, int[]> attempts = new HashMap<>();
      Map<String, Long> notBefore = new HashMap<>();
      // An event waits while an earlier event of its payment is still owed and cannot be
      // claimed now (retrying later, or claimed by an instance that may have died), so one
      // payment's events reach the listeners in order; an earlier event that is due is claimed
      // by this same query first, as the claim takes the lowest sequence numbers.
      try (PreparedStatement ps = c.prepareStatement("SELECT o.event_id, o.attempts, "
          + "o.not_before_ns, o.seq FROM " + p + "outbox o WHERE o.dead = ? "
          + "AND o.not_before_ns <= ? "
          + "AND (o.claimed_until_ns IS NULL OR o.claimed_until_ns <= ?) AND NOT EXISTS ("
          + "SELECT 1 FROM " + p + "payment_logs mine JOIN " + p + "payment_logs earlier ON "
          + "earlier.payment_id = mine.payment_id JOIN " + p + "outbox e ON e.event_id = "
          + "earlier.event_id WHERE mine.event_id = o.event_id AND e.seq < o.seq AND e.dead = ? "
          + "AND (e.not_before_ns > ? OR e.claimed_until_ns > ?)) ORDER BY o.seq LIMIT ?"
          + dialect.claimLock())) {
        ps.setBoolean(1, false);
        ps.setLong(2, nowNs);
        ps.setLong(3, nowNs);
        ps.setBoolean(4, false);
        ps.setLong(5, nowNs);
        ps.setLong(6, nowNs);
        ps.setInt(7, max);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            seqs.put(rs.getString(1), rs.getLong(4));
            attempts.put(rs.getString(1), new int[] {rs.getInt(2)});
            notBefore.put(rs.getString(1), rs.getLong(3));
          }
        }
      }
      if (seqs.isEmpty()) {
        return List.<OutboxEntry>of();
      }
      Map<String, PaymentEvent> events = events(c, new ArrayList<>(seqs.keySet()));
      List<String> claimed = inPaymentOrder(c, seqs, events);
      if (claimed.isEmpty()) {
        return List.<OutboxEntry>of();
      }
      for (List<String> chunk : chunks(claimed)) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "outbox SET "
            + "claimed_until_ns = ? WHERE event_id IN (" + marks(chunk.size()) + ")")) {
          ps.setLong(1, Rows.nanos(leaseUntil));
          bindStrings(ps, chunk, 2);
          ps.executeUpdate();
        }
      }
      List<OutboxEntry> out = new ArrayList<>();
      for (String id : claimed) {
        out.add(new OutboxEntry(events.get(id), attempts.get(id)[0],
            Rows.instant(notBefore.get(id))));
      }
      return out;
    });
  }

  /**
   * The candidates that may go now, in sequence order: an event goes only when every earlier
   * event of its payment still in the outbox goes with it. The claim query's own check sees
   * committed claims only; an earlier event that another instance's claim has locked this very
   * moment was skipped by {@code SKIP LOCKED} and looks unclaimed, and without this check the
   * later event would overtake it.
   */
  private List<String> inPaymentOrder(Connection c, Map<String, Long> seqs,
      Map<String, PaymentEvent> events) throws SQLException {
    Set<String> paymentIds = new LinkedHashSet<>();
    for (String id : seqs.keySet()) {
      PaymentEvent e = events.get(id);
      if (e != null && e.paymentId() != null) {
        paymentIds.add(e.paymentId());
      }
    }
    Map<String, List<Long>> owed = new HashMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(paymentIds))) {
      try (PreparedStatement ps = c.prepareStatement("SELECT l.payment_id, o.seq FROM " + p
          + "outbox o JOIN " + p + "payment_logs l ON l.event_id = o.event_id "
          + "WHERE o.dead = ? AND l.payment_id IN (" + marks(chunk.size()) + ")")) {
        ps.setBoolean(1, false);
        bindStrings(ps, chunk, 2);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            owed.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
          }
        }
      }
    }
    Set<Long> candidates = new HashSet<>(seqs.values());
    Set<String> heldBack = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Long> candidate : seqs.entrySet()) {
      PaymentEvent e = events.get(candidate.getKey());
      if (e == null) {
        continue;
      }
      String paymentId = e.paymentId();
      if (paymentId != null) {
        if (heldBack.contains(paymentId)) {
          continue;
        }
        boolean earlierOutside = false;
        for (long seq : owed.getOrDefault(paymentId, List.of())) {
          earlierOutside |= seq < candidate.getValue() && !candidates.contains(seq);
        }
        if (earlierOutside) {
          heldBack.add(paymentId);
          continue;
        }
      }
      out.add(candidate.getKey());
    }
    return out;
  }

  private Map<String, PaymentEvent> events(Connection c, List<String> ids) throws SQLException {
    Map<String, PaymentEvent> out = new HashMap<>();
    for (List<String> chunk : chunks(ids)) {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + Rows.EVENT_COLUMNS + " FROM "
          + p + "payment_logs WHERE event_id IN (" + marks(chunk.size()) + ")")) {
        bindStrings(ps, chunk, 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            PaymentEvent e = Rows.event(rs);
            out.put(e.eventId(), e);
          }
        }
      }
    }
    return out;
  }

  /**
   * One event of the audit log, delivered or not.
   *
   * @param eventId the event
   * @return the event, or empty
   */
  public Optional<PaymentEvent> findEvent(String eventId) {
    return read(c -> Optional.ofNullable(events(c, List.of(eventId)).get(eventId)));
  }

  /**
   * Events the listeners were given up on (the delivery policy's attempts ran out), oldest
   * first; they stay in the outbox, marked dead, until {@link #redeliver} or a reset. Webhook
   * deliveries have dead letters of their own: {@code webhookDeliveries().deadLetters(max)}.
   *
   * @param max the most to return, at least 1
   * @return the entries, with the attempts made
   */
  public List<OutboxEntry> deadLetteredEvents(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, got " + max);
    }
    return read(c -> {
      Map<String, int[]> attempts = new LinkedHashMap<>();
      Map<String, Long> notBefore = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT event_id, attempts, not_before_ns "
          + "FROM " + p + "outbox WHERE dead = ? ORDER BY seq LIMIT ?")) {
        ps.setBoolean(1, true);
        ps.setInt(2, max);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            attempts.put(rs.getString(1), new int[] {rs.getInt(2)});
            notBefore.put(rs.getString(1), rs.getLong(3));
          }
        }
      }
      Map<String, PaymentEvent> events = events(c, new ArrayList<>(attempts.keySet()));
      List<OutboxEntry> out = new ArrayList<>();
      for (Map.Entry<String, int[]> e : attempts.entrySet()) {
        PaymentEvent event = events.get(e.getKey());
        if (event != null) {
          out.add(new OutboxEntry(event, e.getValue()[0], Rows.instant(notBefore.get(e.getKey()))));
        }
      }
      return out;
    });
  }

  /**
   * Makes an event due again, by this store's clock, for whichever monitor instance runs
   * deliveries: in one transaction, its outbox entry (dead-lettered or waiting for a retry) gets
   * a fresh delivery schedule, and so do its webhook deliveries that are dead, delivered, or
   * pending and not claimed by a sender right now. An event the listeners acknowledged is not
   * put back in the outbox. Nothing is sent from here: delivery needs the listeners and the
   * webhook secrets, which only the running monitor has.
   *
   * @param eventId the event
   * @return what was queued again, or empty when the store knows no such event
   */
  public Optional<Redelivery> redeliver(String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    long now = Rows.nanos(clock.instant());
    return inTransaction(c -> {
      boolean known = !events(c, List.of(eventId)).isEmpty()
          || !JdbcWebhookDeliveries.endpointsOf(c, p, eventId).isEmpty();
      if (!known) {
        return Optional.<Redelivery>empty();
      }
      int listeners;
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "outbox SET dead = ?, "
          + "attempts = 0, not_before_ns = ?, claimed_until_ns = NULL WHERE event_id = ? AND "
          + "(claimed_until_ns IS NULL OR claimed_until_ns <= ?)")) {
        ps.setBoolean(1, false);
        ps.setLong(2, now);
        ps.setString(3, eventId);
        ps.setLong(4, now);
        listeners = ps.executeUpdate();
      }
      int hooks = JdbcWebhookDeliveries.requeue(c, p, eventId, now);
      return Optional.of(new Redelivery(eventId, listeners > 0, hooks));
    });
  }

  @Override
  public void ack(String eventId) {
    update("DELETE FROM " + p + "outbox WHERE event_id = ?", eventId);
  }

  @Override
  public void retryLater(String eventId, int attempts, Instant notBefore) {
    inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "outbox SET attempts = ?, "
          + "not_before_ns = ?, claimed_until_ns = NULL WHERE event_id = ?")) {
        ps.setInt(1, attempts);
        ps.setLong(2, Rows.nanos(notBefore));
        ps.setString(3, eventId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void deadLetter(String eventId) {
    inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "outbox SET dead = ?, "
          + "claimed_until_ns = NULL WHERE event_id = ?")) {
        ps.setBoolean(1, true);
        ps.setString(2, eventId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  private void update(String sql, String key) {
    inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, key);
        ps.executeUpdate();
      }
      return null;
    });
  }

  // ---------------------------------------------------------------- maintenance

  @Override
  public int purgeFinished(Instant finishedBefore) {
    long cutoff = Rows.nanos(finishedBefore);
    return inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + p + "transfers WHERE "
          + "payment_id IN (SELECT payment_id FROM " + p + "payments WHERE finished_at_ns < ?)")) {
        ps.setLong(1, cutoff);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + p + "payments WHERE "
          + "finished_at_ns < ?")) {
        ps.setLong(1, cutoff);
        return ps.executeUpdate();
      }
    });
  }

  /**
   * Deletes what is past retention (the seeds' {@code db_manager cleanup}): requests that
   * finished before the cut-off, with their transfers; delivered webhook deliveries created
   * before it; and audit-log rows older than it whose event no delivery still refers to (neither
   * the outbox, dead letters included, nor a webhook delivery that is kept).
   *
   * @param before the cut-off
   * @return how many rows of each kind were deleted
   */
  public CleanupResult cleanup(Instant before) {
    int purged = purgeFinished(before);
    long cutoff = Rows.nanos(before);
    int[] counts = inTransaction(c -> {
      int hooks;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + p + "webhook_deliveries "
          + "WHERE state = 'DELIVERED' AND created_at_ns < ?")) {
        ps.setLong(1, cutoff);
        hooks = ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + p + "payment_logs WHERE "
          + "occurred_at_ns < ? AND event_id NOT IN (SELECT event_id FROM " + p + "outbox) AND "
          + "event_id NOT IN (SELECT event_id FROM " + p + "webhook_deliveries)")) {
        ps.setLong(1, cutoff);
        return new int[] {ps.executeUpdate(), hooks};
      }
    });
    return new CleanupResult(purged, counts[0], counts[1]);
  }

  /**
   * Reads requests in pages of {@code pageSize}, in the order they were first watched (ties by
   * id), and hands each to {@code sink}: however large the table, at most one page is in memory.
   * Pages are keyset queries on {@code (watched_at_ns, payment_id)}, which schema version 3
   * indexes, so each one is a short range scan on every database, and the sink runs between
   * pages, never while a result set is open. The export is not one snapshot: a request that
   * changes state while it runs is read as it stood when its page was read.
   *
   * @param filter which requests
   * @param pageSize rows per query, at least 1; 500 to 5000 suits most databases
   * @param sink receives each request; an exception it throws ends the export
   * @return how many requests were exported
   */
  public long exportPayments(PaymentExportFilter filter, int pageSize,
      Consumer<? super Payment> sink) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(sink, "sink");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
    }
    List<String> statuses = new ArrayList<>();
    for (PaymentStatus status : filter.statuses()) {
      statuses.add(status.name());
    }
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (!statuses.isEmpty()) {
      where.append(" AND status IN (").append(marks(statuses.size())).append(')');
    }
    if (filter.watchedFrom() != null) {
      where.append(" AND watched_at_ns >= ?");
    }
    String select = "SELECT " + Rows.PAYMENT_COLUMNS + " FROM " + p + "payments" + where;
    String order = " ORDER BY watched_at_ns, payment_id LIMIT ?";
    String first = select + order;
    // The leading >= gives every database a range start on the index; the OR orders ties by id.
    String next = select + " AND watched_at_ns >= ? AND (watched_at_ns > ? OR payment_id > ?)"
        + order;
    return read(c -> {
      long exported = 0;
      Payment last = null;
      while (true) {
        List<Payment> page = new ArrayList<>(Math.min(pageSize, 1024));
        try (PreparedStatement ps = c.prepareStatement(last == null ? first : next)) {
          bindStrings(ps, statuses, 1);
          int i = statuses.size() + 1;
          if (filter.watchedFrom() != null) {
            ps.setLong(i++, Rows.nanos(filter.watchedFrom()));
          }
          if (last != null) {
            long at = Rows.nanos(last.watchedAt());
            ps.setLong(i++, at);
            ps.setLong(i++, at);
            ps.setString(i++, last.id());
          }
          ps.setInt(i, pageSize);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              page.add(Rows.payment(rs));
            }
          }
        }
        for (Payment pay : page) {
          sink.accept(pay);
        }
        exported += page.size();
        if (page.size() < pageSize) {
          return exported;
        }
        last = page.get(page.size() - 1);
      }
    });
  }

  @Override
  public StoreStats stats() {
    return read(c -> {
      Map<PaymentStatus, Long> counts = new EnumMap<>(PaymentStatus.class);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM " + p
              + "payments GROUP BY status")) {
        while (rs.next()) {
          counts.put(PaymentStatus.valueOf(rs.getString(1)), rs.getLong(2));
        }
      }
      Map<Asset, Map<PaymentStatus, BigInteger>> volumes = new HashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT asset_symbol, asset_contract, asset_decimals, "
              + "status, SUM(confirmed_units) FROM " + p + "payments WHERE confirmed_units > 0 "
              + "GROUP BY asset_symbol, asset_contract, asset_decimals, status")) {
        while (rs.next()) {
          String contract = rs.getString(2);
          Asset asset = new Asset(rs.getString(1),
              contract == null ? null : Address.fromBase58(contract), rs.getInt(3));
          volumes.computeIfAbsent(asset, a -> new EnumMap<>(PaymentStatus.class)).merge(
              PaymentStatus.valueOf(rs.getString(4)), rs.getBigDecimal(5).toBigIntegerExact(),
              BigInteger::add);
        }
      }
      Map<Asset, Map<PaymentStatus, BigInteger>> frozen = new HashMap<>();
      volumes.forEach((asset, byStatus) -> frozen.put(asset, Map.copyOf(byStatus)));
      long unmatched = scalar(c, "SELECT COUNT(*) FROM " + p + "transfers WHERE payment_id IS "
          + "NULL AND state <> 'REVERTED'");
      long pending = scalar(c, "SELECT COUNT(*) FROM " + p + "outbox WHERE dead = FALSE");
      long dead = scalar(c, "SELECT COUNT(*) FROM " + p + "outbox WHERE dead = TRUE");
      return new StoreStats(counts, frozen, unmatched, pending, dead);
    });
  }

  private static long scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public String toString() {
    return "JdbcPaymentStore{" + dialect + ", prefix=" + p + ", instance=" + instanceId + "}";
  }

  // ---------------------------------------------------------------- plumbing

  /** Work on one connection that returns a value. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs work in one transaction: commit on success, roll back on any failure.
   *
   * @param work the work
   * @param <T> its result
   * @return the result
   */
  <T> T inTransaction(SqlWork<T> work) {
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
    } catch (SQLException e) {
      throw new JdbcStoreException("database transaction failed (" + e.getSQLState() + ")", e);
    }
  }

  <T> T read(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new JdbcStoreException("database read failed (" + e.getSQLState() + ")", e);
    }
  }

  static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        for (SQLException x = (SQLException) t; x != null; x = x.getNextException()) {
          String state = x.getSQLState();
          // 23505: PostgreSQL and H2; 23000 with error 1062: MySQL and MariaDB.
          if ("23505".equals(state) || ("23000".equals(state) && x.getErrorCode() == 1062)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static String marks(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "?" : ", ?");
    }
    return out.toString();
  }

  private static void bindStrings(PreparedStatement ps, List<String> values, int from)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setString(from + i, values.get(i));
    }
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
    }
    return out;
  }

  /** Configures a {@link JdbcPaymentStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private Dialect dialect;
    private String tablePrefix = "tronpay_";
    private String instanceId = UUID.randomUUID().toString();
    private Duration leaseDuration = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

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
     * The prefix of every table name ({@code tronpay_} by default), so several stores can share
     * a schema.
     *
     * @param tablePrefix a lower-case letter, then up to 19 lower-case letters, digits or {@code _}
     * @return this builder
     * @throws InvalidTablePrefixException naming the fault
     */
    public Builder tablePrefix(String tablePrefix) {
      Objects.requireNonNull(tablePrefix, "tablePrefix");
      if (!PREFIX.matcher(tablePrefix).matches()) {
        throw new InvalidTablePrefixException(tablePrefix, "must be a lower-case letter followed "
            + "by up to 19 lower-case letters, digits or underscores");
      }
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * This instance's name in the lease row (a random UUID by default). A restarted process
     * with the same id takes the lease back at once instead of waiting for it to expire, so
     * two live processes must never share an id.
     *
     * @param instanceId 1 to 128 characters
     * @return this builder
     */
    public Builder instanceId(String instanceId) {
      Objects.requireNonNull(instanceId, "instanceId");
      if (instanceId.isEmpty() || instanceId.length() > 128) {
        throw new IllegalArgumentException("instanceId must be 1 to 128 characters, got "
            + instanceId.length());
      }
      this.instanceId = instanceId;
      return this;
    }

    /**
     * How long the scanner lease lasts after each chain step (30 s by default): how soon
     * another instance takes over from a dead one. Keep it well above the poll interval.
     *
     * @param leaseDuration more than 0
     * @return this builder
     */
    public Builder scannerLease(Duration leaseDuration) {
      Objects.requireNonNull(leaseDuration, "leaseDuration");
      if (leaseDuration.isNegative() || leaseDuration.isZero()) {
        throw new IllegalArgumentException("scanner lease must be positive, got "
            + leaseDuration);
      }
      this.leaseDuration = leaseDuration;
      return this;
    }

    /**
     * The clock of lease expiry and of {@link #redeliver} (the system UTC clock by default);
     * give every instance a synchronised clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the store; it opens one connection to detect the dialect when none was set.
     *
     * @return the store
     */
    public JdbcPaymentStore build() {
      return new JdbcPaymentStore(this);
    }
  }
}

package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.Csv;
import io.tronpay.cli.internal.Json;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.OutboxEntry;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.StoreStats;
import io.tronpay.monitor.jdbc.CleanupResult;
import io.tronpay.monitor.jdbc.DatabaseCheck;
import io.tronpay.monitor.jdbc.InvalidTablePrefixException;
import io.tronpay.monitor.jdbc.JdbcPaymentStore;
import io.tronpay.monitor.jdbc.JdbcStoreException;
import io.tronpay.monitor.jdbc.PaymentExportFilter;
import io.tronpay.monitor.jdbc.Redelivery;
import io.tronpay.monitor.jdbc.SchemaMigrationException;
import io.tronpay.monitor.jdbc.UnsupportedDatabaseException;
import io.tronpay.monitor.webhook.WebhookDelivery;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code tron monitor db}: maintenance of the database a {@link JdbcPaymentStore} keeps the
 * monitor's state in (the seeds' {@code db_manager}), over a JDBC URL: H2, PostgreSQL or
 * MariaDB/MySQL, whose drivers ship with the command.
 *
 * <p>Exit codes: 0 ok, 1 a failure (the database, the schema, an unknown event), 2 a usage error.
 * The password comes from a file or standard input, never from the command line, and no output
 * or error message repeats it.
 */
@Command(
    name = "db",
    description = "Maintain the monitor's database: migrate, check, stats, cleanup, export, "
        + "reset, dead-letters, redeliver.",
    mixinStandardHelpOptions = true,
    subcommands = {DbCommand.Migrate.class, DbCommand.Check.class, DbCommand.Stats.class,
        DbCommand.Cleanup.class, DbCommand.Export.class, DbCommand.Reset.class,
        DbCommand.DeadLetters.class, DbCommand.Redeliver.class},
    footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage error."})
final class DbCommand {

  private DbCommand() {}

  /**
   * The default database: an H2 file {@code .tronpay/monitor} in the user's home, whose folder
   * is created if missing, without H2's trace file.
   *
   * @param home the user's home folder
   * @return the JDBC URL
   */
  static String defaultUrl(Path home) {
    return JdbcConnection.h2File(home.resolve(".tronpay"), "monitor", "", "database",
        "--jdbc-url");
  }

  /** A database command: the connection options, the store, and database errors as exit 1. */
  abstract static class DbLeaf extends LeafCommand {
    @Option(names = "--jdbc-url", paramLabel = "URL",
        description = "The database, such as jdbc:postgresql://host/db or "
            + "jdbc:mariadb://host/db (default: an H2 file, ~/.tronpay/monitor).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "USER", description = "The database user.")
    String jdbcUser;

    @Option(names = "--jdbc-password-file", paramLabel = "FILE|-",
        description = "File (or - for standard input) holding the database password.")
    String jdbcPasswordFile;

    @Option(names = "--table-prefix", defaultValue = "tronpay_", paramLabel = "PREFIX",
        description = "The prefix of the monitor's tables (default: ${DEFAULT-VALUE}).")
    String tablePrefix;

    private JdbcConnection connection;

    @Override
    final int execute() throws Exception {
      checkOptions();
      connection = JdbcConnection.of(this, "--jdbc-url", jdbcUrl, jdbcUrl == null
          ? defaultUrl(Path.of(System.getProperty("user.home"))) : null, jdbcUser,
          jdbcPasswordFile);
      try {
        return run(connection.dataSource());
      } catch (JdbcStoreException | SchemaMigrationException | UnsupportedDatabaseException e) {
        throw new CliInputException(describe(e));
      }
    }

    /** Checks the options before anything connects; throws a ParameterException if wrong. */
    void checkOptions() {}

    /** Does the work on the database. */
    abstract int run(DataSource dataSource) throws Exception;

    /** Builds the store; the dialect comes from the database, so this connects once. */
    JdbcPaymentStore store(DataSource dataSource) {
      JdbcPaymentStore.Builder builder = JdbcPaymentStore.builder(dataSource);
      try {
        builder.tablePrefix(tablePrefix);
      } catch (InvalidTablePrefixException e) {
        throw new ParameterException(spec.commandLine(), "--table-prefix: " + e.getMessage());
      }
      return builder.build();
    }

    /** The store, once its schema is the one this command needs. */
    JdbcPaymentStore currentStore(DataSource dataSource) {
      JdbcPaymentStore store = store(dataSource);
      DatabaseCheck check = store.check();
      if (check.problem() != null) {
        throw new CliInputException(redact(check.problem()));
      }
      if (!check.isCurrent()) {
        throw new CliInputException("the schema with table prefix '" + tablePrefix + "' is at "
            + "version " + check.schemaVersion() + ", this command needs "
            + check.latestSchemaVersion() + "; run 'tron monitor db migrate' first");
      }
      return store;
    }

    /** A store or database failure as one line: what failed, then the driver's reason. */
    String describe(RuntimeException e) {
      return connection.describe(e);
    }

    /** Removes the password, and any password= parameter of a URL, from a message. */
    String redact(String message) {
      return connection.redact(message);
    }
  }

  /** {@code tron monitor db migrate}. */
  @Command(name = "migrate",
      description = "Create or upgrade the monitor's tables to this version's schema.")
  static final class Migrate extends DbLeaf {
    @Override
    int run(DataSource dataSource) {
      JdbcPaymentStore store = store(dataSource);
      int before = store.schemaVersion();
      int after = store.migrate();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("schemaVersion", after);
      result.put("previousVersion", before);
      result.put("applied", after - before);
      print(result, after == before
          ? "the schema with table prefix '" + tablePrefix + "' is up to date at version " + after
          : "migrated the schema with table prefix '" + tablePrefix + "' from version " + before
              + " to " + after);
      return TronCli.EXIT_OK;
    }
  }

  /** {@code tron monitor db check}. */
  @Command(name = "check",
      description = {"Check that the database answers and its schema is current.",
          "Exits 1 when it is unreachable, or its schema is behind or broken."})
  static final class Check extends DbLeaf {
    @Override
    int run(DataSource dataSource) {
      DatabaseCheck check;
      try {
        check = store(dataSource).check();
      } catch (JdbcStoreException | UnsupportedDatabaseException e) {
        // The store could not even tell which database this is.
        check = new DatabaseCheck(false, null, null, -1, JdbcPaymentStore.latestSchemaVersion(),
            List.of(), describe(e));
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("reachable", check.reachable());
      result.put("database", check.product());
      result.put("databaseVersion", check.productVersion());
      result.put("tablePrefix", tablePrefix);
      result.put("schemaVersion", check.schemaVersion());
      result.put("latestSchemaVersion", check.latestSchemaVersion());
      result.put("pendingMigrations", check.pendingMigrations());
      result.put("upToDate", check.isCurrent());
      result.put("problem", check.problem() == null ? null : redact(check.problem()));
      if (json) {
        out().println(Json.write(result));
      } else {
        printHuman(check);
      }
      return check.isCurrent() ? TronCli.EXIT_OK : TronCli.EXIT_INVALID;
    }

    private void printHuman(DatabaseCheck check) {
      if (!check.reachable()) {
        out().println("database: unreachable");
      } else {
        out().println("database: " + check.product() + " " + check.productVersion());
      }
      if (check.schemaVersion() >= 0) {
        out().println("schema:   version " + check.schemaVersion() + " of "
            + check.latestSchemaVersion() + ", table prefix '" + tablePrefix + "'"
            + (check.isCurrent() ? " (up to date)" : ""));
      }
      if (!check.pendingMigrations().isEmpty()) {
        out().println("pending:  " + String.join(", ", check.pendingMigrations())
            + "; run 'tron monitor db migrate'");
      }
      if (check.problem() != null) {
        out().println("problem:  " + redact(check.problem()));
      }
    }
  }

  /** {@code tron monitor db stats}. */
  @Command(name = "stats",
      description = "Requests per state, confirmed amounts per asset, outbox and dead letters.")
  static final class Stats extends DbLeaf {
    @Override
    int run(DataSource dataSource) {
      StoreStats stats = currentStore(dataSource).stats();
      Map<String, Object> counts = new LinkedHashMap<>();
      long total = 0;
      for (PaymentStatus status : PaymentStatus.values()) {
        counts.put(status.name(), stats.count(status));
        total += stats.count(status);
      }
      List<Map<String, Object>> received = new ArrayList<>();
      List<Asset> assets = new ArrayList<>(stats.receivedByAsset().keySet());
      assets.sort(Comparator.comparing(Asset::symbol)
          .thenComparing(a -> a.contract() == null ? "" : a.contract().toBase58()));
      for (Asset asset : assets) {
        Map<PaymentStatus, BigInteger> byStatus = stats.receivedByAsset().get(asset);
        for (PaymentStatus status : PaymentStatus.values()) {
          BigInteger units = byStatus.get(status);
          if (units != null) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("asset", asset.symbol());
            row.put("contract", asset.contract() == null ? null : asset.contract().toBase58());
            row.put("decimals", asset.decimals());
            row.put("status", status.name());
            row.put("units", units.toString());
            row.put("amount", asset.amount(units).toDecimalString());
            received.add(row);
          }
        }
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("payments", counts);
      result.put("total", total);
      result.put("received", received);
      result.put("unmatchedTransfers", stats.unmatchedTransfers());
      result.put("outboxPending", stats.outboxPending());
      result.put("deadLetters", stats.deadLetters());
      if (json) {
        out().println(Json.write(result));
        return TronCli.EXIT_OK;
      }
      out().println("requests: " + total);
      for (PaymentStatus status : PaymentStatus.values()) {
        if (stats.count(status) > 0) {
          out().printf("  %-10s %d%n", status.name(), stats.count(status));
        }
      }
      if (!received.isEmpty()) {
        out().println("received (confirmed):");
        for (Map<String, Object> row : received) {
          out().printf("  %s %s in %s%n", row.get("amount"), row.get("asset"), row.get("status"));
        }
      }
      out().println("unmatched transfers: " + stats.unmatchedTransfers());
      out().println("events waiting for listeners: " + stats.outboxPending());
      out().println("dead letters: " + stats.deadLetters());
      return TronCli.EXIT_OK;
    }
  }

  /** {@code tron monitor db cleanup --days N}. */
  @Command(name = "cleanup",
      description = {"Delete what is past the retention: finished requests, old log entries.",
          "Deletes requests that finished before the cut-off (with their transfers), delivered",
          "webhooks, and audit-log entries no delivery needs any more. Open requests, pending",
          "events and dead letters are kept."})
  static final class Cleanup extends DbLeaf {
    @Option(names = "--days", required = true, paramLabel = "N",
        description = "Keep the last N days (0: delete everything finished until now).")
    int days;

    @Override
    void checkOptions() {
      if (days < 0 || days > 36_500) {
        throw new ParameterException(spec.commandLine(),
            "--days must be between 0 and 36500, got " + days);
      }
    }

    @Override
    int run(DataSource dataSource) {
      JdbcPaymentStore store = currentStore(dataSource);
      Instant cutoff = Instant.now().minus(Duration.ofDays(days));
      CleanupResult deleted = store.cleanup(cutoff);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("cutoff", cutoff.toString());
      result.put("payments", deleted.payments());
      result.put("logEntries", deleted.logEntries());
      result.put("webhookDeliveries", deleted.webhookDeliveries());
      print(result, "deleted " + deleted.payments() + " finished requests, "
          + deleted.logEntries() + " log entries and " + deleted.webhookDeliveries()
          + " delivered webhooks from before " + cutoff);
      return TronCli.EXIT_OK;
    }
  }

  /** {@code tron monitor db export}. */
  @Command(name = "export",
      description = {"Stream requests as CSV (RFC 4180) or JSON Lines, oldest first.",
          "Writes to standard output or a new file. Amounts are exact: base units and decimal",
          "strings. The table is read in pages, so its size does not matter."})
  static final class Export extends DbLeaf {
    /** The columns, in order: the CSV header and the JSON keys. */
    static final List<String> COLUMNS = List.of("payment_id", "order_id", "status", "address",
        "asset", "contract", "decimals", "expected_units", "expected_amount", "received_units",
        "received_amount", "unconfirmed_units", "unconfirmed_amount", "match_mode",
        "confirmations", "watched_at", "expires_at", "updated_at", "finished_at", "callback_url",
        "metadata", "version");
    private static final int CHECK_EVERY = 1000;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|json",
        description = "csv (with a header) or json (one object per line) "
            + "(default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--status", split = ",", paramLabel = "STATUS",
        description = "Only these states (repeat or separate with commas): PENDING, SEEN, "
            + "CONFIRMED, OVERPAID, UNDERPAID, EXPIRED, LATE, REVERTED, CANCELLED.")
    List<String> statuses;

    @Option(names = "--from", paramLabel = "DATE",
        description = "Only requests watched from then on: a date (2025-01-31, UTC midnight) "
            + "or an instant (2025-01-31T12:00:00Z).")
    String from;

    @Option(names = "--out", paramLabel = "FILE",
        description = "Write to this new file instead of standard output.")
    Path outFile;

    @Option(names = "--page-size", defaultValue = "1000", paramLabel = "N",
        description = "Rows read per query (default: ${DEFAULT-VALUE}).")
    int pageSize;

    private boolean csv;
    private PaymentExportFilter filter;

    @Override
    void checkOptions() {
      String f = format.strip().toLowerCase(Locale.ROOT);
      if (!f.equals("csv") && !f.equals("json")) {
        throw new ParameterException(spec.commandLine(),
            "--format must be csv or json, got '" + format + "'");
      }
      csv = f.equals("csv");
      if (pageSize < 1 || pageSize > 100_000) {
        throw new ParameterException(spec.commandLine(),
            "--page-size must be between 1 and 100000, got " + pageSize);
      }
      Set<PaymentStatus> wanted = EnumSet.noneOf(PaymentStatus.class);
      if (statuses != null) {
        for (String s : statuses) {
          try {
            wanted.add(PaymentStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--status " + s + " is not a "
                + "state; use one of " + Arrays.toString(PaymentStatus.values()));
          }
        }
      }
      filter = new PaymentExportFilter(wanted, from == null ? null : parseFrom(from.strip()));
    }

    private Instant parseFrom(String text) {
      try {
        if (text.length() == 10) {
          return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw new ParameterException(spec.commandLine(), "--from must be a date such as "
            + "2025-01-31 or an instant such as 2025-01-31T12:00:00Z, got '" + text + "'");
      }
    }

    @Override
    int run(DataSource dataSource) throws IOException {
      JdbcPaymentStore store = currentStore(dataSource);
      if (outFile == null) {
        long[] rows = {0};
        try {
          export(store, out(), rows);
        } catch (StdoutClosed e) {
          err().println("standard output closed after " + rows[0] + " requests");
          return TronCli.EXIT_INVALID;
        }
        out().flush();
        return TronCli.EXIT_OK;
      }
      long[] rows = {0};
      Writer file = open(outFile);
      boolean done = false;
      try {
        try (file) {
          export(store, file, rows);
        }
        done = true;
      } catch (UncheckedIOException | IOException e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        throw new CliInputException("cannot write " + outFile + ": "
            + cause.getClass().getSimpleName());
      } finally {
        if (!done) {
          // Nothing half-written stays behind: a partial export would look like a whole one.
          Files.deleteIfExists(outFile);
        }
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("rows", rows[0]);
      result.put("file", outFile.toString());
      print(result, "exported " + rows[0] + " requests to " + outFile);
      return TronCli.EXIT_OK;
    }

    private Writer open(Path path) {
      try {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path,
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), StandardCharsets.UTF_8));
      } catch (FileAlreadyExistsException e) {
        throw new CliInputException(path + " already exists; refusing to overwrite it");
      } catch (NoSuchFileException e) {
        throw new CliInputException("cannot create " + path + ": its directory does not exist");
      } catch (IOException e) {
        throw new CliInputException("cannot create " + path + ": "
            + e.getClass().getSimpleName());
      }
    }

    private void export(JdbcPaymentStore store, Writer to, long[] rows) {
      if (csv) {
        write(to, Csv.record(COLUMNS));
      }
      store.exportPayments(filter, pageSize, payment -> {
        Map<String, Object> row = row(payment);
        if (csv) {
          List<String> fields = new ArrayList<>(COLUMNS.size());
          for (String column : COLUMNS) {
            Object value = row.get(column);
            fields.add(value == null ? null
                : value instanceof Map ? Json.write(value) : value.toString());
          }
          write(to, Csv.record(fields));
        } else {
          write(to, Json.write(row) + "\n");
        }
        rows[0]++;
        if (rows[0] % CHECK_EVERY == 0 && to instanceof PrintWriter printer
            && printer.checkError()) {
          throw new StdoutClosed();
        }
      });
      if (to instanceof PrintWriter printer && printer.checkError()) {
        throw new StdoutClosed();
      }
    }

    private static void write(Writer to, String text) {
      try {
        to.write(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** One request as export columns; amounts as base-unit and decimal strings. */
    static Map<String, Object> row(Payment p) {
      PaymentRequest r = p.request();
      Asset asset = r.asset();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("payment_id", p.id());
      row.put("order_id", r.orderId());
      row.put("status", p.status().name());
      row.put("address", r.address().toBase58());
      row.put("asset", asset.symbol());
      row.put("contract", asset.contract() == null ? null : asset.contract().toBase58());
      row.put("decimals", asset.decimals());
      row.put("expected_units", r.expectedUnits().toString());
      row.put("expected_amount", asset.amount(r.expectedUnits()).toDecimalString());
      row.put("received_units", p.confirmedUnits().toString());
      row.put("received_amount", asset.amount(p.confirmedUnits()).toDecimalString());
      row.put("unconfirmed_units", p.unconfirmedUnits().toString());
      row.put("unconfirmed_amount", asset.amount(p.unconfirmedUnits()).toDecimalString());
      row.put("match_mode", r.matchMode().name());
      row.put("confirmations", r.confirmation().isSolidified() ? "solid"
          : Integer.toString(r.confirmation().blocks()));
      row.put("watched_at", p.watchedAt().toString());
      row.put("expires_at", p.expiresAt().toString());
      row.put("updated_at", p.updatedAt().toString());
      row.put("finished_at", p.finishedAt() == null ? null : p.finishedAt().toString());
      row.put("callback_url", r.callbackUrl());
      row.put("metadata", new TreeMap<>(r.metadata()));
      row.put("version", p.version());
      return row;
    }

    /** Standard output was closed by its reader ({@code | head}): stop reading the table. */
    private static final class StdoutClosed extends RuntimeException {
      private static final long serialVersionUID = 1L;

      StdoutClosed() {
        super(null, null, false, false);
      }
    }
  }

  /** {@code tron monitor db reset --yes-i-mean-it}. */
  @Command(name = "reset",
      description = {"Drop and re-create the tables of the prefix, deleting all their data.",
          "Refuses (exit 2, nothing touched) without --yes-i-mean-it."})
  static final class Reset extends DbLeaf {
    @Option(names = "--yes-i-mean-it", description = "Confirm that all data may be deleted.")
    boolean confirmed;

    @Override
    void checkOptions() {
      if (!confirmed) {
        throw new ParameterException(spec.commandLine(), "reset deletes every request, event "
            + "and delivery with table prefix '" + tablePrefix + "'; add --yes-i-mean-it to "
            + "do it");
      }
    }

    @Override
    int run(DataSource dataSource) {
      JdbcPaymentStore store = store(dataSource);
      store.dropAll();
      int version = store.migrate();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("reset", true);
      result.put("tablePrefix", tablePrefix);
      result.put("schemaVersion", version);
      print(result, "dropped and re-created the tables with prefix '" + tablePrefix
          + "' (schema version " + version + ")");
      return TronCli.EXIT_OK;
    }
  }

  /** {@code tron monitor db dead-letters}. */
  @Command(name = "dead-letters",
      description = {"List events given up on by the listeners or by webhook endpoints.",
          "Listener dead letters ran out of the delivery policy's attempts; webhook ones out of",
          "the retry schedule. 'redeliver EVENT_ID' queues one again."})
  static final class DeadLetters extends DbLeaf {
    @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
        description = "The most to list of each kind (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    void checkOptions() {
      if (limit < 1 || limit > 100_000) {
        throw new ParameterException(spec.commandLine(),
            "--limit must be between 1 and 100000, got " + limit);
      }
    }

    @Override
    int run(DataSource dataSource) {
      JdbcPaymentStore store = currentStore(dataSource);
      List<Map<String, Object>> listeners = new ArrayList<>();
      for (OutboxEntry entry : store.deadLetteredEvents(limit)) {
        PaymentEvent e = entry.event();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("eventId", e.eventId());
        row.put("event", e.type().wireName());
        row.put("paymentId", e.paymentId());
        row.put("orderId", e.orderId());
        row.put("attempts", entry.attempts());
        row.put("occurredAt", e.occurredAt().toString());
        listeners.add(row);
      }
      List<Map<String, Object>> webhooks = new ArrayList<>();
      for (WebhookDelivery d : store.webhookDeliveries().deadLetters(limit)) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("eventId", d.eventId());
        row.put("endpoint", d.endpointId());
        row.put("paymentId", d.paymentId());
        row.put("url", d.url());
        row.put("attempts", d.attempts());
        row.put("lastAttemptAt", d.lastAttemptAt() == null ? null : d.lastAttemptAt().toString());
        row.put("lastStatus", d.lastStatus());
        row.put("lastError", d.lastError());
        webhooks.add(row);
      }
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("listeners", listeners);
        result.put("webhooks", webhooks);
        out().println(Json.write(result));
        return TronCli.EXIT_OK;
      }
      if (listeners.isEmpty() && webhooks.isEmpty()) {
        out().println("no dead letters");
      }
      for (Map<String, Object> row : listeners) {
        out().println("listener " + row.get("eventId") + "  " + row.get("event") + "  payment "
            + row.get("paymentId") + "  " + row.get("attempts") + " attempts  "
            + row.get("occurredAt"));
      }
      for (Map<String, Object> row : webhooks) {
        out().println("webhook  " + row.get("eventId") + "  endpoint " + row.get("endpoint")
            + "  " + row.get("url") + "  " + row.get("attempts") + " attempts"
            + (row.get("lastError") == null ? "" : "  last: " + row.get("lastError")));
      }
      return TronCli.EXIT_OK;
    }
  }

  /** {@code tron monitor db redeliver EVENT_ID}. */
  @Command(name = "redeliver",
      description = {"Queue an event again, for the running monitor to deliver.",
          "Its dead or retrying outbox entry and its webhook deliveries become due now. This",
          "command sends nothing itself (it has neither the listeners nor the webhook secrets):",
          "the running monitor delivers the event on its next round. Exits 1 for an unknown",
          "event or when nothing could be queued."})
  static final class Redeliver extends DbLeaf {
    @Parameters(index = "0", paramLabel = "EVENT_ID", description = "The event's id.")
    String eventId;

    @Override
    int run(DataSource dataSource) {
      JdbcPaymentStore store = currentStore(dataSource);
      Optional<Redelivery> done = store.redeliver(eventId);
      if (done.isEmpty()) {
        throw new CliInputException("no event " + eventId + " in the store with table prefix '"
            + tablePrefix + "'");
      }
      Redelivery r = done.get();
      if (!r.requeuedAny()) {
        throw new CliInputException("event " + eventId + " has nothing to redeliver: the "
            + "listeners acknowledged it and it has no webhook delivery that is not being "
            + "sent right now");
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("eventId", r.eventId());
      result.put("listeners", r.toListeners());
      result.put("webhookDeliveries", r.webhookDeliveries());
      print(result, "event " + eventId + " is due again"
          + (r.toListeners() ? " for the listeners" : "")
          + (r.toListeners() && r.webhookDeliveries() > 0 ? " and" : "")
          + (r.webhookDeliveries() > 0 ? " for " + r.webhookDeliveries() + " webhook "
              + (r.webhookDeliveries() == 1 ? "delivery" : "deliveries") : "")
          + "; the running monitor sends it on its next round");
      return TronCli.EXIT_OK;
    }
  }
}

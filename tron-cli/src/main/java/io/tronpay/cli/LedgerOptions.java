package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.DriverManagerDataSource;
import io.tronpay.payouts.InvalidFieldException;
import io.tronpay.payouts.jdbc.JdbcPayoutLedger;
import io.tronpay.payouts.jdbc.PayoutLedgerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The payout ledger's options, shared by {@code tron payout batch} and {@code tron sweep}: a
 * database by JDBC URL, or by default an H2 file in the user's home.
 */
final class LedgerOptions {
  @Option(names = "--ledger", paramLabel = "JDBC_URL",
      description = "The ledger database, such as jdbc:postgresql://host/db (default: an H2 "
          + "file, ~/.tronpay/payouts/ledger).")
  String ledgerUrl;

  @Option(names = "--ledger-user", paramLabel = "USER", description = "The database user.")
  String ledgerUser;

  @Option(names = "--ledger-password-file", paramLabel = "FILE|-",
      description = "File (or - for standard input) holding the database password.")
  String ledgerPasswordFile;

  @Option(names = "--table-prefix", defaultValue = "tronpay_", paramLabel = "PREFIX",
      description = "The prefix of the ledger's tables (default: ${DEFAULT-VALUE}).")
  String tablePrefix;

  /**
   * The default ledger: an H2 file {@code .tronpay/payouts/ledger} in the user's home. Every
   * commit is written through at once, since the ledger is what stops a rerun from paying twice.
   */
  static String defaultUrl(Path home) {
    Path folder = home.resolve(".tronpay").resolve("payouts");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new CliInputException("cannot create " + folder + " for the default ledger: "
          + e.getClass().getSimpleName() + "; give --ledger");
    }
    return "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath()
        + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
  }

  /**
   * The ledger, and for an embedded H2 database one connection held open while the command
   * runs: H2 closes a database with its last connection, and reopening the file for each of the
   * ledger's calls would cost more than the payouts.
   *
   * @param ledger the ledger
   * @param keeper the connection that keeps an H2 database open, or null
   */
  record Opened(JdbcPayoutLedger ledger, Connection keeper) implements AutoCloseable {
    @Override
    public void close() {
      if (keeper != null) {
        try {
          keeper.close();
        } catch (SQLException e) {
          // Everything was committed already; a failed close loses nothing.
        }
      }
    }
  }

  /**
   * Opens the ledger; unless {@code readOnly}, brings its schema up to date.
   *
   * @param command the command, for messages and the password file
   * @param readOnly true for a dry run, which must leave even the ledger alone
   */
  Opened open(LeafCommand command, boolean readOnly) {
    String url;
    if (ledgerUrl == null) {
      url = defaultUrl(Path.of(System.getProperty("user.home")));
    } else {
      url = ledgerUrl.strip();
      if (!url.startsWith("jdbc:")) {
        throw new ParameterException(command.spec.commandLine(), "--ledger must be a JDBC URL "
            + "starting with jdbc:, such as jdbc:postgresql://host/db");
      }
      // The MariaDB driver serves MySQL too, but takes jdbc:mysql: URLs only when told to.
      if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
        url = url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
      }
    }
    String password = null;
    if (ledgerPasswordFile != null) {
      char[] secret = command.readSecretText(ledgerPasswordFile, "password file");
      try {
        password = new String(secret);
      } finally {
        Arrays.fill(secret, '\0');
      }
    }
    DataSource dataSource = new DriverManagerDataSource(url, ledgerUser, password);
    JdbcPayoutLedger.Builder builder;
    try {
      builder = JdbcPayoutLedger.builder(dataSource).tablePrefix(tablePrefix);
    } catch (InvalidFieldException e) {
      throw new ParameterException(command.spec.commandLine(), "--table-prefix: "
          + e.getMessage());
    }
    Connection keeper = null;
    try {
      if (url.startsWith("jdbc:h2:")) {
        keeper = dataSource.getConnection();
      }
      JdbcPayoutLedger ledger = builder.build();
      if (!readOnly) {
        ledger.migrate();
      }
      return new Opened(ledger, keeper);
    } catch (SQLException | PayoutLedgerException e) {
      new Opened(null, keeper).close();
      throw new CliInputException("ledger " + redact(url) + ": " + describe(e));
    }
  }

  /** A ledger failure as one line: what failed, then the driver's reason. */
  static String describe(Exception e) {
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null) {
      message.append(": ").append(root.getMessage().strip());
    }
    return message.toString();
  }

  /** The URL without its query or properties, which may hold a password. */
  private static String redact(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int at = url.indexOf(c);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return url.substring(0, cut);
  }
}

package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.payouts.InvalidFieldException;
import io.tronpay.payouts.jdbc.JdbcPayoutLedger;
import io.tronpay.payouts.jdbc.PayoutLedgerException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
    return JdbcConnection.h2File(home.resolve(".tronpay").resolve("payouts"), "ledger",
        ";WRITE_DELAY=0", "ledger", "--ledger");
  }

  /**
   * The ledger, and for an embedded H2 database one connection held open while the command
   * runs: H2 closes a database with its last connection, and reopening the file for each of the
   * ledger's calls would cost more than the payouts.
   *
   * @param ledger the ledger
   * @param keeper the connection that keeps an H2 database open, or null
   * @param connection the database, for messages
   */
  record Opened(JdbcPayoutLedger ledger, Connection keeper, JdbcConnection connection)
      implements AutoCloseable {
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
    JdbcConnection connection = JdbcConnection.of(command, "--ledger", ledgerUrl,
        ledgerUrl == null ? defaultUrl(Path.of(System.getProperty("user.home"))) : null,
        ledgerUser, ledgerPasswordFile);
    DataSource dataSource = connection.dataSource();
    JdbcPayoutLedger.Builder builder;
    try {
      builder = JdbcPayoutLedger.builder(dataSource).tablePrefix(tablePrefix);
    } catch (InvalidFieldException e) {
      throw new ParameterException(command.spec.commandLine(), "--table-prefix: "
          + e.getMessage());
    }
    Connection keeper = null;
    try {
      if (connection.url().startsWith("jdbc:h2:")) {
        keeper = dataSource.getConnection();
      }
      JdbcPayoutLedger ledger = builder.build();
      if (!readOnly) {
        ledger.migrate();
      }
      return new Opened(ledger, keeper, connection);
    } catch (SQLException | PayoutLedgerException e) {
      new Opened(null, keeper, connection).close();
      throw new CliInputException("ledger " + connection.shortUrl() + ": "
          + connection.describe(e));
    }
  }
}

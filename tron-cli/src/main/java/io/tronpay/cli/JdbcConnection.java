package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.DriverManagerDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import picocli.CommandLine.ParameterException;

/**
 * A database as the options of {@code tron monitor db} and the payout ledger name it: the URL,
 * checked, or a default H2 file in the user's home; the user; and the password, read from a file
 * or standard input. It also turns a database failure into one line without the password.
 */
final class JdbcConnection {
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)(password=)[^&;\\s]*");

  private final String url;
  private final String user;
  private final String password;

  private JdbcConnection(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * Reads the connection options.
   *
   * @param command the command, for option errors and the password file
   * @param option the URL option's name, for its error
   * @param given the URL as given, or null for {@code defaultUrl}
   * @param defaultUrl the URL without the option
   * @param user the user, or null
   * @param passwordFile a file, {@code -} for standard input, or null for no password
   * @return the connection
   */
  static JdbcConnection of(LeafCommand command, String option, String given, String defaultUrl,
      String user, String passwordFile) {
    String url = defaultUrl;
    if (given != null) {
      url = given.strip();
      if (!url.startsWith("jdbc:")) {
        throw new ParameterException(command.spec.commandLine(), option + " must be a JDBC URL "
            + "starting with jdbc:, such as jdbc:postgresql://host/db");
      }
      // The MariaDB driver serves MySQL too, but takes jdbc:mysql: URLs only when told to.
      if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
        url = url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
      }
    }
    String password = null;
    if (passwordFile != null) {
      char[] secret = command.readSecretText(passwordFile, "password file");
      try {
        password = new String(secret);
      } finally {
        Arrays.fill(secret, '\0');
      }
    }
    return new JdbcConnection(url, user, password);
  }

  /**
   * An H2 file database {@code name} in {@code folder}, which is created if missing, without
   * H2's trace file (a schema probe's expected "table not found" would be written to one).
   *
   * @param folder the folder
   * @param name the database's file name, without extension
   * @param settings further {@code ;KEY=VALUE} settings, or ""
   * @param what what the database is, for the error
   * @param option the option that names another database, for the error
   * @return the JDBC URL
   */
  static String h2File(Path folder, String name, String settings, String what, String option) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new CliInputException("cannot create " + folder + " for the default " + what + ": "
          + e.getClass().getSimpleName() + "; give " + option);
    }
    return "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath() + settings
        + ";TRACE_LEVEL_FILE=0";
  }

  /** The URL. */
  String url() {
    return url;
  }

  /** The URL without its query or properties, which may hold a password: for messages. */
  String shortUrl() {
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int at = url.indexOf(c);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return url.substring(0, cut);
  }

  /** A data source for this database; each connection is a new one from its driver. */
  DataSource dataSource() {
    return new DriverManagerDataSource(url, user, password);
  }

  /** A failure as one line: what failed, then the driver's reason, without the password. */
  String describe(Exception e) {
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null) {
      message.append(": ").append(root.getMessage().strip());
    }
    return redact(message.toString());
  }

  /** Removes the password, and any password= parameter of a URL, from a message. */
  String redact(String message) {
    String out = PASSWORD_PARAMETER.matcher(message).replaceAll("$1***");
    if (password != null && password.length() >= 3) {
      out = out.replace(password, "***");
    }
    return out;
  }

  @Override
  public String toString() {
    return "JdbcConnection[" + shortUrl() + "]";
  }
}

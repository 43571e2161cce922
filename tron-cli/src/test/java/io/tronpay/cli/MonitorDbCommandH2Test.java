package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tron monitor db} on an H2 file in a temporary folder, and what only H2 can show. */
class MonitorDbCommandH2Test extends MonitorDbCommandContract {
  @Override
  String jdbcUrl(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("monitor").toAbsolutePath();
  }

  @Test
  void defaultUrl_isAnH2FileUnderDotTronpay_andCreatesTheFolder() {
    Path home = dir.resolve("home");
    String url = DbCommand.defaultUrl(home);
    assertEquals("jdbc:h2:file:" + home.resolve(".tronpay").resolve("monitor").toAbsolutePath()
        + ";TRACE_LEVEL_FILE=0", url);
    assertTrue(Files.isDirectory(home.resolve(".tronpay")));
  }

  @Test
  void check_unreachableDatabase_exits1WithReachableFalse() {
    Cli.Result missing = Cli.run("monitor", "db", "check", "--json", "--jdbc-url",
        "jdbc:h2:file:" + dir.resolve("absent").toAbsolutePath() + ";IFEXISTS=TRUE");
    assertEquals(1, missing.exitCode(), missing.err());
    assertEquals(false, missing.json().get("reachable"));
    assertTrue(((String) missing.json().get("problem")).contains("not found"),
        missing.out());

    Cli.Result refused = Cli.run("monitor", "db", "check", "--jdbc-url",
        "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
    assertEquals(1, refused.exitCode(), refused.err());
    assertTrue(refused.out().startsWith("database: unreachable"), refused.out());
  }

  @Test
  void password_comesFromAFile_andNeverShowsInOutput() throws Exception {
    String user = "admin";
    String secret = "s3cret-db-pass";
    Path passwordFile = dir.resolve("db-password");
    Cli.writeKeyFile(passwordFile, secret + "\n");
    String guarded = "jdbc:h2:file:" + dir.resolve("guarded").toAbsolutePath();

    // The first connection to a new H2 database creates its administrator with this password.
    Cli.Result migrate = Cli.run("monitor", "db", "migrate", "--jdbc-url", guarded,
        "--jdbc-user", user, "--jdbc-password-file", passwordFile.toString(), "--json");
    assertEquals(0, migrate.exitCode(), migrate.err());
    Cli.Result check = Cli.run("monitor", "db", "check", "--jdbc-url", guarded,
        "--jdbc-user", user, "--jdbc-password-file", "-", "--json");
    assertEquals(1, check.exitCode(), "no password on standard input: " + check.out());

    Cli.Result piped = Cli.runWithStdin(secret + "\n", "monitor", "db", "check", "--jdbc-url",
        guarded, "--jdbc-user", user, "--jdbc-password-file", "-");
    assertEquals(0, piped.exitCode(), piped.out() + piped.err());

    Cli.Result noDriver = Cli.run("monitor", "db", "stats", "--json",
        "--jdbc-url", "jdbc:nosuchdb://host/db?user=u&password=" + secret);
    assertEquals(1, noDriver.exitCode());
    for (Cli.Result r : new Cli.Result[] {migrate, check, piped, noDriver}) {
      assertFalse(r.out().contains(secret), r.out());
      assertFalse(r.err().contains(secret), r.err());
    }
    Map<String, Object> error = noDriver.errorJson();
    assertTrue(((String) error.get("error")).contains("password=***"), noDriver.err());
  }

  @Test
  void badOptions_areUsageErrors_beforeAnythingConnects() {
    Path file = dir.resolve("never");
    String url = "jdbc:h2:file:" + file.toAbsolutePath();
    assertEquals(2, Cli.run("monitor", "db", "stats", "--jdbc-url", "postgres://x").exitCode());
    assertEquals(2, Cli.run("monitor", "db", "stats", "--jdbc-url", url, "--table-prefix",
        "Bad-Prefix").exitCode());
    assertEquals(2, Cli.run("monitor", "db", "reset", "--jdbc-url", url).exitCode());
    assertEquals(2, Cli.run("monitor", "db", "export", "--jdbc-url", url, "--format", "xml")
        .exitCode());
    assertFalse(Files.exists(dir.resolve("never.mv.db")), "reset without the flag opened the "
        + "database");
  }
}

package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TronCliTest {
  @Test
  void noCommand_isAUsageError() {
    Cli.Result result = Cli.run();

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("Missing required subcommand"), result.err());
  }

  @Test
  void unknownCommand_isAUsageError_withoutStackTrace() {
    Cli.Result result = Cli.run("adress", "validate", "T");

    assertEquals(2, result.exitCode());
    assertFalse(result.err().contains("\tat "), result.err());
  }

  @Test
  void unknownOption_withJson_reportsJsonOnStderr() {
    Cli.Result result = Cli.run("address", "validate", "--jsn", "--json", "T");

    assertEquals(2, result.exitCode());
    assertTrue(result.errorJson().containsKey("error"), result.err());
    assertEquals("", result.out());
  }

  @Test
  void groupWithoutSubcommand_isAUsageError() {
    assertEquals(2, Cli.run("address").exitCode());
  }

  @Test
  void help_exitsZero() {
    Cli.Result result = Cli.run("--help");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().contains("address"), result.out());
  }

  @Test
  void leafHelp_exitsZero() {
    Cli.Result result = Cli.run("address", "validate", "--help");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().contains("ADDR"), result.out());
  }

  @Test
  void version_namesTheBuild() {
    Cli.Result result = Cli.run("--version");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().startsWith("tron 0."), result.out());
  }
}

package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.Json;
import io.tronpay.cli.internal.SecretFiles;
import io.tronpay.core.PrivateKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that does something: shared options, output and input handling. */
abstract class LeafCommand implements Callable<Integer> {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
  /** Input documents (transactions) larger than this are refused rather than read whole. */
  private static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

  @Spec
  CommandSpec spec;

  @Option(names = "--json", description = "Print JSON on standard output (errors go to standard "
      + "error as JSON too).")
  boolean json;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public final Integer call() throws Exception {
    return execute();
  }

  /** Does the work and returns the exit code; throws an IllegalArgumentException for bad input. */
  abstract int execute() throws Exception;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  InputStream stdin() {
    return ((TronCli) spec.root().userObject()).stdin();
  }

  /** Parses a positive duration such as 500ms, 3s, 30m, 2h or 1d, naming the option if bad. */
  Duration duration(String text, String option) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new ParameterException(spec.commandLine(),
          option + " must be a positive duration such as 90s, 30m, 2h or 1d, got '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return Duration.ofMillis(n);
      case "s":
        return Duration.ofSeconds(n);
      case "m":
        return Duration.ofMinutes(n);
      case "h":
        return Duration.ofHours(n);
      default:
        return Duration.ofDays(n);
    }
  }

  /** Prints the JSON form with {@code --json}, else the human line. */
  void print(Map<String, ?> result, String humanLine) {
    out().println(json ? Json.write(result) : humanLine);
  }

  /** Prints a warning on standard error: a JSON line with {@code --json}, so it stays parsable. */
  void warn(String message) {
    err().println(json ? Json.write(Map.of("warning", message)) : "warning: " + message);
  }

  boolean atTerminal() {
    return ((TronCli) spec.root().userObject()).atTerminal();
  }

  /** Reads a mnemonic, passphrase or password; the caller zeroes the result. */
  char[] readSecretText(String source, String what) {
    return SecretFiles.readSecretText(source, stdin(), what, this::warn);
  }

  PrivateKey readKey(String source) {
    return SecretFiles.readPrivateKey(source, stdin(), this::warn);
  }

  /** Reads a whole document from a file or, for {@code -}, standard input. */
  byte[] readInput(String source, String what) {
    try {
      if ("-".equals(source)) {
        byte[] content = stdin().readNBytes(MAX_INPUT_BYTES + 1);
        if (content.length > MAX_INPUT_BYTES) {
          throw new CliInputException(what + " on standard input is larger than "
              + MAX_INPUT_BYTES + " bytes");
        }
        return content;
      }
      Path path = Path.of(source);
      if (Files.size(path) > MAX_INPUT_BYTES) {
        throw new CliInputException(what + " file " + source + " is larger than "
            + MAX_INPUT_BYTES + " bytes");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new CliInputException(what + " file " + source + " does not exist");
    } catch (AccessDeniedException e) {
      throw new CliInputException(what + " file " + source + " cannot be read: permission denied");
    } catch (IOException e) {
      throw new CliInputException("cannot read " + what + " from " + source + ": "
          + e.getClass().getSimpleName());
    }
  }

  /** Refuses two inputs that both want standard input: only one of them could get it. */
  void requireOneStdinUse(String first, String second) {
    if ("-".equals(first) && "-".equals(second)) {
      throw new ParameterException(spec.commandLine(),
          "only one input can come from standard input ('-')");
    }
  }
}

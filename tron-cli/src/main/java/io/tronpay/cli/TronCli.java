package io.tronpay.cli;

import io.tronpay.cli.internal.Json;
import io.tronpay.client.TronClientException;
import io.tronpay.client.TronNodeException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code tron} command: keys, addresses, transactions, TIP-191 messages, mnemonics, HD
 * wallets, keystores and QR codes offline, and queries and broadcasts against a node.
 *
 * <p>Every command prints a short line for people, or with {@code --json} one JSON document on
 * standard output for scripts; errors go to standard error. The exit code is 0 on success, 1 for
 * invalid input or a failed check, 2 for a usage error and 3 for a network or node error. Secrets
 * are read from a file or standard input, never from the command line, where other users and the
 * shell history could see them.
 */
@Command(
    name = "tron",
    mixinStandardHelpOptions = true,
    versionProvider = TronCli.Version.class,
    description = "Keys, addresses, transactions, messages, HD wallets and node queries for TRON.",
    subcommands = {
        KeyCommand.class,
        AddressCommand.class,
        TxCommand.class,
        MessageCommand.class,
        MnemonicCommand.class,
        HdCommand.class,
        KeystoreCommand.class,
        QrCommand.class,
        NodeCommand.class,
        WatchCommand.class,
        MonitorCommand.class,
        SendCommand.class,
        StakeCommand.class,
        PayoutCommand.class,
        SweepCommand.class,
        DevnodeCommand.class,
        CommandLine.HelpCommand.class
    },
    footer = {
        "",
        "Exit codes: 0 ok, 1 invalid input or failed check, 2 usage error, 3 network error."
    })
public final class TronCli {
  /** Success. */
  static final int EXIT_OK = 0;
  /** Invalid input or a check that failed. */
  static final int EXIT_INVALID = 1;
  /** The command line itself is wrong. */
  static final int EXIT_USAGE = 2;
  /** The network or the node failed; used by the network commands. */
  static final int EXIT_NETWORK = 3;

  private final InputStream stdin;
  private final boolean atTerminal;

  private TronCli(InputStream stdin, boolean atTerminal) {
    this.stdin = stdin;
    this.atTerminal = atTerminal;
  }

  InputStream stdin() {
    return stdin;
  }

  /**
   * Whether a person sits at a terminal: only then are progress bars drawn, passwords prompted
   * for, and hints that could give a secret away shown.
   */
  boolean atTerminal() {
    return atTerminal;
  }

  /**
   * Runs the command and exits the JVM with its exit code.
   *
   * @param args the command line, for example {@code address validate T...}
   */
  public static void main(String[] args) {
    // Standard output is opened directly rather than through System.out: PrintStream hides write
    // errors, and a long listing must notice a closed pipe ('| head') to stop.
    OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
    System.exit(run(System.in, stdout, System.err, System.console() != null, args));
  }

  /**
   * Runs the command in this JVM, with the given streams in place of the process's own. Text is
   * written as UTF-8 and both outputs are flushed before this returns.
   *
   * @param stdin what {@code -} reads
   * @param stdout where results go
   * @param stderr where errors and warnings go
   * @param args the command line, without the program name
   * @return the exit code
   */
  public static int run(InputStream stdin, OutputStream stdout, OutputStream stderr,
      String... args) {
    return run(stdin, stdout, stderr, false, args);
  }

  static int run(InputStream stdin, OutputStream stdout, OutputStream stderr, boolean atTerminal,
      String... args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
    try {
      return commandLine(stdin, out, err, atTerminal).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err,
      boolean atTerminal) {
    CommandLine commandLine = new CommandLine(new TronCli(stdin, atTerminal));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(TronCli::usageError);
    commandLine.setExecutionExceptionHandler(TronCli::failure);
    return commandLine;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine where = e.getCommandLine();
    PrintWriter err = where.getErr();
    if (Arrays.asList(args).contains("--json")) {
      err.println(Json.write(Map.of("error", e.getMessage())));
    } else {
      err.println("error: " + e.getMessage());
      err.println("Run '" + where.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    return EXIT_USAGE;
  }

  private static int failure(Exception e, CommandLine where, ParseResult parseResult) {
    boolean json = where.getCommand() instanceof LeafCommand leaf && leaf.json;
    int exitCode;
    String message;
    String nodeCode = null;
    if (e instanceof TronClientException) {
      // The node refused, answered nonsense, or could not be reached: not the user's input.
      exitCode = EXIT_NETWORK;
      message = e.getMessage();
      if (e instanceof TronNodeException refusal) {
        nodeCode = refusal.code();
      }
    } else if (e instanceof IllegalArgumentException) {
      // Typed input errors (bad address, key, signature, transaction); their messages name the
      // fault without echoing secrets.
      exitCode = EXIT_INVALID;
      message = e.getMessage();
    } else if (e instanceof IOException) {
      exitCode = EXIT_INVALID;
      message = "cannot read input: " + e.getClass().getSimpleName();
    } else {
      // A bug, not a user error. The message of an unexpected exception could carry anything,
      // so only its type is shown unless the user asks for the trace.
      exitCode = EXIT_INVALID;
      message = "internal error (" + e.getClass().getName() + "); set TRON_DEBUG=1 for details";
      if (System.getenv("TRON_DEBUG") != null) {
        e.printStackTrace(where.getErr());
      }
    }
    PrintWriter err = where.getErr();
    if (json) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("error", String.valueOf(message));
      if (nodeCode != null) {
        error.put("code", nodeCode);
      }
      err.println(Json.write(error));
    } else {
      err.println("error: " + message);
    }
    return exitCode;
  }

  /** Reads the version that the build wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = TronCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"tron " + properties.getProperty("version", "(unknown version)")};
    }
  }
}

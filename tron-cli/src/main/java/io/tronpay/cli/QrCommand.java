package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.wallet.QrCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tron qr TEXT (--png FILE | --svg FILE | --terminal)}. */
@Command(name = "qr", description = {
    "A QR code of TEXT (an address, a payment URI, ...) as a PNG file, an SVG file, or text for",
    "the terminal. TEXT is a command-line argument, so it must not be a secret."})
final class QrCommand extends LeafCommand {
  @Parameters(paramLabel = "TEXT", description = "The text to encode.")
  String text;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Exactly one output. */
  static final class Target {
    @Option(names = "--png", paramLabel = "FILE", description = "Write a PNG to this new file.")
    Path png;

    @Option(names = "--svg", paramLabel = "FILE", description = "Write an SVG to this new file.")
    Path svg;

    @Option(names = "--terminal",
        description = "Print the code with Unicode half blocks, for a dark terminal.")
    boolean terminal;
  }

  @Override
  int execute() throws IOException {
    QrCode code = QrCode.encode(text);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("size", code.size());
    if (target.terminal) {
      String drawing = code.toTerminal();
      if (json) {
        result.put("terminal", drawing);
        print(result, drawing);
      } else {
        out().print(drawing);
        out().flush();
      }
      return TronCli.EXIT_OK;
    }
    Path file = target.png != null ? target.png : target.svg;
    byte[] content = target.png != null
        ? code.toPng() : code.toSvg().getBytes(StandardCharsets.UTF_8);
    writeNew(file, content);
    result.put("file", file.toString());
    print(result, "QR code (" + code.size() + "x" + code.size() + " modules) written to " + file);
    return TronCli.EXIT_OK;
  }

  /** Like every file this command writes, an existing one is never replaced. */
  private static void writeNew(Path file, byte[] content) throws IOException {
    try {
      Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new CliInputException(file + " already exists; refusing to overwrite it");
    } catch (NoSuchFileException e) {
      throw new CliInputException("cannot create " + file + ": its directory does not exist");
    }
  }
}

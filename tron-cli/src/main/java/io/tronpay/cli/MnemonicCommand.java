package io.tronpay.cli;

import io.tronpay.cli.internal.SecretFiles;
import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.MnemonicException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tron mnemonic}: BIP39 phrases. */
@Command(
    name = "mnemonic",
    description = "BIP39 mnemonic phrases (English): make a new one, check one.",
    mixinStandardHelpOptions = true,
    subcommands = {MnemonicCommand.New.class, MnemonicCommand.Validate.class})
final class MnemonicCommand {

  /** Reads and parses a phrase; the text read is zeroed whatever happens. */
  static Mnemonic readMnemonic(LeafCommand command, String source) {
    char[] phrase = command.readSecretText(source, "mnemonic file");
    try {
      return Mnemonic.parse(CharBuffer.wrap(phrase));
    } finally {
      Arrays.fill(phrase, '\0');
    }
  }

  /** {@code tron mnemonic new [--words N] [--out FILE]}. */
  @Command(name = "new", description = {
      "Make a fresh mnemonic from the system's secure random source.",
      "Without --out the phrase is printed on standard output: that is what this command is for,",
      "so run it where nobody and no log can read along. With --out it goes to a new file that",
      "only you can read, and only the word count is printed."})
  static final class New extends LeafCommand {
    @Option(names = "--words", defaultValue = "12", paramLabel = "N",
        description = "12, 15, 18, 21 or 24 (default: ${DEFAULT-VALUE}, as tronweb and TronLink).")
    int words;

    @Option(names = "--out", paramLabel = "FILE",
        description = "Write the phrase to this new file (mode 0600) instead of printing it.")
    Path out;

    @Override
    int execute() {
      Mnemonic mnemonic = Mnemonic.generate(words);
      try {
        Map<String, Object> result = new LinkedHashMap<>();
        if (out != null) {
          writePhrase(mnemonic);
          result.put("words", mnemonic.wordCount());
          print(result, mnemonic.wordCount() + "-word mnemonic written to " + out);
        } else {
          String phrase = mnemonic.revealPhrase();
          result.put("mnemonic", phrase);
          result.put("words", mnemonic.wordCount());
          print(result, phrase);
        }
        return TronCli.EXIT_OK;
      } finally {
        mnemonic.destroy();
      }
    }

    private void writePhrase(Mnemonic mnemonic) {
      ByteBuffer encoded = StandardCharsets.UTF_8.encode(mnemonic.revealPhrase() + "\n");
      byte[] content = new byte[encoded.remaining()];
      encoded.get(content);
      try {
        SecretFiles.createOwnerOnly(out, content);
      } finally {
        Arrays.fill(content, (byte) 0);
        if (encoded.hasArray()) {
          Arrays.fill(encoded.array(), (byte) 0);
        }
      }
    }
  }

  /** {@code tron mnemonic validate [FILE|-]}. */
  @Command(name = "validate", description = {
      "Check a mnemonic: every word in the English list, the right word count, the checksum.",
      "Exits 0 if it is valid, 1 if not, naming the position of a wrong word or the checksum.",
      "At a terminal, without --json, the closest list word is suggested on standard error."})
  static final class Validate extends LeafCommand {
    @Parameters(arity = "0..1", defaultValue = "-", paramLabel = "FILE|-",
        description = "File holding the phrase (default: standard input).")
    String source;

    @Override
    int execute() {
      try {
        readMnemonic(this, source).destroy();
      } catch (MnemonicException e) {
        // An invalid phrase is this command's answer, not a failure to run: it goes to stdout.
        // The message names the position only; the word itself is nearly the secret one.
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("valid", false);
        result.put("error", e.getMessage());
        print(result, "invalid: " + e.getMessage());
        if (!json && atTerminal() && e instanceof MnemonicException.UnknownWord unknown) {
          err().println("did you mean '" + unknown.suggestion() + "' for word "
              + unknown.position() + "?");
        }
        return TronCli.EXIT_INVALID;
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("valid", true);
      print(result, "valid");
      return TronCli.EXIT_OK;
    }
  }
}

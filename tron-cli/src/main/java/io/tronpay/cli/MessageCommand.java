package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.core.Address;
import io.tronpay.core.MessageSigning;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.Signature;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tron message}: TIP-191 signed messages, as tronweb's signMessageV2 and TronLink. */
@Command(
    name = "message",
    description = "TIP-191 signed messages (tronweb signMessageV2, TronLink).",
    mixinStandardHelpOptions = true,
    subcommands = {MessageCommand.Sign.class, MessageCommand.Verify.class})
final class MessageCommand {

  /** The message: text on the command line, or the exact bytes of a file. */
  static final class MessageSource {
    @Parameters(paramLabel = "TEXT", description = "The message text, signed as UTF-8.")
    String text;

    @Option(names = "--message-file", paramLabel = "FILE|-",
        description = "Sign or check the exact bytes of FILE (or standard input) instead of TEXT.")
    String file;
  }

  private static byte[] messageBytes(LeafCommand command, MessageSource source) {
    if (source.file != null) {
      return command.readInput(source.file, "message");
    }
    // A JVM started under a non-UTF-8 locale turns characters it cannot decode into U+FFFD;
    // signing that would sign a different message than the user typed.
    if (source.text.indexOf('\uFFFD') >= 0) {
      throw new CliInputException("TEXT holds a character that could not be decoded from the "
          + "command line (is the locale UTF-8?); pass the message with --message-file instead");
    }
    return source.text.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code tron message sign --key-file FILE TEXT}. */
  @Command(name = "sign", description = "Sign a message with a private key.")
  static final class Sign extends LeafCommand {
    @Option(names = "--key-file", required = true, paramLabel = "FILE|-",
        description = "File holding the hex private key, or - for standard input.")
    String keyFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    MessageSource message;

    @Override
    int execute() {
      requireOneStdinUse(keyFile, message.file);
      byte[] bytes = messageBytes(this, message);
      PrivateKey key = readKey(keyFile);
      try {
        Signature signature = MessageSigning.sign(bytes, key);
        // 0x-prefixed, as tronweb and TronLink return it, so it pastes straight into them.
        String hex = "0x" + signature.toHex();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("signature", hex);
        result.put("address", key.address().toBase58());
        print(result, hex);
        return TronCli.EXIT_OK;
      } finally {
        key.destroy();
      }
    }
  }

  /** {@code tron message verify --signature HEX TEXT}. */
  @Command(name = "verify", description = {
      "Recover the address that signed a message.",
      "With --address, exits 1 unless that address signed it."})
  static final class Verify extends LeafCommand {
    @Option(names = "--signature", required = true, paramLabel = "HEX",
        description = "The 65-byte signature r||s||v in hex, with or without 0x.")
    String signatureHex;

    @Option(names = "--address", paramLabel = "ADDR",
        description = "The address that should have signed; the check fails otherwise.")
    String expected;

    @ArgGroup(exclusive = true, multiplicity = "1")
    MessageSource message;

    @Override
    int execute() {
      Address expectedAddress = expected == null ? null : Address.parse(expected);
      Signature signature = Signature.fromHex(signatureHex.strip());
      Address signer = MessageSigning.recover(messageBytes(this, message), signature);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("address", signer.toBase58());
      if (expectedAddress == null) {
        print(result, signer.toBase58());
        return TronCli.EXIT_OK;
      }
      boolean matches = signer.equals(expectedAddress);
      result.put("matches", matches);
      print(result, matches
          ? "ok: signed by " + signer.toBase58()
          : "mismatch: signed by " + signer.toBase58() + ", not " + expectedAddress.toBase58());
      return matches ? TronCli.EXIT_OK : TronCli.EXIT_INVALID;
    }
  }
}

package io.tronpay.cli;

import io.tronpay.cli.internal.SecretFiles;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tron key}: private keys. */
@Command(
    name = "key",
    description = "Private keys.",
    mixinStandardHelpOptions = true,
    subcommands = KeyCommand.New.class)
final class KeyCommand {

  /** {@code tron key new --out FILE}. */
  @Command(
      name = "new",
      description = {
          "Make a fresh private key and write it, as hex, to a new file that only you can read.",
          "Prints the key's address. An existing file is never overwritten."
      })
  static final class New extends LeafCommand {
    @Option(names = "--out", required = true, paramLabel = "FILE",
        description = "The key file to create (mode 0600).")
    Path out;

    @Override
    int execute() {
      PrivateKey key = PrivateKey.generate();
      try {
        SecretFiles.writePrivateKey(out, key);
        Address address = key.address();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("address", address.toBase58());
        result.put("hex", address.toHex());
        result.put("keyFile", out.toString());
        print(result, address.toBase58() + "  (private key written to " + out + ")");
        return TronCli.EXIT_OK;
      } finally {
        key.destroy();
      }
    }
  }
}

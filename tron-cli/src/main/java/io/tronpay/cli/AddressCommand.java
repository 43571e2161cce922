package io.tronpay.cli;

import io.tronpay.core.Address;
import io.tronpay.core.AddressFormatException;
import io.tronpay.core.PrivateKey;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tron address}: addresses from keys, validation and conversion between forms. */
@Command(
    name = "address",
    description = "Addresses: from a key, validate, convert between forms.",
    mixinStandardHelpOptions = true,
    subcommands = {
        AddressCommand.FromKey.class,
        AddressCommand.Validate.class,
        AddressCommand.Convert.class
    })
final class AddressCommand {

  /** {@code tron address from-key --key-file FILE|-}. */
  @Command(name = "from-key", description = "The address and public key of a private key.")
  static final class FromKey extends LeafCommand {
    @Option(names = "--key-file", required = true, paramLabel = "FILE|-",
        description = "File holding the hex private key, or - for standard input.")
    String keyFile;

    @Override
    int execute() {
      PrivateKey key = readKey(keyFile);
      try {
        Address address = key.address();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("address", address.toBase58());
        result.put("hex", address.toHex());
        result.put("publicKey", HexFormat.of().formatHex(key.publicKey().toUncompressed()));
        print(result, address.toBase58());
        return TronCli.EXIT_OK;
      } finally {
        key.destroy();
      }
    }
  }

  /** {@code tron address validate ADDR}. */
  @Command(name = "validate", description = {
      "Check an address (T..., 41... hex or 0x... EVM form).",
      "Exits 0 if it is valid, 1 if not, naming the fault."})
  static final class Validate extends LeafCommand {
    @Parameters(paramLabel = "ADDR", description = "The address to check.")
    String text;

    @Override
    int execute() {
      Address address;
      try {
        address = Address.parse(text);
      } catch (AddressFormatException e) {
        // An invalid address is this command's answer, not a failure to run: it goes to stdout.
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("valid", false);
        result.put("error", e.getMessage());
        print(result, "invalid: " + e.getMessage());
        return TronCli.EXIT_INVALID;
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("valid", true);
      result.put("address", address.toBase58());
      result.put("hex", address.toHex());
      print(result, "valid: " + address.toBase58());
      return TronCli.EXIT_OK;
    }
  }

  /** {@code tron address convert ADDR}. */
  @Command(name = "convert", description = "Show an address in all three forms.")
  static final class Convert extends LeafCommand {
    @Parameters(paramLabel = "ADDR", description = "T..., 41... hex or 0x... EVM form.")
    String text;

    @Override
    int execute() {
      Address address = Address.parse(text);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("address", address.toBase58());
      result.put("hex", address.toHex());
      result.put("evm", address.toEvmHex());
      print(result, address.toBase58() + "  " + address.toHex() + "  " + address.toEvmHex());
      return TronCli.EXIT_OK;
    }
  }
}

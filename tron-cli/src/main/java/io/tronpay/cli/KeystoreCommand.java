package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.SecretFiles;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.wallet.Keystore;
import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tron keystore}: Web3 Secret Storage v3 files, as TronLink, wallet-cli and ethers use. */
@Command(
    name = "keystore",
    description = "Keystore files (Web3 Secret Storage v3): export a key, import one.",
    mixinStandardHelpOptions = true,
    subcommands = {KeystoreCommand.Export.class, KeystoreCommand.Import.class})
final class KeystoreCommand {

  /** The password options shared by both directions. */
  abstract static class WithPassword extends LeafCommand {
    @Option(names = "--password-file", paramLabel = "FILE|-",
        description = "File holding the password. Default: prompt at a terminal, else read "
            + "standard input. One final line ending is dropped.")
    String passwordFile;

    /**
     * Reads the password from its file, the terminal, or standard input, never the command line.
     *
     * @param otherInput the command's other input, which may also claim standard input
     * @param confirm whether a prompted password must be typed twice
     */
    char[] readPassword(String otherInput, boolean confirm) {
      if (passwordFile != null) {
        requireOneStdinUse(otherInput, passwordFile);
        return readSecretText(passwordFile, "password file");
      }
      Console console = System.console();
      if (atTerminal() && console != null && !"-".equals(otherInput)) {
        return prompt(console, confirm);
      }
      if ("-".equals(otherInput)) {
        throw new ParameterException(spec.commandLine(), "standard input is taken by the "
            + "other input; give the password with --password-file");
      }
      return readSecretText("-", "password");
    }

    private char[] prompt(Console console, boolean confirm) {
      char[] password = console.readPassword("Password: ");
      if (password == null) {
        throw new CliInputException("no password was typed");
      }
      if (confirm) {
        char[] again = console.readPassword("Repeat password: ");
        boolean same = again != null && Arrays.equals(password, again);
        if (again != null) {
          Arrays.fill(again, '\0');
        }
        if (!same) {
          Arrays.fill(password, '\0');
          throw new CliInputException("the two passwords differ");
        }
      }
      return password;
    }
  }

  /** {@code tron keystore export --key-file FILE --out FILE}. */
  @Command(name = "export", description = {
      "Encrypt a hex private key into a new keystore file (mode 0600; never overwritten).",
      "scrypt with geth's standard cost (N=2^18, 256 MiB) unless --light-kdf is given."})
  static final class Export extends WithPassword {
    @Option(names = "--key-file", required = true, paramLabel = "FILE|-",
        description = "File holding the hex private key, or - for standard input.")
    String keyFile;

    @Option(names = "--out", required = true, paramLabel = "FILE",
        description = "The keystore file to create.")
    Path out;

    @Option(names = "--light-kdf", description = "geth's light scrypt cost (N=4096, p=6): fast "
        + "and weak, for small devices only.")
    boolean lightKdf;

    @Override
    int execute() {
      PrivateKey key = readKey(keyFile);
      char[] password = readPassword(keyFile, true);
      try {
        if (password.length == 0) {
          throw new CliInputException("the password is empty; a keystore needs one");
        }
        Keystore.ScryptParams cost =
            lightKdf ? Keystore.ScryptParams.LIGHT : Keystore.ScryptParams.STANDARD;
        String keystore = Keystore.export(key, password, cost, new SecureRandom());
        SecretFiles.createOwnerOnly(out, (keystore + "\n").getBytes(StandardCharsets.UTF_8));
        Address address = key.address();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("address", address.toBase58());
        result.put("keystoreFile", out.toString());
        print(result, address.toBase58() + "  (keystore written to " + out + ")");
        return TronCli.EXIT_OK;
      } finally {
        Arrays.fill(password, '\0');
        key.destroy();
      }
    }
  }

  /** {@code tron keystore import FILE --out KEYFILE}. */
  @Command(name = "import", description = {
      "Decrypt a keystore file (scrypt or pbkdf2) into a new hex key file (mode 0600; never",
      "overwritten). A wrong password is reported, never turned into a wrong key."})
  static final class Import extends WithPassword {
    @Parameters(paramLabel = "FILE|-", description = "The keystore file, or - for standard input.")
    String source;

    @Option(names = "--out", required = true, paramLabel = "KEYFILE",
        description = "The hex key file to create.")
    Path out;

    @Override
    int execute() {
      String keystore = new String(readInput(source, "keystore"), StandardCharsets.UTF_8);
      char[] password = readPassword(source, false);
      PrivateKey key;
      try {
        key = Keystore.importKey(keystore, password);
      } finally {
        Arrays.fill(password, '\0');
      }
      try {
        SecretFiles.writePrivateKey(out, key);
        Address address = key.address();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("address", address.toBase58());
        result.put("keyFile", out.toString());
        print(result, address.toBase58() + "  (private key written to " + out + ")");
        return TronCli.EXIT_OK;
      } finally {
        key.destroy();
      }
    }
  }
}

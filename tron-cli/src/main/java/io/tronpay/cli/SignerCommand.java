package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.client.TronClient;
import io.tronpay.core.PrivateKey;
import io.tronpay.wallet.HdKey;
import io.tronpay.wallet.HdPath;
import io.tronpay.wallet.HdPathException;
import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.Seed;
import io.tronpay.wallet.TronAccount;
import java.nio.CharBuffer;
import java.util.Arrays;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * A command that signs with one key and talks to a node: the node options of {@code tron node}
 * and the signer, read from a key file or derived from a mnemonic at a path. Secrets are read
 * only when {@link #openSigner()} is called, and never leave this class except as the key.
 */
abstract class SignerCommand extends LeafCommand {
  @Option(names = "--node", paramLabel = "URL", defaultValue = "${env:TRON_NODE}",
      description = "The full node's HTTP API (default: the TRON_NODE environment variable).")
  String node;

  @Option(names = "--api-key-file", paramLabel = "FILE",
      description = "File holding a TronGrid API key, sent as TRON-PRO-API-KEY.")
  String apiKeyFile;

  @Option(names = "--key-file", paramLabel = "FILE|-",
      description = "File holding the signer's hex private key, or - for standard input.")
  String keyFile;

  @Option(names = "--mnemonic-file", paramLabel = "FILE|-",
      description = "File holding the signer's mnemonic, or - for standard input (with --path).")
  String mnemonicFile;

  @Option(names = "--passphrase-file", paramLabel = "FILE|-",
      description = "File holding the mnemonic's BIP39 passphrase; default: none.")
  String passphraseFile;

  @Option(names = "--path", paramLabel = "PATH",
      description = "The key's derivation path under --mnemonic-file (default: "
          + TronAccount.DEFAULT_PATH + ").")
  String path;

  /**
   * Checks that exactly one signer is given and that its options fit together.
   *
   * @throws ParameterException naming the options
   */
  void checkSignerOptions() {
    if (keyFile == null && mnemonicFile == null) {
      throw usage("give the signer with --key-file or --mnemonic-file");
    }
    if (keyFile != null && mnemonicFile != null) {
      throw usage("--key-file and --mnemonic-file cannot be used together");
    }
    if (keyFile != null && (path != null || passphraseFile != null)) {
      throw usage((path != null ? "--path" : "--passphrase-file")
          + " goes with --mnemonic-file, not --key-file");
    }
    requireOneStdinUse(keyFile != null ? keyFile : mnemonicFile, passphraseFile);
  }

  /** Refuses a missing node, naming the option and the environment variable. */
  void checkNode() {
    if (node == null || node.isBlank()) {
      throw usage("no node to ask: give --node URL or set TRON_NODE");
    }
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** The signing key from --key-file, or derived from --mnemonic-file at --path. */
  PrivateKey openSigner() {
    if (keyFile != null) {
      return readKey(keyFile);
    }
    HdPath hdPath = hdPath();
    Seed seed = readSeed();
    try {
      return keyAt(seed, hdPath);
    } finally {
      seed.destroy();
    }
  }

  /** --path parsed (default: tronweb's first address); checked before any secret is read. */
  HdPath hdPath() {
    HdPath hdPath;
    try {
      hdPath = HdPath.parse(path == null ? TronAccount.DEFAULT_PATH : path);
    } catch (HdPathException e) {
      throw new CliInputException("--path: " + e.getMessage());
    }
    if (!hdPath.isAbsolute()) {
      throw new CliInputException("--path must start with m/, such as "
          + TronAccount.DEFAULT_PATH + ", got '" + path + "'");
    }
    return hdPath;
  }

  /** The BIP39 seed of --mnemonic-file and --passphrase-file; the caller destroys it. */
  Seed readSeed() {
    Mnemonic mnemonic = MnemonicCommand.readMnemonic(this, mnemonicFile);
    char[] passphrase = passphraseFile == null
        ? new char[0] : readSecretText(passphraseFile, "passphrase file");
    try {
      return mnemonic.toSeed(CharBuffer.wrap(passphrase));
    } finally {
      Arrays.fill(passphrase, '\0');
      mnemonic.destroy();
    }
  }

  /** The private key at {@code path} below the master key of {@code seed}. */
  static PrivateKey keyAt(Seed seed, HdPath path) {
    HdKey master = HdKey.master(seed);
    HdKey derived = null;
    try {
      derived = master.derive(path);
      return derived.privateKey();
    } finally {
      if (derived != null && derived != master) {
        derived.destroy();
      }
      master.destroy();
    }
  }

  TronClient openClient() {
    TronClient.Builder builder = TronClient.builder().fullNode(node.strip());
    if (apiKeyFile != null) {
      char[] apiKey = readSecretText(apiKeyFile, "API key file");
      try {
        String value = new String(apiKey).strip();
        if (value.isEmpty()) {
          throw new CliInputException("API key file " + apiKeyFile + " is empty");
        }
        builder.apiKey(value);
      } finally {
        Arrays.fill(apiKey, '\0');
      }
    }
    return builder.build();
  }
}

package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.Json;
import io.tronpay.cli.internal.ProgressBar;
import io.tronpay.core.PrivateKey;
import io.tronpay.wallet.DerivedAddress;
import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.TronAccount;
import io.tronpay.wallet.WatchOnlyAccount;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tron hd}: BIP32/BIP44 keys and addresses on TRON's path {@code m/44'/195'/a'}. */
@Command(
    name = "hd",
    description = "HD wallets (BIP32/BIP44, m/44'/195'/account'/change/index, as tronweb).",
    mixinStandardHelpOptions = true,
    subcommands = {HdCommand.Derive.class, HdCommand.Xpub.class, HdCommand.Addresses.class})
final class HdCommand {
  /** The largest hardened-free BIP32 index, 2^31 - 1. */
  private static final long MAX_INDEX = Integer.MAX_VALUE;
  /** {@code hd derive} answers with one JSON array; longer ranges belong to {@code hd addresses}. */
  private static final int MAX_DERIVE_COUNT = 10_000;
  /** Ranges at least this long get a progress bar at a terminal. */
  private static final long PROGRESS_THRESHOLD = 10_000;
  /** How often a long listing checks that its reader is still there. */
  private static final int CHECK_EVERY = 1024;

  static void checkRange(long from, long count, long maxCount) {
    if (from < 0 || from > MAX_INDEX) {
      throw new CliInputException("--from must be 0 to " + MAX_INDEX + ", got " + from);
    }
    if (count < 1 || count > maxCount) {
      throw new CliInputException("--count must be 1 to " + maxCount + ", got " + count);
    }
    if (from + count - 1 > MAX_INDEX) {
      throw new CliInputException("--from " + from + " --count " + count
          + " goes past the last index " + MAX_INDEX);
    }
  }

  static void checkChildNumber(String option, int value) {
    if (value < 0) {
      throw new CliInputException(option + " must be 0 to " + MAX_INDEX + ", got " + value);
    }
  }

  static String accountPath(int account) {
    return "m/44'/195'/" + account + "'";
  }

  /** The options that open an account from a mnemonic. */
  abstract static class FromMnemonic extends LeafCommand {
    @Option(names = "--mnemonic-file", required = true, paramLabel = "FILE|-",
        description = "File holding the mnemonic, or - for standard input.")
    String mnemonicFile;

    @Option(names = "--passphrase-file", paramLabel = "FILE|-",
        description = "File holding the BIP39 passphrase (\"25th word\"); default: none.")
    String passphraseFile;

    @Option(names = "--account", defaultValue = "0", paramLabel = "A",
        description = "The account a of m/44'/195'/a' (default: ${DEFAULT-VALUE}).")
    int account;

    /** Opens the account; the phrase and passphrase are zeroed before this returns. */
    TronAccount openAccount() {
      requireOneStdinUse(mnemonicFile, passphraseFile);
      checkChildNumber("--account", account);
      Mnemonic mnemonic = MnemonicCommand.readMnemonic(this, mnemonicFile);
      char[] passphrase = passphraseFile == null
          ? new char[0] : readSecretText(passphraseFile, "passphrase file");
      try {
        return TronAccount.fromMnemonic(mnemonic, CharBuffer.wrap(passphrase), account);
      } finally {
        Arrays.fill(passphrase, '\0');
        mnemonic.destroy();
      }
    }
  }

  /** {@code tron hd derive}. */
  @Command(name = "derive", description = {
      "Addresses and public keys of an account's keys m/44'/195'/A'/C/I, as a JSON array.",
      "Private keys are shown only with --show-private."})
  static final class Derive extends FromMnemonic {
    @Option(names = "--change", defaultValue = "0", paramLabel = "C",
        description = "0 for receiving, 1 for change addresses (default: ${DEFAULT-VALUE}).")
    int change;

    @Option(names = "--from", defaultValue = "0", paramLabel = "I",
        description = "The first index (default: ${DEFAULT-VALUE}).")
    long from;

    @Option(names = "--count", defaultValue = "1", paramLabel = "N",
        description = "How many keys, at most " + MAX_DERIVE_COUNT + " (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--show-private", description = "Also print each private key, in hex.")
    boolean showPrivate;

    @Override
    int execute() {
      checkChildNumber("--change", change);
      checkRange(from, count, MAX_DERIVE_COUNT);
      TronAccount tronAccount = openAccount();
      try {
        List<Object> keys = new ArrayList<>();
        StringBuilder human = new StringBuilder();
        for (long i = from; i < from + count; i++) {
          int index = (int) i;
          Map<String, Object> key = new LinkedHashMap<>();
          String path = tronAccount.path(change, index);
          String address = tronAccount.address(change, index).toBase58();
          key.put("path", path);
          key.put("address", address);
          key.put("publicKey",
              HexFormat.of().formatHex(tronAccount.publicKey(change, index).toUncompressed()));
          human.append(path).append("  ").append(address);
          if (showPrivate) {
            String privateHex = privateKeyHex(tronAccount, index);
            key.put("privateKey", privateHex);
            human.append("  ").append(privateHex);
          }
          keys.add(key);
          if (i < from + count - 1) {
            human.append(System.lineSeparator());
          }
        }
        out().println(json ? Json.write(keys) : human);
        return TronCli.EXIT_OK;
      } finally {
        tronAccount.destroy();
      }
    }

    private String privateKeyHex(TronAccount tronAccount, int index) {
      PrivateKey key = tronAccount.privateKey(change, index);
      byte[] secret = key.revealSecretBytes();
      try {
        return HexFormat.of().formatHex(secret);
      } finally {
        Arrays.fill(secret, (byte) 0);
        key.destroy();
      }
    }
  }

  /** {@code tron hd xpub}. */
  @Command(name = "xpub", description = {
      "The account xpub of m/44'/195'/A': give it to a server that makes deposit addresses",
      "without holding any private key ('tron hd addresses')."})
  static final class Xpub extends FromMnemonic {
    @Override
    int execute() {
      TronAccount tronAccount = openAccount();
      try {
        String xpub = tronAccount.xpub();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("path", accountPath(account));
        result.put("xpub", xpub);
        print(result, xpub);
        return TronCli.EXIT_OK;
      } finally {
        tronAccount.destroy();
      }
    }
  }

  /** {@code tron hd addresses --xpub XPUB}. */
  @Command(name = "addresses", description = {
      "Watch-only addresses from an account xpub, one per line as they are derived, so any",
      "number streams. With --json each line is {\"index\",\"path\",\"address\"}.",
      "At a terminal, long runs show a progress bar on standard error."})
  static final class Addresses extends LeafCommand {
    @Option(names = "--xpub", required = true, paramLabel = "XPUB",
        description = "The account xpub (m/44'/195'/a'), from 'tron hd xpub'.")
    String xpub;

    @Option(names = "--change", defaultValue = "0", paramLabel = "C",
        description = "0 for receiving, 1 for change addresses (default: ${DEFAULT-VALUE}).")
    int change;

    @Option(names = "--from", defaultValue = "0", paramLabel = "I",
        description = "The first index (default: ${DEFAULT-VALUE}).")
    long from;

    @Option(names = "--count", defaultValue = "20", paramLabel = "N",
        description = "How many addresses (default: ${DEFAULT-VALUE}).")
    long count;

    @Override
    int execute() {
      checkChildNumber("--change", change);
      checkRange(from, count, MAX_INDEX + 1);
      WatchOnlyAccount account = WatchOnlyAccount.fromXpub(xpub.strip());
      Iterator<DerivedAddress> addresses = account.iterator(change, (int) from, count);
      ProgressBar progress = atTerminal() && count >= PROGRESS_THRESHOLD
          ? new ProgressBar(err(), count) : null;
      long written = 0;
      Map<String, Object> line = new LinkedHashMap<>();
      while (addresses.hasNext()) {
        DerivedAddress derived = addresses.next();
        String address = derived.address().toBase58();
        if (json) {
          line.put("index", derived.index());
          line.put("path", derived.path());
          line.put("address", address);
          out().print(Json.write(line));
        } else {
          out().print(derived.path() + "  " + address);
        }
        // print, not println: println flushes every line, which would dominate a long run.
        out().print('\n');
        written++;
        if (written % CHECK_EVERY == 0) {
          if (out().checkError()) {
            err().println("standard output closed after " + written + " addresses");
            return TronCli.EXIT_INVALID;
          }
          if (progress != null) {
            progress.update(written);
          }
        }
      }
      out().flush();
      if (progress != null) {
        progress.update(written);
        progress.finish();
      }
      return TronCli.EXIT_OK;
    }
  }
}

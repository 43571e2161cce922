package io.tronpay.examples;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.TronAccount;
import io.tronpay.wallet.WatchOnlyAccount;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Creates a treasury wallet: a BIP39 mnemonic, the account {@code xpub} that a watch-only server
 * may hold, and the first receiving addresses.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.GenerateWallet
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.GenerateWallet \
 *     -Dexec.args="--mnemonic-file words.txt --count 3"
 * </pre>
 *
 * <p>Options: {@code --words 12|15|18|21|24} (default 12), {@code --count N} addresses (default
 * 5), {@code --mnemonic-file F} to restore an existing mnemonic instead of making one. It exits
 * with a non-zero status if any of its own checks fails.
 */
public final class GenerateWallet {
  private GenerateWallet() {}

  /**
   * Runs the recipe and exits with status 1 if a check fails.
   *
   * @param args the options above
   */
  public static void main(String[] args) {
    int status = run(System.out, args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The whole recipe, narrated on {@code out}; returns 0 when every check passes. */
  static int run(PrintStream out, String... args) {
    Args options = Args.parse(args, Set.of("--words", "--count", "--mnemonic-file"));
    int count = options.getInt("--count", 5);
    out.println("== Generate a wallet ==");
    out.println();

    Mnemonic mnemonic;
    String mnemonicFile = options.get("--mnemonic-file");
    if (mnemonicFile == null) {
      out.println("1. Make a new " + options.getInt("--words", 12) + "-word BIP39 mnemonic from the"
          + " system's secure random source.");
      mnemonic = Mnemonic.generate(options.getInt("--words", 12));
      // The phrase is the whole wallet. A real application shows it once to a person who writes
      // it down offline; it never goes to a log, a database or a terminal that records history.
      out.println();
      out.println("   !!! DEV ONLY: the mnemonic is printed so that you can play with it. Anyone who");
      out.println("   !!! sees these words owns every address below. Never print a real one.");
      out.println("   " + mnemonic.revealPhrase());
      out.println();
    } else {
      out.println("1. Read the mnemonic from " + Path.of(mnemonicFile).getFileName()
          + " (it is not printed).");
      mnemonic = Mnemonic.parse(readFile(mnemonicFile));
    }

    try {
      out.println("2. Derive the BIP44 account m/44'/195'/0' (195 is TRON's coin type). No");
      out.println("   passphrase here; a BIP39 passphrase would give a different wallet.");
      TronAccount account = TronAccount.fromMnemonic(mnemonic, "", 0);
      try {
        String xpub = account.xpub();
        out.println("   account xpub: " + xpub);
        out.println("   The xpub derives every receiving address but no private key: hand it to the");
        out.println("   server that creates deposit addresses, keep the mnemonic offline.");
        out.println();

        out.println("3. The first " + count + " receiving addresses (m/44'/195'/0'/0/i):");
        for (int i = 0; i < count; i++) {
          out.println("   " + account.path(0, i) + "  " + account.address(0, i));
        }
        out.println();

        out.println("4. Check our own work:");
        Checks checks = new Checks(out);
        WatchOnlyAccount watchOnly = WatchOnlyAccount.fromXpub(xpub);
        List<Address> fromXpub = watchOnly.addresses(0, count);
        boolean same = true;
        for (int i = 0; i < count; i++) {
          same &= fromXpub.get(i).equals(account.address(0, i));
        }
        checks.check("the xpub alone derives the same " + count + " addresses", same);
        PrivateKey first = account.privateKey(0, 0);
        try {
          checks.check("the private key of 0/0 belongs to the first address",
              first.address().equals(account.address(0, 0)));
        } finally {
          first.destroy();
        }
        checks.check("the mnemonic reads back as a valid " + mnemonic.wordCount() + "-word phrase",
            Mnemonic.isValid(mnemonic.revealPhrase()));
        return checks.finish("All checks passed.");
      } finally {
        account.destroy();
      }
    } finally {
      mnemonic.destroy();
    }
  }

  private static String readFile(String name) {
    try {
      return Files.readString(Path.of(name), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new Args.UsageException("cannot read " + name + ": " + e.getMessage());
    }
  }
}

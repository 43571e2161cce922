package io.tronpay.examples;

import io.tronpay.client.Tokens;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.Trx;
import io.tronpay.testkit.DevNode;
import io.tronpay.wallet.DerivedAddress;
import io.tronpay.wallet.GapLimit;
import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.TronAccount;
import io.tronpay.wallet.WatchOnlyAccount;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Derives deposit addresses on a server that holds only an account {@code xpub}, then recovers
 * which index to hand out next after a restart, by asking the chain which addresses were used
 * (the BIP44 gap-limit scan).
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.DeriveDepositAddresses \
 *     -Dexec.args="--xpub xpub6C... --count 5"
 * </pre>
 *
 * <p>Options: {@code --xpub X} (default: a throwaway account made for the run), {@code --count
 * N} (default 5), {@code --gap-limit N} (default 20), {@code --node URL} to scan a real node
 * instead of an embedded DevNode on which a few earlier deposits are simulated. It exits with a
 * non-zero status if any of its own checks fails.
 */
public final class DeriveDepositAddresses {
  /** The indexes that received a payment before the "restart", on the embedded DevNode. */
  static final List<Integer> EARLIER_DEPOSITS = List.of(0, 1, 4);

  private DeriveDepositAddresses() {}

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
    Args options = Args.parse(args, Set.of("--xpub", "--count", "--gap-limit", "--node"));
    int count = options.getInt("--count", 5);
    int gapLimit = options.getInt("--gap-limit", GapLimit.BIP44_GAP_LIMIT);
    out.println("== Deposit addresses from an xpub ==");
    out.println();

    String xpub = options.get("--xpub");
    if (xpub == null) {
      xpub = throwawayXpub();
      out.println("0. No --xpub given: made a throwaway account for this run.");
    }
    out.println("1. Load the account xpub. It holds no private key: a server with only this");
    out.println("   string can make addresses but can never spend from them.");
    WatchOnlyAccount account = WatchOnlyAccount.fromXpub(xpub);
    out.println("   " + xpub);
    out.println();

    out.println("2. The first " + count + " deposit addresses. Give each order its own index and");
    out.println("   store the index with the order; the address is then derived again at will.");
    List<DerivedAddress> derived = account.stream(0, 0, count).collect(Collectors.toList());
    for (DerivedAddress d : derived) {
      out.println("   index " + d.index() + "  " + d.address() + "  (" + d.path() + ")");
    }
    out.println();

    String nodeUrl = options.get("--node");
    DevNode devNode = null;
    if (nodeUrl == null) {
      devNode = DevNode.builder().seed("derive-deposit-addresses").build();
      nodeUrl = devNode.start();
    }
    try (TronClient client = TronClient.builder().fullNode(nodeUrl).build()) {
      if (devNode != null) {
        out.println("3. Simulate earlier customers on an embedded DevNode: indexes "
            + EARLIER_DEPOSITS + " were paid.");
        simulateEarlierDeposits(devNode, account);
      } else {
        out.println("3. Scan the node at " + nodeUrl + ".");
      }
      out.println();

      out.println("4. After a restart (or on a new server) find the next free index: walk the");
      out.println("   addresses in order until " + gapLimit + " unused ones in a row (the gap limit).");
      Predicate<Address> used = address -> wasUsed(client, address);
      GapLimit.Result result = GapLimit.scan(account, used, gapLimit);
      out.println("   addresses checked: " + result.scanned());
      out.println("   highest used index: "
          + (result.lastUsed().isPresent() ? String.valueOf(result.lastUsed().getAsInt()) : "none"));
      out.println("   next index to hand out: " + result.nextIndex());
      out.println("   lowest unused index: " + result.firstUnused());
      out.println();

      out.println("5. Check our own work:");
      Checks checks = new Checks(out);
      boolean indexesMatch = true;
      for (DerivedAddress d : derived) {
        indexesMatch &= d.address().equals(account.address(d.index()));
      }
      checks.check("stream() and address(i) derive the same addresses", indexesMatch);
      checks.check("the scan stopped after a full gap of unused addresses",
          result.scanned() == result.nextIndex() + gapLimit);
      if (devNode != null) {
        int expectedNext = EARLIER_DEPOSITS.get(EARLIER_DEPOSITS.size() - 1) + 1;
        checks.check("the next index is past the last simulated deposit (" + expectedNext + ")",
            result.nextIndex() == expectedNext);
        checks.check("the hole at index 2 is reported as the lowest unused index",
            result.firstUnused() == 2);
      }
      return checks.finish("All checks passed.");
    } finally {
      if (devNode != null) {
        devNode.close();
      }
    }
  }

  /**
   * Whether an address ever received something. A TRC20 transfer does not activate an account
   * on TRON, so an address that got only USDT has no account: its token balance is asked too.
   * An address that was swept has a zero balance but an account, as sweeping needs TRX or energy.
   */
  static boolean wasUsed(TronClient client, Address address) {
    return client.getAccount(address).isPresent()
        || client.balanceOf(Tokens.USDT_MAINNET, address).signum() > 0;
  }

  private static void simulateEarlierDeposits(DevNode node, WatchOnlyAccount account) {
    for (int index : EARLIER_DEPOSITS) {
      Address address = account.address(index);
      if (index == 0) {
        node.fund(address, Trx.toSun(1));
      } else {
        node.mintToken(node.usdt(), address, BigInteger.valueOf(25_000_000));
      }
    }
    node.mineBlock();
  }

  private static String throwawayXpub() {
    Mnemonic mnemonic = Mnemonic.generate(12);
    try {
      TronAccount account = TronAccount.fromMnemonic(mnemonic, "", 0);
      try {
        return account.xpub();
      } finally {
        account.destroy();
      }
    } finally {
      mnemonic.destroy();
    }
  }
}

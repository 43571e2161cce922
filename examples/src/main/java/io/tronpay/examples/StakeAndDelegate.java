package io.tronpay.examples;

import io.tronpay.client.Account;
import io.tronpay.client.BroadcastResult;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.Trx;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.payouts.ReferenceBlock;
import io.tronpay.payouts.Staking;
import io.tronpay.payouts.TransactionBuilder;
import io.tronpay.payouts.TrxTransfer;
import io.tronpay.testkit.DevNode;
import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.TronAccount;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Stakes TRX for energy (Stake 2.0), lends that energy to a deposit address, shows the address's
 * energy, and takes it back. This is how a shop lets deposit addresses move USDT without holding
 * TRX to burn: the sweep of each deposit spends the treasury's delegated energy instead.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.StakeAndDelegate
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.StakeAndDelegate \
 *     -Dexec.args="--node http://127.0.0.1:8090 --owner-key-file owner.hex \
 *     --receiver TVMydtyfWxufY3SyHfJRU8FPvs24XYnaYm --stake 100"
 * </pre>
 *
 * <p>Without {@code --node} it runs on an embedded DevNode, stakes from one of its funded dev
 * accounts and delegates to a fresh deposit address. With {@code --node URL} it stakes from the
 * hex key in {@code --owner-key-file} (never from argv) and delegates to {@code --receiver}.
 * {@code --stake} TRX (default 6000) and {@code --timeout} seconds per step (default 60) are
 * optional. The stake stays frozen afterwards: unstaking takes the network's waiting period (14
 * days on mainnet). It exits with a non-zero status if any of its own checks fails.
 */
public final class StakeAndDelegate {
  /**
   * About 6,000 TRX of stake yields the energy of one USDT transfer to an existing holder (about
   * 65,000 energy at mainnet's current ratio of roughly 11 energy per staked TRX).
   */
  static final String DEFAULT_STAKE_TRX = "6000";
  /** Sent to a receiver that does not exist yet: TRON delegates only to existing accounts. */
  static final long ACTIVATION_SUN = Trx.toSun(1);
  static final Duration DEVNODE_BLOCK_TIME = Duration.ofMillis(200);

  private StakeAndDelegate() {}

  /**
   * Runs the recipe and exits with status 1 if a check fails.
   *
   * @param args the options above
   * @throws InterruptedException if interrupted while waiting for a block
   */
  public static void main(String[] args) throws InterruptedException {
    int status = run(System.out, args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The whole recipe, narrated on {@code out}; returns 0 when every check passes. */
  static int run(PrintStream out, String... args) throws InterruptedException {
    Args options = Args.parse(args,
        Set.of("--node", "--owner-key-file", "--receiver", "--stake", "--timeout"));
    long stakeSun = Trx.parseSun(options.get("--stake", DEFAULT_STAKE_TRX));
    Duration timeout = Duration.ofSeconds(options.getInt("--timeout", 60));
    out.println("== Stake and delegate energy ==");
    out.println();

    String nodeUrl = options.get("--node");
    DevNode devNode = null;
    PrivateKey owner;
    Address receiver;
    if (nodeUrl == null) {
      out.println("0. No --node given: start an embedded DevNode with funded dev accounts, and");
      out.println("   make a fresh deposit address (index 0 of a new HD account) to lend to.");
      devNode = DevNode.builder().seed("stake-and-delegate").genesisTime(Instant.now()).build();
      nodeUrl = devNode.start();
      owner = devNode.accounts().get(0).privateKey();
      receiver = freshDepositAddress();
      devNode.startMining(DEVNODE_BLOCK_TIME);
      out.println();
    } else {
      owner = PrivateKey.fromHex(readFile(required(options, "--owner-key-file")));
      receiver = Address.fromBase58(required(options, "--receiver"));
    }

    try (TronClient client = TronClient.builder().fullNode(nodeUrl).build()) {
      Address ownerAddress = owner.address();
      Checks checks = new Checks(out);
      out.println("   owner (the treasury): " + ownerAddress);
      out.println("   receiver (a deposit address): " + receiver);
      long ownerStakeBefore = energyStake(client, ownerAddress);
      long ownerEnergyBefore = client.getAccountResource(ownerAddress).energyLimit();
      out.println("   owner's energy before: " + ownerEnergyBefore);
      out.println();

      out.println("1. Freeze " + Trx.format(stakeSun) + " TRX for ENERGY (FreezeBalanceV2).");
      out.println("   The TRX stays the owner's; the network grants energy in proportion to it,");
      out.println("   and that energy refills over 24 hours after it is spent.");
      boolean frozen = send(out, client, owner,
          Staking.freezeV2(ownerAddress, stakeSun, ResourceCode.ENERGY), timeout);
      long ownerEnergyStaked = client.getAccountResource(ownerAddress).energyLimit();
      out.println("   owner's energy now: " + ownerEnergyStaked);
      checks.check("the freeze landed with result SUCCESS", frozen);
      checks.check("the owner's ENERGY stake grew by " + Trx.format(stakeSun) + " TRX",
          energyStake(client, ownerAddress) - ownerStakeBefore == stakeSun);
      checks.check("the owner has more energy than before", ownerEnergyStaked > ownerEnergyBefore);
      out.println();

      if (client.getAccount(receiver).isEmpty()) {
        out.println("2. The receiver has never received anything, so it does not exist on chain");
        out.println("   yet. Send it " + Trx.format(ACTIVATION_SUN) + " TRX to create it.");
        boolean activated = send(out, client, owner,
            TrxTransfer.of(ownerAddress, receiver, ACTIVATION_SUN), timeout);
        checks.check("the receiver now exists on chain",
            activated && client.getAccount(receiver).isPresent());
      } else {
        out.println("2. The receiver already exists on chain; nothing to activate.");
      }
      long receiverEnergyBefore = client.getAccountResource(receiver).energyLimit();
      out.println("   receiver's energy before: " + receiverEnergyBefore);
      out.println();

      out.println("3. Delegate the energy of the whole stake to the receiver (DelegateResource,");
      out.println("   no lock, so it can be taken back at any time).");
      boolean delegated = send(out, client, owner,
          Staking.delegate(ownerAddress, receiver, ResourceCode.ENERGY, stakeSun), timeout);
      long receiverEnergyLent = client.getAccountResource(receiver).energyLimit();
      long ownerEnergyLent = client.getAccountResource(ownerAddress).energyLimit();
      out.println("   receiver's energy (getAccountResource): " + receiverEnergyLent);
      out.println("   owner's energy: " + ownerEnergyLent);
      checks.check("the delegation landed with result SUCCESS", delegated);
      checks.check("the receiver has more energy than before",
          receiverEnergyLent > receiverEnergyBefore);
      checks.check("the owner lent that energy away", ownerEnergyLent < ownerEnergyStaked);
      out.println();

      out.println("4. Undelegate: take the energy back (UnDelegateResource).");
      boolean undelegated = send(out, client, owner,
          Staking.undelegate(ownerAddress, receiver, ResourceCode.ENERGY, stakeSun), timeout);
      long receiverEnergyAfter = client.getAccountResource(receiver).energyLimit();
      out.println("   receiver's energy (getAccountResource): " + receiverEnergyAfter);
      checks.check("the undelegation landed with result SUCCESS", undelegated);
      checks.check("the receiver's lent energy is gone",
          receiverEnergyAfter == receiverEnergyBefore);
      checks.check("the owner's energy is back",
          client.getAccountResource(ownerAddress).energyLimit() > ownerEnergyLent);
      return checks.finish("All checks passed. The " + Trx.format(stakeSun)
          + " TRX stay staked; UnfreezeV2 starts the waiting period to get them back.");
    } finally {
      owner.destroy();
      if (devNode != null) {
        devNode.close();
      }
    }
  }

  /**
   * Builds on the latest block, signs here, broadcasts and waits for the block; returns whether
   * the transaction landed successfully.
   */
  private static boolean send(PrintStream out, TronClient client, PrivateKey key,
      TransactionBuilder builder, Duration timeout) throws InterruptedException {
    Transaction signed = builder.referenceBlock(ReferenceBlock.of(client.getNowBlock()))
        .buildAndSign(key);
    BroadcastResult result = client.broadcastTransaction(signed);
    out.println("   broadcast " + result.txId() + ": " + result.outcome());
    Optional<TransactionInfo> info = awaitInfo(client, signed.txId(), timeout);
    if (info.isEmpty()) {
      out.println("   not in a block after " + timeout.toSeconds() + " s");
      return false;
    }
    TransactionInfo i = info.get();
    out.println("   in block " + i.blockNumber() + ", burned " + Trx.format(i.fee()) + " TRX"
        + (i.failed() ? ", FAILED: " + i.resMessage() : ""));
    return !i.failed();
  }

  private static Optional<TransactionInfo> awaitInfo(TronClient client, String txId,
      Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TransactionInfo> info = client.getTransactionInfoById(txId);
      if (info.isPresent()) {
        return info;
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  /** TRX the account has staked for energy and not delegated, in sun. */
  private static long energyStake(TronClient client, Address address) {
    return client.getAccount(address)
        .map(a -> a.frozenV2().stream()
            .filter(s -> s.resource() == ResourceCode.ENERGY)
            .mapToLong(Account.Stake::amount)
            .sum())
        .orElse(0L);
  }

  private static Address freshDepositAddress() {
    Mnemonic mnemonic = Mnemonic.generate(12);
    try {
      TronAccount account = TronAccount.fromMnemonic(mnemonic, "", 0);
      try {
        return account.watchOnly().address(0);
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

  private static String required(Args options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new Args.UsageException("option " + name + " is required with --node");
    }
    return value;
  }
}

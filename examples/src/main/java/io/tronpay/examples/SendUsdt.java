package io.tronpay.examples;

import io.tronpay.client.BroadcastResult;
import io.tronpay.client.Tokens;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import io.tronpay.core.tx.Transaction;
import io.tronpay.payouts.Asset;
import io.tronpay.payouts.InMemoryPayoutLedger;
import io.tronpay.payouts.Payout;
import io.tronpay.payouts.PayoutFilter;
import io.tronpay.payouts.PayoutRequest;
import io.tronpay.payouts.PayoutService;
import io.tronpay.payouts.PayoutState;
import io.tronpay.payouts.ReferenceBlock;
import io.tronpay.payouts.Trc20Transfer;
import io.tronpay.testkit.DevNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Sends USDT twice over: once by hand with the {@code Trc20Transfer} builder, and once through a
 * {@link PayoutService}, whose ledger pays an idempotency key only once even when the same
 * request is submitted twice.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.SendUsdt
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.SendUsdt \
 *     -Dexec.args="--node http://127.0.0.1:8090 --payer-key-file payer.hex \
 *     --to TVMydtyfWxufY3SyHfJRU8FPvs24XYnaYm --amount 1"
 * </pre>
 *
 * <p>Without {@code --node} it runs on an embedded DevNode and pays from one of its funded dev
 * accounts to another. With {@code --node URL} it pays mainnet USDT from the hex key in
 * {@code --payer-key-file} (never from argv) to {@code --to}. {@code --amount} (default 12.5
 * USDT, sent twice) and {@code --timeout} seconds (default 60) are optional. It exits with a
 * non-zero status if any of its own checks fails.
 */
public final class SendUsdt {
  static final String DEFAULT_AMOUNT = "12.5";
  /**
   * The most TRX either transfer may burn for energy. Without staked energy a USDT transfer uses
   * about 65,000 energy to an address that already holds USDT and about twice that to a new
   * holder; at 100 sun per energy that burns about 6.5 or 13 TRX, and the price can rise.
   */
  static final long FEE_LIMIT_SUN = Trx.toSun(40);
  static final String IDEMPOTENCY_KEY = "payout-order-1001";
  static final int DEVNODE_SOLIDITY_DEPTH = 3;
  static final Duration DEVNODE_BLOCK_TIME = Duration.ofMillis(200);

  private SendUsdt() {}

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
        Set.of("--node", "--payer-key-file", "--to", "--amount", "--timeout"));
    TokenAmount amount = Asset.USDT.parse(options.get("--amount", DEFAULT_AMOUNT));
    Duration timeout = Duration.ofSeconds(options.getInt("--timeout", 60));
    out.println("== Send USDT ==");
    out.println();

    String nodeUrl = options.get("--node");
    DevNode devNode = null;
    PrivateKey payer;
    Address recipient;
    if (nodeUrl == null) {
      out.println("0. No --node given: start an embedded DevNode, a simulated TRON node that");
      out.println("   speaks the real HTTP API, with funded dev accounts and USDT.");
      devNode = DevNode.builder().seed("send-usdt").solidityDepth(DEVNODE_SOLIDITY_DEPTH)
          .genesisTime(Instant.now()).build();
      nodeUrl = devNode.start();
      payer = devNode.accounts().get(0).privateKey();
      recipient = devNode.accounts().get(1).address();
      // Blocks come on their own, as on a real network; the recipe just waits for them.
      devNode.startMining(DEVNODE_BLOCK_TIME);
      out.println();
    } else {
      payer = PrivateKey.fromHex(readFile(required(options, "--payer-key-file")));
      recipient = Address.fromBase58(required(options, "--to"));
    }

    try (TronClient client = TronClient.builder().fullNode(nodeUrl).build()) {
      Address payerAddress = payer.address();
      Checks checks = new Checks(out);
      BigInteger startBalance = client.balanceOf(Tokens.USDT_MAINNET, recipient);
      out.println("1. Build the transfer of " + amount.toDecimalString() + " USDT from "
          + payerAddress + " to " + recipient + ",");
      out.println("   on the node's latest block, with a fee limit of "
          + Trx.format(FEE_LIMIT_SUN) + " TRX, and sign it here.");
      // The transaction is built locally, not by the node: a lying node cannot change what
      // gets signed, and the key never leaves this process.
      Transaction signed = Trc20Transfer.usdt(payerAddress, recipient, amount)
          .referenceBlock(ReferenceBlock.of(client.getNowBlock()))
          .feeLimit(FEE_LIMIT_SUN)
          .buildAndSign(payer);
      out.println("   txID " + signed.txId());
      out.println();

      out.println("2. Broadcast it and wait for its block.");
      BroadcastResult result = client.broadcastTransaction(signed);
      out.println("   broadcast: " + result.outcome());
      Optional<TransactionInfo> info = awaitInfo(client, signed.txId(), timeout);
      info.ifPresent(i -> out.println("   in block " + i.blockNumber() + ": "
          + i.receipt().result() + ", energy " + i.receipt().energyUsageTotal()
          + ", burned " + Trx.format(i.fee()) + " TRX"));
      BigInteger afterDirect = client.balanceOf(Tokens.USDT_MAINNET, recipient);
      out.println("   recipient's USDT balance (balanceOf): "
          + Asset.USDT.amount(afterDirect).toDecimalString());
      out.println();

      out.println("3. Check the direct transfer:");
      checks.check("the node took it under our txID", result.txId().equals(signed.txId()));
      // A contract call can land in a block and still fail (out of energy, a revert): only
      // the receipt's SUCCESS means the tokens moved.
      checks.check("it is in a block with result SUCCESS", info.isPresent()
          && "SUCCESS".equals(info.get().receipt().result()));
      checks.check("the recipient's balance rose by exactly " + amount.toDecimalString()
          + " USDT", afterDirect.subtract(startBalance).equals(amount.units()));
      out.println();

      out.println("4. Now the same payment the way a shop pays out: through a PayoutService.");
      out.println("   Its ledger stores each step (requested, signed with the exact bytes,");
      out.println("   broadcast, confirmed) before taking the next, and every request carries an");
      out.println("   idempotency key; here '" + IDEMPOTENCY_KEY + "'. The in-memory ledger");
      out.println("   suits a demo; a shop uses a durable one so a restart cannot pay twice.");
      PayoutService payouts = PayoutService.builder()
          .client(client)
          .ledger(new InMemoryPayoutLedger())
          .payer(payerAddress, payer)
          .tokenFeeLimit(FEE_LIMIT_SUN)
          .build();
      PayoutRequest request = PayoutRequest.token(IDEMPOTENCY_KEY, recipient, Asset.USDT, amount);
      Payout first = payouts.submit(request);
      out.println("   first submit:  " + first.id() + " " + first.state() + " txID "
          + first.txId());
      // A web request that timed out and was retried, or a job that ran twice, sends the same
      // request again. The key makes the second call return the stored payout.
      Payout second = payouts.submit(request);
      out.println("   second submit: " + second.id() + " " + second.state() + " txID "
          + second.txId());
      out.println();

      out.println("5. Advance the ledger until the payout is on the solidified chain.");
      Payout done = awaitFinished(payouts, first.id(), timeout);
      out.println("   " + done.id() + " " + done.state() + " in block " + done.blockNumber()
          + ", burned " + Trx.format(done.feeSun()) + " TRX");
      BigInteger afterPayout = client.balanceOf(Tokens.USDT_MAINNET, recipient);
      out.println("   recipient's USDT balance (balanceOf): "
          + Asset.USDT.amount(afterPayout).toDecimalString());
      out.println();

      out.println("6. Check the payout:");
      checks.check("both submits returned the same payout",
          first.id().equals(second.id()));
      checks.check("both submits name the same transaction",
          first.txId() != null && first.txId().equals(second.txId()));
      checks.check("the ledger holds one payout",
          payouts.history(PayoutFilter.all()).size() == 1);
      checks.check("the payout is CONFIRMED", done.state() == PayoutState.CONFIRMED);
      checks.check("the recipient's balance rose by " + amount.toDecimalString()
          + " USDT once, not twice", afterPayout.subtract(afterDirect).equals(amount.units()));
      return checks.finish("All checks passed.");
    } finally {
      payer.destroy();
      if (devNode != null) {
        devNode.close();
      }
    }
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

  /**
   * Calls {@link PayoutService#resume()} until the payout is finished or time runs out. A host
   * does the same from a scheduler, about once per block.
   */
  private static Payout awaitFinished(PayoutService payouts, String id, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Payout payout = payouts.status(id).orElseThrow();
    while (!payout.state().isTerminal() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      payouts.resume();
      payout = payouts.status(id).orElseThrow();
    }
    return payout;
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

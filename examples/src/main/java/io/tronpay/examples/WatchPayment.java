package io.tronpay.examples;

import io.tronpay.client.Block;
import io.tronpay.client.BroadcastResult;
import io.tronpay.client.Tokens;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.monitor.BlockScanSource;
import io.tronpay.monitor.EventType;
import io.tronpay.monitor.InMemoryPaymentStore;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentListener;
import io.tronpay.monitor.PaymentMonitor;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.PaymentStatus;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Watches one USDT order at a fresh deposit address with a {@link PaymentMonitor}, pays it, and
 * prints the listener's events until the payment is confirmed.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.WatchPayment
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.WatchPayment \
 *     -Dexec.args="--node http://127.0.0.1:8090 --payer-key-file payer.hex"
 * </pre>
 *
 * <p>Without {@code --node} it runs on an embedded DevNode and pays from one of its funded dev
 * accounts. With {@code --node URL} it pays from the key in {@code --payer-key-file} (hex), or,
 * without one, waits for anyone to pay the printed address. {@code --amount} (default 12.5 USDT)
 * and {@code --timeout} seconds (default 60) are optional. It exits with a non-zero status if the
 * payment is not confirmed in time or any other check fails.
 */
public final class WatchPayment {
  static final String DEFAULT_AMOUNT = "12.5";
  static final long FEE_LIMIT_SUN = Trx.toSun(30);
  // A short solidity depth and fast blocks keep the embedded run to a few seconds; mainnet
  // solidifies after 19 blocks of 3 seconds.
  static final int DEVNODE_SOLIDITY_DEPTH = 3;
  static final Duration DEVNODE_BLOCK_TIME = Duration.ofMillis(200);

  private WatchPayment() {}

  /**
   * Runs the recipe and exits with status 1 if a check fails.
   *
   * @param args the options above
   * @throws InterruptedException if interrupted while waiting for the payment
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
        Set.of("--node", "--payer-key-file", "--amount", "--timeout"));
    TokenAmount amount = TokenAmount.parse(options.get("--amount", DEFAULT_AMOUNT),
        Tokens.USDT_DECIMALS);
    Duration timeout = Duration.ofSeconds(options.getInt("--timeout", 60));
    out.println("== Watch a USDT payment ==");
    out.println();

    String nodeUrl = options.get("--node");
    DevNode devNode = null;
    PrivateKey payer = null;
    if (nodeUrl == null) {
      out.println("0. No --node given: start an embedded DevNode, a simulated TRON node that");
      out.println("   speaks the real HTTP API, with funded dev accounts and USDT.");
      devNode = DevNode.builder().seed("watch-payment").solidityDepth(DEVNODE_SOLIDITY_DEPTH)
          .genesisTime(Instant.now()).build();
      nodeUrl = devNode.start();
      payer = devNode.accounts().get(0).privateKey();
    } else if (options.get("--payer-key-file") != null) {
      payer = PrivateKey.fromHex(readFile(options.get("--payer-key-file")));
    }

    try (TronClient client = TronClient.builder().fullNode(nodeUrl).build()) {
      out.println("1. Make a fresh deposit address: index 0 of a new HD account. A real shop");
      out.println("   derives it from its account xpub (see DeriveDepositAddresses).");
      Address deposit = freshDepositAddress();
      out.println("   deposit address: " + deposit);
      out.println();

      out.println("2. Start a PaymentMonitor: it scans every block from now on, keeps its state");
      out.println("   in memory (use JdbcPaymentStore to survive restarts) and calls our listener.");
      long startBlock = client.getNowBlock().number();
      BlockScanSource source = BlockScanSource.builder(client).startBlock(startBlock).build();
      PrintingListener listener = new PrintingListener(out);
      try (PaymentMonitor monitor = PaymentMonitor.builder()
          .source(source)
          .store(new InMemoryPaymentStore())
          .listener(listener)
          .pollInterval(Duration.ofMillis(devNode != null ? 100 : 1_000))
          .build()) {
        monitor.start();
        if (devNode != null) {
          devNode.startMining(DEVNODE_BLOCK_TIME);
        }

        out.println("3. Watch order A-1 for " + amount.toDecimalString() + " USDT at that address.");
        Payment watched = monitor.watch(PaymentRequest.builder()
            .orderId("A-1")
            .address(deposit)
            .usdt(amount)
            .build());
        out.println("   payment id " + watched.id() + ", status " + watched.status());
        out.println();

        if (payer != null) {
          out.println("4. The customer pays " + amount.toDecimalString() + " USDT from "
              + payer.address() + ".");
          String txId = payUsdt(client, payer, deposit, amount);
          out.println("   broadcast " + txId);
        } else {
          out.println("4. Pay " + amount.toDecimalString() + " USDT to " + deposit
              + " now; waiting " + timeout.toSeconds() + " s.");
        }
        out.println();
        out.println("5. Listener events, as the monitor delivers them:");
        boolean confirmed = listener.awaitConfirmed(timeout);
        out.println();

        out.println("6. Check our own work:");
        Checks checks = new Checks(out);
        checks.check("the payment was confirmed within " + timeout.toSeconds() + " s", confirmed);
        checks.check("the listener saw it detected at the head, then confirmed",
            listener.types().equals(List.of(EventType.PAYMENT_DETECTED,
                EventType.PAYMENT_CONFIRMED)));
        Payment stored = monitor.status(watched.id()).orElseThrow();
        checks.check("the stored status is CONFIRMED", stored.status() == PaymentStatus.CONFIRMED);
        checks.check("the stored amount received is " + amount.toDecimalString() + " USDT",
            stored.received().equals(amount));
        return checks.finish("All checks passed.");
      } finally {
        if (devNode != null) {
          devNode.stopMining();
        }
      }
    } finally {
      if (payer != null) {
        payer.destroy();
      }
      if (devNode != null) {
        devNode.close();
      }
    }
  }

  /**
   * Builds a USDT transfer on the node's latest block, signs it here and broadcasts it. The
   * transaction is built locally rather than by the node, so a lying node cannot change what is
   * signed.
   */
  static String payUsdt(TronClient client, PrivateKey payer, Address to, TokenAmount amount) {
    Block head = client.getNowBlock();
    byte[] callData = new Trc20Call.Transfer(to, amount.units()).encode();
    RawData rawData = RawData.builder()
        .contract(new TriggerSmartContract(payer.address(), Tokens.USDT_MAINNET, callData))
        .referenceBlock(head.number(), head.blockId())
        // The node checks expiry against its head block's time, not the wall clock.
        .timestamp(head.timestamp())
        .expiration(head.timestamp() + 60_000L)
        .feeLimit(FEE_LIMIT_SUN)
        .build();
    Transaction signed = Transaction.of(rawData).sign(payer);
    BroadcastResult result = client.broadcastTransaction(signed);
    return result.txId();
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

  /** Prints each event; listeners must be quick, so it only prints and counts. */
  private static final class PrintingListener extends PaymentListener {
    private final PrintStream out;
    private final List<EventType> types = new CopyOnWriteArrayList<>();
    private final CountDownLatch confirmed = new CountDownLatch(1);

    PrintingListener(PrintStream out) {
      this.out = out;
    }

    @Override
    public void onEvent(PaymentEvent event) {
      types.add(event.type());
      out.println("   " + event.type().wireName() + "  order " + event.orderId()
          + "  status " + event.status()
          + "  received " + event.received().toDecimalString() + " " + event.asset().symbol()
          + (event.txId() == null ? "" : "  tx " + event.txId() + " in block "
          + event.blockNumber()));
      if (event.type() == EventType.PAYMENT_CONFIRMED) {
        confirmed.countDown();
      }
    }

    boolean awaitConfirmed(Duration timeout) throws InterruptedException {
      return confirmed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<EventType> types() {
      return List.copyOf(types);
    }
  }
}

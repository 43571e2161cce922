package io.tronpay.examples;

import io.tronpay.client.Tokens;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import io.tronpay.monitor.BlockScanSource;
import io.tronpay.monitor.EventType;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentListener;
import io.tronpay.monitor.PaymentMonitor;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.jdbc.JdbcPaymentStore;
import io.tronpay.testkit.DevNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Runs two monitors, as two application instances would, over one database: one of them scans
 * the chain and holds the scanner lease, the other stands by (both deliver events). The recipe
 * pays an order, stops the instance that holds the lease, and shows the other one take the scan
 * over and deliver the confirmation.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.MultiInstanceMonitor
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.MultiInstanceMonitor \
 *     -Dexec.args="--jdbc-url jdbc:postgresql://127.0.0.1:5432/shop?user=shop"
 * </pre>
 *
 * <p>{@code --jdbc-url} names the shared database; by default both instances share an H2
 * database in memory, so the recipe runs with no server. Its tables get a fresh prefix and are
 * dropped at the end. Without {@code --node} it runs on an embedded DevNode and pays from one of
 * its dev accounts; with {@code --node URL} it pays from the hex key in
 * {@code --payer-key-file}, or waits for anyone to pay the printed address. {@code --amount}
 * (default 12.5 USDT) and {@code --timeout} seconds (default 60) are optional. It exits with a
 * non-zero status if any of its own checks fails.
 */
public final class MultiInstanceMonitor {
  static final String DEFAULT_AMOUNT = "12.5";
  static final String DEFAULT_JDBC_URL = "jdbc:h2:mem:tronpay-multi-instance;DB_CLOSE_DELAY=-1";
  // A dead instance's lease runs out after this long; then another instance takes over. Keep it
  // well above the poll interval, so a live scanner always renews in time.
  static final Duration SCANNER_LEASE = Duration.ofSeconds(2);
  static final int DEVNODE_SOLIDITY_DEPTH = 3;
  static final Duration DEVNODE_BLOCK_TIME = Duration.ofMillis(200);

  private MultiInstanceMonitor() {}

  /**
   * Runs the recipe and exits with status 1 if a check fails.
   *
   * @param args the options above
   * @throws InterruptedException if interrupted while waiting
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
        Set.of("--jdbc-url", "--node", "--payer-key-file", "--amount", "--timeout"));
    TokenAmount amount = TokenAmount.parse(options.get("--amount", DEFAULT_AMOUNT),
        Tokens.USDT_DECIMALS);
    Duration timeout = Duration.ofSeconds(options.getInt("--timeout", 60));
    out.println("== Two monitor instances, one database ==");
    out.println();

    String nodeUrl = options.get("--node");
    DevNode devNode = null;
    PrivateKey payer = null;
    if (nodeUrl == null) {
      out.println("0. No --node given: start an embedded DevNode, a simulated TRON node that");
      out.println("   speaks the real HTTP API. It makes a block only when we ask for one.");
      devNode = DevNode.builder().seed("multi-instance").solidityDepth(DEVNODE_SOLIDITY_DEPTH)
          .genesisTime(Instant.now()).build();
      nodeUrl = devNode.start();
      payer = devNode.accounts().get(0).privateKey();
    } else if (options.get("--payer-key-file") != null) {
      payer = PrivateKey.fromHex(readFile(options.get("--payer-key-file")));
    }

    // The URL may carry a password, so it is never printed.
    DataSource database = new UrlDataSource(options.get("--jdbc-url", DEFAULT_JDBC_URL));
    String prefix = "multi_" + UUID.randomUUID().toString().substring(0, 8) + "_";
    JdbcPaymentStore schema = JdbcPaymentStore.builder(database).tablePrefix(prefix).build();
    Instance a = null;
    Instance b = null;
    try (TronClient client = TronClient.builder().fullNode(nodeUrl).build()) {
      out.println("1. Create the tables once (" + schema.dialect() + ", prefix " + prefix + ").");
      out.println("   Every instance reads and writes the same rows.");
      schema.migrate();
      out.println();

      out.println("2. Start two instances, shop-a and shop-b. Each has its own store object");
      out.println("   and instance id over the shared database; in production each would be");
      out.println("   its own process. Only the holder of the scanner lease reads the chain and");
      out.println("   writes chain steps; it renews the lease with every step, and a step of an");
      out.println("   instance that lost the lease is refused. Every instance delivers events");
      out.println("   from the shared outbox, each event to one of them.");
      long startBlock = client.getNowBlock().number();
      Duration poll = Duration.ofMillis(devNode != null ? 100 : 1_000);
      a = new Instance("shop-a", database, prefix, client, startBlock, poll, out);
      b = new Instance("shop-b", database, prefix, client, startBlock, poll, out);
      Instance scanner = awaitScanner(a, b, timeout);
      if (scanner == null) {
        out.println("   neither instance took the scanner lease within " + timeout.toSeconds()
            + " s");
        return 1;
      }
      Instance standby = scanner == a ? b : a;
      out.println("   " + scanner.name + " holds the scanner lease; " + standby.name
          + " stands by.");
      out.println();

      Address deposit = freshDepositAddress();
      out.println("3. Watch order M-1 for " + amount.toDecimalString() + " USDT at " + deposit);
      out.println("   through " + standby.name + ": any instance takes requests, since they");
      out.println("   all land in the shared tables.");
      Payment watched = standby.monitor.watch(PaymentRequest.builder().orderId("M-1")
          .address(deposit).usdt(amount).build());
      out.println();

      if (payer != null) {
        out.println("4. The customer pays " + amount.toDecimalString() + " USDT from "
            + payer.address() + ".");
        out.println("   broadcast " + WatchPayment.payUsdt(client, payer, deposit, amount));
      } else {
        out.println("4. Pay " + amount.toDecimalString() + " USDT to " + deposit + " now.");
      }
      if (devNode != null) {
        devNode.mineBlock();
      }
      out.println("   Listener events, marked with the instance that delivered them:");
      boolean detected = Listener.await(EventType.PAYMENT_DETECTED, timeout, a, b);
      out.println();

      out.println("5. Stop " + scanner.name + ", the scanner; to the others a deploy looks the");
      out.println("   same as a crash. The lease is not handed over: " + standby.name + " takes");
      out.println("   over once it runs out, " + SCANNER_LEASE.toSeconds()
          + " s after the last renewal.");
      scanner.monitor.close();
      if (devNode != null) {
        devNode.startMining(DEVNODE_BLOCK_TIME);
      }
      boolean confirmed = Listener.await(EventType.PAYMENT_CONFIRMED, timeout, a, b);
      boolean tookOver = standby.store.holdsScannerLease();
      out.println("   " + standby.name + (tookOver ? " now holds" : " does not hold")
          + " the scanner lease.");
      out.println();

      out.println("6. Check our own work:");
      Checks checks = new Checks(out);
      checks.check("the payment was detected within " + timeout.toSeconds() + " s (by "
          + scanner.name + "'s scan, delivered by either instance)", detected);
      checks.check("after the stop, " + standby.name + " took the scanner lease over", tookOver);
      checks.check("the confirmation was delivered by " + standby.name, confirmed
          && standby.listener.saw(EventType.PAYMENT_CONFIRMED));
      Payment stored = standby.monitor.status(watched.id()).orElseThrow();
      checks.check("the stored status is CONFIRMED", stored.status() == PaymentStatus.CONFIRMED);
      checks.check("the stored amount received is " + amount.toDecimalString() + " USDT",
          stored.received().equals(amount));
      return checks.finish("All checks passed.");
    } finally {
      if (devNode != null) {
        devNode.stopMining();
      }
      if (a != null) {
        a.monitor.close();
      }
      if (b != null) {
        b.monitor.close();
      }
      schema.dropAll();
      if (payer != null) {
        payer.destroy();
      }
      if (devNode != null) {
        devNode.close();
      }
    }
  }

  /** Waits until one of the instances holds the scanner lease; null when none does in time. */
  private static Instance awaitScanner(Instance a, Instance b, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (Instance i : new Instance[] {a, b}) {
        if (i.store.holdsScannerLease()) {
          return i;
        }
      }
      Thread.sleep(50);
    }
    return null;
  }

  /** A new address nobody has used; a shop derives it from its account xpub instead. */
  private static Address freshDepositAddress() {
    PrivateKey key = PrivateKey.generate();
    try {
      return key.address();
    } finally {
      key.destroy();
    }
  }

  private static String readFile(String name) {
    try {
      return Files.readString(Path.of(name), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new Args.UsageException("cannot read " + name + ": " + e.getMessage());
    }
  }

  /** One application instance: its own store object, listener and monitor. */
  private static final class Instance {
    final String name;
    final JdbcPaymentStore store;
    final Listener listener;
    final PaymentMonitor monitor;

    Instance(String name, DataSource database, String prefix, TronClient client,
        long startBlock, Duration poll, PrintStream out) {
      this.name = name;
      this.store = JdbcPaymentStore.builder(database).tablePrefix(prefix).instanceId(name)
          .scannerLease(SCANNER_LEASE).build();
      this.listener = new Listener(name, out);
      this.monitor = PaymentMonitor.builder()
          .source(BlockScanSource.builder(client).startBlock(startBlock).build())
          .store(store)
          .listener(listener)
          .pollInterval(poll)
          .build();
      monitor.start();
    }
  }

  /** Prints each event with the instance that delivered it; listeners must be quick. */
  private static final class Listener extends PaymentListener {
    private final String instance;
    private final PrintStream out;
    private final CopyOnWriteArrayList<EventType> seen = new CopyOnWriteArrayList<>();

    Listener(String instance, PrintStream out) {
      this.instance = instance;
      this.out = out;
    }

    @Override
    public void onEvent(PaymentEvent event) {
      // Printed before it counts as seen, so the story's next step never prints in between.
      out.println("   [" + instance + "] " + event.type().wireName() + "  order "
          + event.orderId() + "  status " + event.status() + "  received "
          + event.received().toDecimalString() + " " + event.asset().symbol());
      seen.add(event.type());
    }

    boolean saw(EventType type) {
      return seen.contains(type);
    }

    /** Waits until either instance delivered an event of the type. */
    static boolean await(EventType type, Duration timeout, Instance a, Instance b)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (a.listener.saw(type) || b.listener.saw(type)) {
          return true;
        }
        Thread.sleep(50);
      }
      return false;
    }
  }
}

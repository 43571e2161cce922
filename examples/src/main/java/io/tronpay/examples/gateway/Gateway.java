package io.tronpay.examples.gateway;

import com.sun.net.httpserver.HttpServer;
import io.tronpay.client.TronClient;
import io.tronpay.examples.UrlDataSource;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.BlockScanSource;
import io.tronpay.monitor.ConfirmationPolicy;
import io.tronpay.monitor.PaymentMonitor;
import io.tronpay.monitor.jdbc.JdbcPaymentStore;
import io.tronpay.monitor.webhook.WebhookListener;
import io.tronpay.monitor.webhook.WebhookSecret;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A REST gateway with the API of the original Flask payment monitor ({@code POST
 * /create_payment}, {@code GET /payment_status/<id>}, {@code GET /health}, {@code GET /stats}),
 * built from the SDK: a {@link PaymentMonitor} over a {@link JdbcPaymentStore}, a
 * {@link WebhookListener} that signs the callbacks, and the JDK's own HTTP server. See
 * {@code examples/gateway/README.md} for the API.
 *
 * <pre>
 * java -jar examples/target/tron-gateway.jar --devnode
 * java -jar examples/target/tron-gateway.jar --port 5000 --node https://api.trongrid.io \
 *     --api-key-file trongrid.key --webhook-secret-file webhook-secret.txt
 * </pre>
 *
 * <p>Options: {@code --port} (5000), {@code --host} (127.0.0.1), {@code --node URL} or
 * {@code --devnode}, {@code --jdbc-url} (an H2 file under {@code ~/.tronpay/gateway}),
 * {@code --api-key-file}, {@code --webhook-secret-file} (default: made once under
 * {@code ~/.tronpay/gateway}), {@code --confirmations N} (default: wait for solidification) and
 * {@code --allow-private-callbacks}. Secrets are read from files, never from the command line.
 */
public final class Gateway implements AutoCloseable {
  static final int DEFAULT_PORT = 5000;
  static final String DEFAULT_HOST = "127.0.0.1";
  static final Path HOME = Path.of(System.getProperty("user.home"), ".tronpay", "gateway");
  static final String DEFAULT_JDBC_URL = "jdbc:h2:~/.tronpay/gateway/payments";
  // The embedded DevNode mines every 3 s like mainnet, but solidifies 3 blocks deep (mainnet:
  // 19) so a demo payment confirms in about 12 s.
  static final Duration DEVNODE_BLOCK_TIME = Duration.ofSeconds(3);
  static final int DEVNODE_SOLIDITY_DEPTH = 3;
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  private static final Set<String> VALUED = Set.of("--port", "--host", "--node", "--jdbc-url",
      "--api-key-file", "--webhook-secret-file", "--confirmations");
  private static final Set<String> FLAGS = Set.of("--devnode", "--allow-private-callbacks");

  // Closed in reverse order of opening; see close().
  private final List<AutoCloseable> resources = new ArrayList<>();
  private DevNode devNode;
  private HttpServer server;

  private Gateway() {}

  /** A bad command line; {@link #main} prints it with the usage and exits with status 2. */
  static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Starts the gateway and serves until the process is stopped (SIGTERM or Ctrl-C shuts it down
   * cleanly: no new requests, the monitor's round finishes, the database is closed).
   *
   * @param args the options above
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    Gateway gateway;
    try {
      gateway = start(System.out, args);
    } catch (UsageException e) {
      System.err.println("gateway: " + e.getMessage());
      System.err.println("usage: java -jar tron-gateway.jar (--node URL | --devnode) [--port P]"
          + " [--host H] [--jdbc-url URL] [--api-key-file F] [--webhook-secret-file F]"
          + " [--confirmations N] [--allow-private-callbacks]");
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
    // The HTTP server's own thread keeps the JVM alive from here on.
  }

  /**
   * Starts a gateway in this process, as {@link #main} does, narrating on {@code out}.
   *
   * @param out where the start-up lines go
   * @param args the options above
   * @return the running gateway; close it to stop
   * @throws IOException if the port cannot be bound or a file cannot be read
   * @throws IllegalArgumentException naming the option that is unknown, missing or bad
   */
  public static Gateway start(PrintStream out, String... args) throws IOException {
    Map<String, String> options = parse(args);
    if (options.containsKey("--node") == options.containsKey("--devnode")) {
      throw new UsageException("give either --node URL or --devnode");
    }
    ConfirmationPolicy confirmation = ConfirmationPolicy.solidified();
    if (options.containsKey("--confirmations")) {
      int blocks = number(options, "--confirmations");
      if (blocks < 1) {
        throw new UsageException("option --confirmations needs at least 1 block, got " + blocks);
      }
      confirmation = ConfirmationPolicy.blocks(blocks);
    }
    int port = options.containsKey("--port") ? number(options, "--port") : DEFAULT_PORT;
    Gateway gateway = new Gateway();
    try {
      gateway.open(out, options, confirmation, port);
      return gateway;
    } catch (IOException | RuntimeException e) {
      gateway.close();
      throw e;
    }
  }

  private void open(PrintStream out, Map<String, String> options,
      ConfirmationPolicy confirmation, int port) throws IOException {
    String nodeUrl = options.get("--node");
    if (nodeUrl == null) {
      devNode = DevNode.builder().seed("tronpay-gateway").genesisTime(Instant.now())
          .blockTime(DEVNODE_BLOCK_TIME).solidityDepth(DEVNODE_SOLIDITY_DEPTH).build();
      resources.add(devNode);
      nodeUrl = devNode.start();
      DevAccount payer = devNode.accounts().get(0);
      out.println("DevNode at " + nodeUrl + " (DEV USE ONLY; its keys are public)");
      out.println("  a funded dev account to pay from: " + payer.address() + " key "
          + payer.revealPrivateKeyHex());
    }

    TronClient.Builder clientBuilder = TronClient.builder().fullNode(nodeUrl);
    if (options.containsKey("--api-key-file")) {
      clientBuilder.apiKey(readSecretFile(options.get("--api-key-file")));
    }
    TronClient client = clientBuilder.build();
    resources.add(client);

    // The store: every payment, transfer, event and webhook delivery survives a restart.
    String jdbcUrl = options.getOrDefault("--jdbc-url", DEFAULT_JDBC_URL);
    UrlDataSource dataSource = new UrlDataSource(jdbcUrl);
    try {
      // Held open for the gateway's life: an embedded H2 database then stays open between the
      // store's short connections instead of being reopened for each.
      Connection keepAlive = dataSource.getConnection();
      resources.add(keepAlive);
    } catch (SQLException e) {
      throw new UsageException("cannot open --jdbc-url " + dataSource + ": " + e.getMessage());
    }
    JdbcPaymentStore store = JdbcPaymentStore.builder(dataSource).build();
    resources.add(store);
    store.migrate();
    if (store.schemaVersion() < CallbackLog.SCHEMA_VERSION) {
      throw new IllegalStateException("the store schema is version " + store.schemaVersion()
          + "; the gateway needs version " + CallbackLog.SCHEMA_VERSION + " or later");
    }

    // Webhooks: queued in the same database, signed with the callback secret, and never sent
    // to loopback or private networks unless --allow-private-callbacks says so.
    WebhookSecret secret = webhookSecret(options.get("--webhook-secret-file"), out);
    resources.add(secret::destroy);
    WebhookListener webhooks = WebhookListener.builder(store)
        .deliveryStore(store.webhookDeliveries())
        .callbackSecret(secret)
        .allowPrivateNetworks(options.containsKey("--allow-private-callbacks"))
        .build();
    resources.add(webhooks);

    PaymentMonitor monitor = PaymentMonitor.builder()
        .source(BlockScanSource.builder(client).assets(Asset.USDT).build())
        .store(store)
        .listener(webhooks)
        .pollInterval(POLL_INTERVAL)
        .build();
    resources.add(monitor);

    String host = options.getOrDefault("--host", DEFAULT_HOST);
    server = HttpServer.create(new InetSocketAddress(host, port), 0);
    ExecutorService httpThreads = Executors.newFixedThreadPool(8);
    resources.add(httpThreads::shutdownNow);
    server.setExecutor(httpThreads);
    new Routes(monitor, webhooks, new CallbackLog(dataSource, store.tablePrefix()), confirmation)
        .register(server);

    monitor.start();
    webhooks.start();
    server.start();
    // Last to open, first to close: stop taking requests, give running ones a second.
    resources.add(() -> server.stop(1));
    out.println("TronPay gateway on " + uri() + " (node " + nodeUrl + ", store "
        + store.dialect() + ")");
  }

  /** The base URI, such as {@code http://127.0.0.1:5000}. */
  public URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  /** The embedded DevNode with {@code --devnode}, or null. */
  public DevNode devNode() {
    return devNode;
  }

  /** Stops taking requests, then stops the monitor and webhooks and closes the store. */
  @Override
  public synchronized void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        System.err.println("gateway: closing failed: " + e);
      }
    }
    resources.clear();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (FLAGS.contains(name)) {
        options.put(name, "true");
      } else if (VALUED.contains(name) && i + 1 < args.length) {
        options.put(name, args[++i]);
      } else if (VALUED.contains(name)) {
        throw new UsageException("option " + name + " needs a value");
      } else {
        throw new UsageException("unknown option " + name);
      }
    }
    return options;
  }

  private static int number(Map<String, String> options, String name) {
    try {
      int value = Integer.parseInt(options.get(name));
      if (value >= 0 && value <= 65535) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the option's name.
    }
    throw new UsageException("option " + name + " needs a whole number from 0 to 65535, got '"
        + options.get(name) + "'");
  }

  /**
   * The callback signing secret: from the given file, or from {@code ~/.tronpay/gateway}, where
   * the first start writes a fresh one readable by the owner only.
   */
  private static WebhookSecret webhookSecret(String file, PrintStream out) throws IOException {
    Path path = file != null ? Path.of(file) : HOME.resolve("webhook-secret");
    if (file == null && !Files.exists(path)) {
      Files.createDirectories(HOME);
      WebhookSecret fresh = WebhookSecret.generate();
      try {
        try {
          Files.createFile(path, PosixFilePermissions.asFileAttribute(
              PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(path);
        }
        Files.writeString(path, fresh.revealSecretText() + "\n", StandardCharsets.UTF_8);
      } catch (FileAlreadyExistsException raced) {
        // Another gateway wrote it first; use theirs.
      } finally {
        fresh.destroy();
      }
    }
    WebhookSecret secret = WebhookSecret.parse(readSecretFile(path.toString()));
    out.println("Callbacks are signed with the webhook secret in " + path);
    return secret;
  }

  private static String readSecretFile(String name) {
    try {
      return Files.readString(Path.of(name), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UsageException("cannot read " + name + ": " + e.getMessage());
    }
  }
}

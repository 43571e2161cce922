package io.tronpay.cli;

import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tron devnode}: a simulated TRON node for development, until stopped. */
@Command(name = "devnode", description = {
    "Run a DevNode: a simulated TRON chain that speaks the node's HTTP API and TronGrid v1,",
    "with funded dev accounts holding TRX and USDT. It runs until stopped (Ctrl-C)."})
final class DevnodeCommand extends LeafCommand {
  @Option(names = "--port", defaultValue = "8090", paramLabel = "PORT",
      description = "TCP port on 127.0.0.1 (0 picks a free one); default ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--block-time", defaultValue = "3s", paramLabel = "DURATION",
      description = "Real time between mined blocks; default ${DEFAULT-VALUE}.")
  String blockTime;

  @Option(names = "--accounts", defaultValue = "10", paramLabel = "N",
      description = "Funded dev accounts; default ${DEFAULT-VALUE}.")
  int accounts;

  @Option(names = "--seed", defaultValue = "tronpay", paramLabel = "S",
      description = "Seed of the deterministic chain and its dev keys; default ${DEFAULT-VALUE}.")
  String seed;

  @Override
  int execute() throws Exception {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, got " + port);
    }
    if (accounts < 1 || accounts > 1000) {
      throw new ParameterException(spec.commandLine(),
          "--accounts must be 1 to 1000, got " + accounts);
    }
    Duration interval = duration(blockTime, "--block-time");
    DevNode node = DevNode.builder()
        .seed(seed)
        .accounts(accounts)
        .port(port)
        .blockTime(interval)
        .build();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread closer = new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "devnode-shutdown");
    Runtime.getRuntime().addShutdownHook(closer);
    boolean interrupted = false;
    try {
      String url = node.start();
      announce(node, url);
      stopped.await();
    } catch (InterruptedException e) {
      // Being interrupted is how an embedding program stops the node; it is not a failure.
      interrupted = true;
    } finally {
      node.close();
      try {
        Runtime.getRuntime().removeShutdownHook(closer);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running already; it closes the node itself.
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return TronCli.EXIT_OK;
  }

  /** Prints the URL, the token and the dev keys: one JSON line first with --json, for scripts. */
  private void announce(DevNode node, String url) {
    List<Map<String, Object>> keys = new ArrayList<>();
    for (DevAccount account : node.accounts()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("address", account.address().toBase58());
      entry.put("privateKey", account.revealPrivateKeyHex());
      keys.add(entry);
    }
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("url", url);
      result.put("usdt", node.usdt().address().toBase58());
      result.put("accounts", keys);
      print(result, "");
    } else {
      out().println("DevNode listening on " + url);
      out().println("USDT (6 decimals) at " + node.usdt().address().toBase58());
      out().println("Dev accounts, funded with TRX and USDT. Their private keys are public:");
      out().println("DEV USE ONLY, never send real funds to them.");
      for (Map<String, Object> entry : keys) {
        out().println("  " + entry.get("address") + "  " + entry.get("privateKey"));
      }
      out().println("Stop with Ctrl-C.");
    }
    out().flush();
  }
}

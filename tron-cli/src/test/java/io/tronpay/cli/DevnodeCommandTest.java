package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code tron devnode}: announces itself as one JSON line, serves the node API, stops cleanly. */
class DevnodeCommandTest {
  /** The mainnet USDT contract, where the issue requires DevNode's USDT by default. */
  private static final Address MAINNET_USDT =
      Address.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");

  /** A running command: its output so far, and the thread to interrupt. */
  private record Running(Thread thread, ByteArrayOutputStream out, AtomicInteger exitCode) {
    String firstLine() throws InterruptedException {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (System.nanoTime() < deadline) {
        String text = out.toString(StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        if (newline >= 0) {
          return text.substring(0, newline);
        }
        Thread.sleep(20);
      }
      throw new AssertionError("devnode printed nothing within 30 s");
    }

    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(30_000);
      return exitCode.get();
    }
  }

  private static Running start(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicInteger exitCode = new AtomicInteger(-1);
    Thread thread = new Thread(() -> exitCode.set(
        TronCli.run(new ByteArrayInputStream(new byte[0]), out, err, args)), "devnode-test");
    thread.start();
    return new Running(thread, out, exitCode);
  }

  @Test
  @SuppressWarnings("unchecked")
  void json_announcesUrlUsdtAndFundedAccounts_thenServesTheNodeApiUntilStopped()
      throws Exception {
    Running node = start("devnode", "--port", "0", "--block-time", "200ms", "--accounts", "2",
        "--seed", "cli-test", "--json");
    Map<String, Object> announced = Cli.parse(node.firstLine());
    List<Map<String, Object>> accounts = (List<Map<String, Object>>) announced.get("accounts");

    assertEquals(MAINNET_USDT.toBase58(), announced.get("usdt"));
    assertEquals(2, accounts.size());
    try (TronClient client = TronClient.builder().fullNode((String) announced.get("url")).build()) {
      for (Map<String, Object> account : accounts) {
        Address address = Address.fromBase58((String) account.get("address"));
        assertEquals(address, PrivateKey.fromHex((String) account.get("privateKey")).address());
        assertTrue(client.getAccount(address).orElseThrow().balance() > 0, "funded with TRX");
        assertTrue(client.balanceOf(MAINNET_USDT, address).compareTo(BigInteger.ZERO) > 0,
            "funded with USDT");
      }
      long first = client.getNowBlock().number();
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (client.getNowBlock().number() == first && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(client.getNowBlock().number() > first, "mines on the --block-time timer");
    }
    assertEquals(TronCli.EXIT_OK, node.stop());
  }

  @Test
  @SuppressWarnings("unchecked")
  void sameSeed_givesTheSameDevAccounts() throws Exception {
    Running a = start("devnode", "--port", "0", "--accounts", "1", "--seed", "same", "--json");
    String firstA = ((List<Map<String, Object>>) Cli.parse(a.firstLine()).get("accounts")).get(0)
        .get("address").toString();
    a.stop();
    Running b = start("devnode", "--port", "0", "--accounts", "1", "--seed", "same", "--json");
    String firstB = ((List<Map<String, Object>>) Cli.parse(b.firstLine()).get("accounts")).get(0)
        .get("address").toString();
    b.stop();

    assertEquals(firstA, firstB);
  }

  @Test
  void badBlockTime_isAUsageError() {
    Cli.Result result = Cli.run("devnode", "--port", "0", "--block-time", "fast");

    assertEquals(TronCli.EXIT_USAGE, result.exitCode());
  }
}

package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.core.tx.FreezeBalanceV2Contract;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.testkit.BroadcastResult;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tron sweep} against DevNode. The deposit addresses and the account xpub are tronweb's
 * ({@code wallet/tronweb_hd.json}); balances and delegations are read from DevNode.
 */
class SweepCommandTest {
  private static final List<Map<String, Object>> CASES = Cli.cases("wallet/tronweb_hd.json");
  private static final Map<String, Object> HD = CASES.get(0);
  private static final String XPUB = (String) Cli.object(HD, "account").get("xpub");
  private static final BigInteger SWEPT = BigInteger.valueOf(50_000_000L);
  private static final BigInteger DUST = BigInteger.valueOf(500_000L);

  @TempDir
  Path dir;

  private DevNode node;
  private String url;
  private DevAccount treasury;
  private Path treasuryKey;
  private Path mnemonicFile;
  private Address full;
  private Address dusty;
  private String ledger;
  private final List<Cli.Result> runs = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    node = DevNode.builder().seed("sweep-command").solidityDepth(1).build();
    url = node.start();
    node.mineBlocks(2);
    treasury = node.accounts().get(0);
    Transaction stake = Transaction.of(node.newRawData(new FreezeBalanceV2Contract(
        treasury.address(), 100_000_000_000L, ResourceCode.ENERGY)).build())
        .sign(treasury.privateKey());
    BroadcastResult staked = node.broadcast(stake);
    assertTrue(staked.accepted(), staked.message());
    full = Address.fromBase58(derived("m/44'/195'/0'/0/0"));
    dusty = Address.fromBase58(derived("m/44'/195'/0'/0/1"));
    node.mintToken(node.usdt(), full, SWEPT);
    node.mintToken(node.usdt(), dusty, DUST);
    node.mineBlock();
    treasuryKey = dir.resolve("treasury.key");
    Cli.writeKeyFile(treasuryKey, treasury.revealPrivateKeyHex() + "\n");
    mnemonicFile = dir.resolve("deposits.txt");
    Cli.writeKeyFile(mnemonicFile, HD.get("mnemonic") + "\n");
    ledger = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
  }

  @AfterEach
  void stop() {
    node.close();
    String phrase = (String) HD.get("mnemonic");
    for (Cli.Result run : runs) {
      String all = run.out() + run.err();
      assertFalse(all.contains(phrase.substring(0, 20)), "mnemonic in output: " + all);
      assertFalse(all.contains(treasury.revealPrivateKeyHex()), "key in output: " + all);
    }
  }

  @SuppressWarnings("unchecked")
  private static String derived(String path) {
    for (Map<String, Object> d : (List<Map<String, Object>>) HD.get("derived")) {
      if (path.equals(d.get("path"))) {
        return (String) d.get("address");
      }
    }
    throw new IllegalStateException("no vector for " + path);
  }

  private BigInteger usdt(Address holder) {
    return node.tokenBalance(node.usdt(), holder);
  }

  private Cli.Result run(String... args) {
    Cli.Result result = Cli.run(args);
    runs.add(result);
    return result;
  }

  private String[] sweep(String... more) {
    List<String> args = new ArrayList<>(List.of("sweep", "--node", url, "--mnemonic-file",
        mnemonicFile.toString(), "--xpub", XPUB, "--count", "3", "--key-file",
        treasuryKey.toString(), "--ledger", ledger, "--sweep-id", "test-1",
        "--poll-interval", "20ms", "--expires-in", "2h"));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  private Cli.Result mineUntilDone(CompletableFuture<Cli.Result> run) throws Exception {
    for (int i = 0; i < 2000 && !run.isDone(); i++) {
      node.mineBlock();
      Thread.sleep(20);
    }
    Cli.Result result = run.get(30, TimeUnit.SECONDS);
    runs.add(result);
    return result;
  }

  /** A member of the node's raw account JSON, which shows delegations. */
  private long rawResource(Address address, String name) throws Exception {
    HttpURLConnection connection = (HttpURLConnection) URI.create(
        url + (url.endsWith("/") ? "" : "/") + "wallet/getaccount").toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    try (OutputStream body = connection.getOutputStream()) {
      body.write(("{\"address\":\"" + address.toBase58() + "\",\"visible\":true}")
          .getBytes(StandardCharsets.UTF_8));
    }
    String answer;
    try (InputStream in = connection.getInputStream()) {
      answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      connection.disconnect();
    }
    Object resource = Cli.parse(answer).get("account_resource");
    Object value = resource == null ? null : ((Map<?, ?>) resource).get(name);
    return value == null ? 0 : ((BigInteger) value).longValueExact();
  }

  @Test
  @SuppressWarnings("unchecked")
  void dryRun_fromTheXpubAlone_plansAndChangesNothing() {
    BigInteger treasuryUsdt = usdt(treasury.address());

    // No secret at all: a watch-only plan.
    Cli.Result result = run("sweep", "--node", url, "--xpub", XPUB, "--count", "3",
        "--treasury", treasury.address().toBase58(), "--min", "1", "--dry-run", "--json");
    node.mineBlocks(3);

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertEquals("dry-run", json.get("status"));
    assertEquals("50", json.get("total"));
    List<Map<String, Object>> items = (List<Map<String, Object>>) json.get("items");
    assertEquals(1, items.size());
    assertEquals(full.toBase58(), items.get(0).get("deposit"));
    assertEquals("50", items.get(0).get("balance"));
    List<Map<String, Object>> skipped = (List<Map<String, Object>>) json.get("skipped");
    assertEquals(dusty.toBase58(), skipped.get(0).get("deposit"));
    assertEquals("0.5", skipped.get(0).get("balance"));
    assertEquals(SWEPT, usdt(full));
    assertEquals(DUST, usdt(dusty));
    assertEquals(treasuryUsdt, usdt(treasury.address()));
  }

  @Test
  void sweep_movesTheBalance_returnsTheEnergy_andARerunMovesNothing() throws Exception {
    BigInteger treasuryUsdt = usdt(treasury.address());

    Cli.Result result = mineUntilDone(CompletableFuture.supplyAsync(
        () -> Cli.run(sweep("--json"))));

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertEquals("complete", json.get("status"));
    assertEquals("50", json.get("swept"));
    assertEquals(BigInteger.ZERO, usdt(full));
    assertEquals(DUST, usdt(dusty));
    assertEquals(treasuryUsdt.add(SWEPT), usdt(treasury.address()));
    assertTrue(new BigInteger((String) json.get("delegatedSun")).signum() > 0);
    assertEquals(json.get("delegatedSun"), json.get("returnedSun"));
    assertEquals(0, rawResource(treasury.address(), "delegated_frozenV2_balance_for_energy"));
    assertEquals(0, rawResource(full, "acquired_delegated_frozenV2_balance_for_energy"));

    Cli.Result again = mineUntilDone(CompletableFuture.supplyAsync(() -> Cli.run(sweep())));

    assertEquals(0, again.exitCode(), again.err());
    assertEquals(treasuryUsdt.add(SWEPT), usdt(treasury.address()));
    assertEquals(DUST, usdt(dusty));
  }

  @Test
  void badInput_namesTheFlag() {
    assertFails(1, "--min", sweep("--min", "0"));
    assertFails(1, "--min", sweep("--min", "0.0000001"));
    String otherXpub = (String) Cli.object(CASES.get(1), "account").get("xpub");
    assertFails(1, "--xpub", "sweep", "--node", url, "--mnemonic-file",
        mnemonicFile.toString(), "--xpub", otherXpub, "--key-file", treasuryKey.toString(),
        "--ledger", ledger);
    assertFails(2, "--treasury", "sweep", "--node", url, "--xpub", XPUB, "--dry-run");
    assertFails(2, "--mnemonic-file", "sweep", "--node", url, "--xpub", XPUB,
        "--key-file", treasuryKey.toString());
    assertFails(1, "--treasury", "sweep", "--node", url, "--mnemonic-file",
        mnemonicFile.toString(), "--key-file", treasuryKey.toString(), "--treasury",
        full.toBase58(), "--ledger", ledger);
    assertEquals(SWEPT, usdt(full));
  }

  private void assertFails(int exitCode, String flag, String... args) {
    Cli.Result result = run(args);
    assertEquals(exitCode, result.exitCode(), result.err());
    assertTrue(result.err().contains(flag), "'" + flag + "' not named in: " + result.err());
  }
}

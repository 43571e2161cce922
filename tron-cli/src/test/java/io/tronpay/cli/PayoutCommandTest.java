package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import java.math.BigInteger;
import java.nio.file.Files;
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
 * {@code tron payout batch} against DevNode with an H2 file ledger. What each recipient should
 * get is the file's own row; what it got is DevNode's balance.
 */
class PayoutCommandTest {
  private static final int ROWS = 30;

  @TempDir
  Path dir;

  private DevNode node;
  private String url;
  private DevAccount payer;
  private Path keyFile;
  private String ledger;
  private final List<Address> recipients = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    node = DevNode.builder().seed("payout-command").accounts(ROWS + 1).solidityDepth(1).build();
    url = node.start();
    node.mineBlocks(2);
    payer = node.accounts().get(0);
    for (int i = 1; i <= ROWS; i++) {
      recipients.add(node.accounts().get(i).address());
    }
    keyFile = dir.resolve("payer.key");
    Cli.writeKeyFile(keyFile, payer.revealPrivateKeyHex() + "\n");
    ledger = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  /** Row i pays TRX when i is even, USDT when odd; amounts differ per row. */
  private static String amount(int i) {
    return i % 2 == 0 ? "1." + String.format("%06d", i) : (i + 1) + ".25";
  }

  private static long units(int i) {
    return i % 2 == 0 ? 1_000_000L + i : (i + 1) * 1_000_000L + 250_000L;
  }

  private Path writeCsv(String name, String badLine17) throws Exception {
    StringBuilder csv = new StringBuilder("idempotency_key,to,asset,amount\r\n");
    for (int i = 0; i < ROWS; i++) {
      int line = i + 2;
      if (badLine17 != null && line == 17) {
        csv.append(badLine17).append("\r\n");
        continue;
      }
      // Some keys need RFC 4180 quoting: a comma and a doubled quote.
      String key = i % 7 == 3 ? "\"order,\"\"" + i + "\"\"\"" : "order-" + i;
      csv.append(key).append(',').append(recipients.get(i).toBase58()).append(',')
          .append(i % 2 == 0 ? "TRX" : "USDT").append(',').append(amount(i)).append("\r\n");
    }
    Path file = dir.resolve(name);
    Files.writeString(file, csv);
    return file;
  }

  private List<BigInteger> balances() {
    List<BigInteger> balances = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      balances.add(i % 2 == 0 ? BigInteger.valueOf(node.balance(recipients.get(i)))
          : node.tokenBalance(node.usdt(), recipients.get(i)));
    }
    return balances;
  }

  private String[] batch(Path csv, String... more) {
    List<String> args = new ArrayList<>(List.of("payout", "batch", csv.toString(), "--node", url,
        "--key-file", keyFile.toString(), "--ledger", ledger));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  /** Mines blocks until the command ends, as a chain would go on producing them. */
  private Cli.Result mineUntilDone(CompletableFuture<Cli.Result> run) throws Exception {
    for (int i = 0; i < 2000 && !run.isDone(); i++) {
      node.mineBlock();
      Thread.sleep(20);
    }
    return run.get(60, TimeUnit.SECONDS);
  }

  @Test
  @SuppressWarnings("unchecked")
  void thirtyRows_payEachOnce_andARerunPaysNothing() throws Exception {
    Path csv = writeCsv("payouts.csv", null);
    List<BigInteger> before = balances();

    // DevNode's chain time runs 150 times faster than the wall clock while the test mines, so
    // the transactions get two hours of it to land.
    Cli.Result first = mineUntilDone(CompletableFuture.supplyAsync(() -> Cli.run(batch(csv,
        "--wait", "--poll-interval", "20ms", "--expires-in", "2h", "--json"))));

    assertEquals(0, first.exitCode(), first.err());
    Map<String, Object> json = first.json();
    assertEquals(BigInteger.valueOf(ROWS), json.get("rows"));
    assertEquals(BigInteger.valueOf(ROWS), json.get("new"));
    assertEquals(Map.of("CONFIRMED", BigInteger.valueOf(ROWS)), json.get("states"));
    List<BigInteger> after = balances();
    for (int i = 0; i < ROWS; i++) {
      assertEquals(before.get(i).add(BigInteger.valueOf(units(i))), after.get(i), "row " + i);
    }
    Map<String, Object> quoted = (Map<String, Object>) ((List<Object>) json.get("payouts"))
        .get(3);
    assertEquals("order,\"3\"", quoted.get("idempotencyKey"));
    assertEquals(BigInteger.valueOf(5), quoted.get("line"));

    // The same file again, at a terminal: nothing new is paid, and progress is drawn.
    Cli.Result second = Cli.runAtTerminal(batch(csv, "--json"));
    node.mineBlocks(3);

    assertEquals(0, second.exitCode(), second.err());
    assertEquals(BigInteger.ZERO, second.json().get("new"));
    assertEquals(BigInteger.valueOf(ROWS), second.json().get("alreadyInLedger"));
    assertEquals(after, balances());
    assertTrue(second.err().contains("100% " + ROWS + "/" + ROWS), second.err());
  }

  @Test
  void oneBadRow_paysNothing_andNamesTheLine() throws Exception {
    Path csv = writeCsv("bad.csv", "order-15," + recipients.get(15).toBase58() + ",USDT,1.2345678");
    List<BigInteger> before = balances();

    Cli.Result result = Cli.run(batch(csv));
    node.mineBlocks(3);

    assertEquals(1, result.exitCode(), result.err());
    assertTrue(result.err().contains("bad.csv line 17, column 4 (amount): '1.2345678'"),
        result.err());
    assertTrue(result.err().contains("nothing was paid"), result.err());
    assertEquals(before, balances());
    assertEquals("", result.out());
  }

  @Test
  void repeatedKeyAndBadAddress_areNamedByLine() throws Exception {
    Path csv = dir.resolve("twice.csv");
    Files.writeString(csv, "idempotency_key,to,asset,amount\n"
        + "a," + recipients.get(0).toBase58() + ",TRX,1\n"
        + "b,TNotAnAddress,TRX,1\n"
        + "a," + recipients.get(1).toBase58() + ",TRX,2\n");

    Cli.Result result = Cli.run(batch(csv, "--json"));

    assertEquals(1, result.exitCode(), result.err());
    String error = (String) result.errorJson().get("error");
    assertTrue(error.contains("line 3, column 2 (to): 'TNotAnAddress'"), error);
    assertTrue(error.contains("line 4, column 1 (idempotency_key): idempotency key a repeats "
        + "line 2"), error);
  }

  @Test
  void aKeyReusedForAnotherPayout_isRefusedByTheLedger() throws Exception {
    Path first = dir.resolve("first.csv");
    Files.writeString(first, "idempotency_key,to,asset,amount\nk1,"
        + recipients.get(0).toBase58() + ",TRX,1\n");
    assertEquals(0, Cli.run(batch(first)).exitCode());
    node.mineBlock();
    long paid = node.balance(recipients.get(0));
    Path changed = dir.resolve("changed.csv");
    Files.writeString(changed, "idempotency_key,to,asset,amount\nk1,"
        + recipients.get(0).toBase58() + ",TRX,5\n");

    Cli.Result result = Cli.run(batch(changed));
    node.mineBlock();

    assertEquals(1, result.exitCode(), result.err());
    assertTrue(result.err().contains("line 2, column 1 (idempotency_key): idempotency key k1 "
        + "was already used in the ledger for another payout"), result.err());
    assertEquals(paid, node.balance(recipients.get(0)));
  }

  @Test
  void aRowPayingThePayer_isRefusedBeforeAnyRowIsPaid() throws Exception {
    Path csv = dir.resolve("self.csv");
    Files.writeString(csv, "idempotency_key,to,asset,amount\n"
        + "fine," + recipients.get(0).toBase58() + ",TRX,1\n"
        + "self," + payer.address().toBase58() + ",TRX,1\n");
    long before = node.balance(recipients.get(0));

    Cli.Result result = Cli.run(batch(csv));
    node.mineBlock();

    assertEquals(1, result.exitCode(), result.err());
    assertTrue(result.err().contains("line 3, column 2 (to): is the payer itself"),
        result.err());
    assertEquals(before, node.balance(recipients.get(0)));
  }

  @Test
  void dryRun_sendsNothing_andShowsTotalsAndFees() throws Exception {
    Path csv = writeCsv("dry.csv", null);
    List<BigInteger> before = balances();

    Cli.Result result = Cli.run(batch(csv, "--dry-run", "--json"));
    node.mineBlocks(3);

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(before, balances());
    Map<String, Object> json = result.json();
    assertEquals("dry-run", json.get("status"));
    long trx = 0;
    long usdt = 0;
    for (int i = 0; i < ROWS; i++) {
      if (i % 2 == 0) {
        trx += units(i);
      } else {
        usdt += units(i);
      }
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> totals = (List<Map<String, Object>>) json.get("totals");
    assertEquals(2, totals.size());
    assertEquals("TRX", totals.get(0).get("asset"));
    assertEquals(Long.toString(trx), totals.get(0).get("units"));
    assertEquals("USDT", totals.get(1).get("asset"));
    assertEquals(Long.toString(usdt), totals.get(1).get("units"));
    assertTrue(new BigInteger((String) json.get("estimatedFeeSun")).signum() > 0);
  }

  @Test
  void defaultLedger_isAnH2FileUnderTheHomeFolder() throws Exception {
    Path csv = dir.resolve("one.csv");
    Files.writeString(csv, "idempotency_key,to,asset,amount\nonly,"
        + recipients.get(2).toBase58() + ",TRX,3\n");
    Path home = dir.resolve("home");
    String realHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    Cli.Result result;
    try {
      result = Cli.run("payout", "batch", csv.toString(), "--node", url, "--key-file",
          keyFile.toString());
    } finally {
      System.setProperty("user.home", realHome);
    }

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(Files.exists(home.resolve(".tronpay/payouts/ledger.mv.db")));
    assertFalse(result.out().contains(payer.revealPrivateKeyHex()));
  }
}

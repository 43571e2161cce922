package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.testkit.BroadcastResult;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tron watch} in-process against DevNode, a simulated node over the real HTTP API, which
 * the test thread pays and mines while the command runs.
 */
class WatchCommandTest {
  private static final int SOLIDITY_DEPTH = 3;
  private DevNode node;
  private String url;
  private DevAccount payer;
  private Address deposit;
  private Address other;

  @BeforeEach
  void startNode() {
    // Chain time starts a little in the past, so mining can move it past an expiry that the
    // wall clock also passes.
    node = DevNode.builder().seed("watch-command").solidityDepth(SOLIDITY_DEPTH)
        .genesisTime(Instant.now().minusSeconds(60)).build();
    url = node.start();
    node.mineBlocks(SOLIDITY_DEPTH + 2);
    payer = node.accounts().get(0);
    deposit = node.accounts().get(5).address();
    other = node.accounts().get(6).address();
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  private String pay(Contract contract) {
    Transaction tx = Transaction.of(node.newRawData(contract).build()).sign(payer.privateKey());
    BroadcastResult result = node.broadcast(tx);
    assertTrue(result.accepted(), result.code() + " " + result.message());
    return tx.txId();
  }

  private CompletableFuture<Cli.Result> watch(String... options) {
    List<String> args = new ArrayList<>(List.of("watch", "--node", url,
        "--start-block", Long.toString(node.headBlockNumber() + 1), "--poll-interval", "50ms"));
    args.addAll(List.of(options));
    return CompletableFuture.supplyAsync(() -> Cli.run(args.toArray(new String[0])));
  }

  /** Mines blocks until the command ends, as a chain would go on producing them. */
  private Cli.Result mineUntilDone(CompletableFuture<Cli.Result> run) throws Exception {
    for (int i = 0; i < 2000 && !run.isDone(); i++) {
      node.mineBlock();
      Thread.sleep(20);
    }
    return run.get(30, TimeUnit.SECONDS);
  }

  private static List<Map<String, Object>> lines(String out) {
    List<Map<String, Object>> parsed = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      parsed.add(Cli.parse(line));
    }
    return parsed;
  }

  @Test
  void usdtPaidInFull_printsDetectedThenConfirmed_andExitsZero() throws Exception {
    CompletableFuture<Cli.Result> run = watch("--address", deposit.toBase58(),
        "--amount", "12.34", "--order-id", "order-7", "--json");
    // The monitor takes a moment to start; a block mined first proves nothing is missed.
    node.mineBlock();
    String txId = pay(new TriggerSmartContract(payer.address(), DevNode.MAINNET_USDT,
        new Trc20Call.Transfer(deposit, BigInteger.valueOf(12_340_000)).encode()));
    long block = node.mineBlock();
    Cli.Result result = mineUntilDone(run);

    assertEquals(0, result.exitCode(), result.err());
    List<Map<String, Object>> events = lines(result.out());
    assertEquals(2, events.size(), result.out());
    Map<String, Object> detected = events.get(0);
    assertEquals("payment.detected", detected.get("event"));
    assertEquals("order-7", detected.get("order_id"));
    assertEquals(deposit.toBase58(), detected.get("address"));
    assertEquals("12.34", detected.get("amount"));
    assertEquals(txId, detected.get("txID"));
    assertEquals(BigInteger.valueOf(block), detected.get("block"));
    assertEquals("payment.confirmed", events.get(1).get("event"));
    assertEquals(txId, events.get(1).get("txID"));
    assertEquals(detected.get("payment_id"), events.get(1).get("payment_id"));
  }

  @Test
  void trxOverpaidAtDepth_printsHumanLines_andExitsZero() throws Exception {
    CompletableFuture<Cli.Result> run = watch("--address", other.toBase58(), "--token", "TRX",
        "--amount", "1.5", "--confirmations", "2");
    node.mineBlock();
    String txId = pay(new TransferContract(payer.address(), other, 2_000_000));
    node.mineBlock();
    Cli.Result result = mineUntilDone(run);

    assertEquals(0, result.exitCode(), result.err());
    String[] lines = result.out().strip().split("\n");
    assertEquals(2, lines.length, result.out());
    assertTrue(lines[0].startsWith("payment.detected 2 TRX to " + other.toBase58()), lines[0]);
    assertTrue(lines[0].contains(txId), lines[0]);
    assertTrue(lines[1].startsWith("payment.overpaid 2 TRX"), lines[1]);
  }

  @Test
  void nothingPaid_printsExpired_andExitsOne() throws Exception {
    CompletableFuture<Cli.Result> run = watch("--address", deposit.toBase58(),
        "--amount", "5", "--timeout", "1s", "--json");
    Cli.Result result = mineUntilDone(run);

    assertEquals(1, result.exitCode(), result.err());
    List<Map<String, Object>> events = lines(result.out());
    assertEquals(1, events.size(), result.out());
    assertEquals("payment.expired", events.get(0).get("event"));
    assertEquals(null, events.get(0).get("txID"));
  }

  @Test
  void partialPaymentAtExpiry_printsUnderpaid_andExitsOne() throws Exception {
    CompletableFuture<Cli.Result> run = watch("--address", deposit.toBase58(),
        "--amount", "5", "--timeout", "2s", "--confirmations", "1", "--json");
    node.mineBlock();
    pay(new TriggerSmartContract(payer.address(), DevNode.MAINNET_USDT,
        new Trc20Call.Transfer(deposit, BigInteger.valueOf(1_000_000)).encode()));
    Cli.Result result = mineUntilDone(run);

    assertEquals(1, result.exitCode(), result.err());
    List<Map<String, Object>> events = lines(result.out());
    assertEquals("payment.detected", events.get(0).get("event"));
    assertEquals("payment.underpaid", events.get(events.size() - 1).get("event"));
  }

  @Test
  void unreachableNode_exitsThree() {
    Cli.Result result = Cli.run("watch", "--node", "http://127.0.0.1:1", "--address",
        deposit.toBase58(), "--amount", "1", "--json");
    assertEquals(3, result.exitCode(), result.err());
    assertTrue(result.errorJson().containsKey("error"), result.err());
  }

  @Test
  void badAmount_namesTheFault_andExitsOne() {
    Cli.Result result = Cli.run("watch", "--node", url, "--address", deposit.toBase58(),
        "--amount", "1.1234567", "--json");
    assertEquals(1, result.exitCode(), result.err());
    assertTrue(String.valueOf(result.errorJson().get("error")).contains("--amount"),
        result.err());
  }

  @Test
  void badConfirmations_isAUsageError() {
    Cli.Result result = Cli.run("watch", "--node", url, "--address", deposit.toBase58(),
        "--amount", "1", "--confirmations", "soon");
    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.err().contains("--confirmations"), result.err());
  }
}

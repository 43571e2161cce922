package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import io.tronpay.testkit.DevToken;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tron send} in-process against DevNode. Expected balances and fees are read from
 * DevNode's own ledger; the HD signer's address is tronweb's ({@code wallet/tronweb_hd.json}).
 */
class SendCommandTest {
  /** tronweb's first HD case: its mnemonic and the address at m/44'/195'/0'/0/1. */
  private static final Map<String, Object> HD_CASE =
      Cli.cases("wallet/tronweb_hd.json").get(0);
  private static final String HD_PATH = "m/44'/195'/0'/0/1";
  private static final long HD_FUNDS_SUN = 50_000_000L;

  @TempDir
  Path dir;

  private DevNode node;
  private String url;
  private DevAccount sender;
  private String senderKeyHex;
  private Path keyFile;
  private Address recipient;
  private Address hdAddress;
  private TronClient client;
  private final List<Cli.Result> runs = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    hdAddress = Address.fromBase58(hdDerived(HD_PATH));
    // Chain time close to the wall clock, so an offline transaction stamped now is valid.
    node = DevNode.builder().seed("send-command").solidityDepth(1)
        .genesisTime(Instant.now().minusSeconds(60))
        .genesisAllocation(hdAddress, HD_FUNDS_SUN).build();
    url = node.start();
    node.mineBlocks(3);
    sender = node.accounts().get(0);
    senderKeyHex = sender.revealPrivateKeyHex();
    recipient = node.accounts().get(1).address();
    keyFile = dir.resolve("sender.key");
    Cli.writeKeyFile(keyFile, senderKeyHex + "\n");
    client = TronClient.builder().fullNode(url).build();
  }

  @AfterEach
  void stop() {
    client.close();
    node.close();
    // Whatever each test did, no secret reached any output.
    String phrase = (String) HD_CASE.get("mnemonic");
    for (Cli.Result run : runs) {
      String all = run.out() + run.err();
      assertFalse(all.contains(senderKeyHex), "private key in output: " + all);
      assertFalse(all.contains(phrase.split(" ")[0] + " " + phrase.split(" ")[1]),
          "mnemonic in output: " + all);
    }
  }

  @SuppressWarnings("unchecked")
  private static String hdDerived(String path) {
    for (Map<String, Object> derived : (List<Map<String, Object>>) HD_CASE.get("derived")) {
      if (path.equals(derived.get("path"))) {
        return (String) derived.get("address");
      }
    }
    throw new IllegalStateException("no vector for " + path);
  }

  private Cli.Result run(String... args) {
    Cli.Result result = Cli.run(args);
    runs.add(result);
    return result;
  }

  private Cli.Result runWithStdin(String stdin, String... args) {
    Cli.Result result = Cli.runWithStdin(stdin, args);
    runs.add(result);
    return result;
  }

  private BigInteger usdt(Address holder) {
    return node.tokenBalance(node.usdt(), holder);
  }

  @Test
  void trx_landsTheExactAmount_andPrintsTheJsonContract() {
    long before = node.balance(recipient);

    Cli.Result result = run("send", "trx", "--node", url, "--key-file", keyFile.toString(),
        "--to", recipient.toBase58(), "--amount", "12.345678", "--memo", "invoice 7", "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertEquals(List.of("txID", "status", "fee", "feeSun", "block"),
        new ArrayList<>(json.keySet()));
    assertEquals("broadcast", json.get("status"));
    assertNull(json.get("fee"));
    String txId = (String) json.get("txID");
    node.mineBlock();
    assertEquals(before + 12_345_678L, node.balance(recipient));
    // The node knows the transaction under the printed id, with the memo.
    assertEquals("invoice 7", new String(client.getTransactionById(txId).orElseThrow()
        .decoded().orElseThrow().rawData().data(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void usdt_withWait_confirms_andTheFeeIsWhatTheSenderPaid() throws Exception {
    BigInteger senderUsdt = usdt(sender.address());
    BigInteger recipientUsdt = usdt(recipient);
    long senderTrx = node.balance(sender.address());

    CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> run("send", "usdt",
        "--node", url, "--key-file", keyFile.toString(), "--to", recipient.toBase58(),
        "--amount", "250.5", "--wait", "--poll-interval", "20ms", "--json"));
    Cli.Result result = mineUntilDone(run);

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertEquals("confirmed", json.get("status"));
    assertEquals(BigInteger.valueOf(250_500_000L), recipientUsdt.negate().add(usdt(recipient)));
    assertEquals(BigInteger.valueOf(250_500_000L), senderUsdt.subtract(usdt(sender.address())));
    // A token transfer moves no TRX: all the sender's TRX that went was the fee.
    long paid = senderTrx - node.balance(sender.address());
    assertTrue(paid > 0, "a USDT transfer without staked energy burns TRX");
    assertEquals(Long.toString(paid), json.get("feeSun"));
    assertEquals(new java.math.BigDecimal(paid).movePointLeft(6).stripTrailingZeros()
        .toPlainString(), json.get("fee"));
    assertTrue(((BigInteger) json.get("block")).longValue() > 0);
  }

  @Test
  void dryRun_broadcastsNothing_andPrintsTheEstimate() {
    long senderTrx = node.balance(sender.address());
    BigInteger recipientUsdt = usdt(recipient);

    Cli.Result result = run("send", "usdt", "--node", url, "--key-file", keyFile.toString(),
        "--to", recipient.toBase58(), "--amount", "10", "--dry-run", "--json");
    node.mineBlocks(2);

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertEquals("dry-run", json.get("status"));
    assertEquals(senderTrx, node.balance(sender.address()));
    assertEquals(recipientUsdt, usdt(recipient));
    assertTrue(client.getTransactionById((String) json.get("txID")).isEmpty());
    Map<String, Object> estimate = Cli.object(json, "estimate");
    Map<String, Object> energy = Cli.object(estimate, "energy");
    assertTrue(((BigInteger) energy.get("required")).longValue() > 0, energy.toString());
    assertEquals(estimate.get("totalBurnSun"), json.get("feeSun"));
    // What is printed is the unsigned transaction: nothing anyone could broadcast.
    assertEquals(List.of(), Cli.object(json, "transaction").getOrDefault("signature", List.of()));
  }

  @Test
  void dryRun_forPeople_namesTheCost() {
    Cli.Result result = run("send", "trx", "--node", url, "--key-file", keyFile.toString(),
        "--to", recipient.toBase58(), "--amount", "1", "--dry-run");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("dry run, nothing broadcast: send 1 TRX to "),
        result.out());
    assertTrue(result.out().contains("expected burn "), result.out());
  }

  @Test
  void offline_printsSignedJson_thatVerifies_andTheNodeAcceptsLater() {
    long before = node.balance(recipient);
    String blockId = HexFormat.of().formatHex(node.headBlockId());
    String refBlock = node.headBlockNumber() + ":" + blockId;

    // No --node: offline signing asks nothing of the network.
    Cli.Result signed = run("send", "trx", "--offline", "--ref-block", refBlock,
        "--key-file", keyFile.toString(), "--to", recipient.toBase58(), "--amount", "1.5",
        "--json");
    assertEquals(0, signed.exitCode(), signed.err());
    assertEquals(before, node.balance(recipient));

    Cli.Result verified = runWithStdin(signed.out(), "tx", "verify", "--signer",
        sender.address().toBase58(), "--json");
    assertEquals(0, verified.exitCode(), verified.err());
    assertEquals(true, verified.json().get("valid"));
    assertEquals(signed.json().get("txID"), verified.json().get("txID"));

    Cli.Result broadcast = runWithStdin(signed.out(), "node", "broadcast", "--node", url,
        "--json");
    assertEquals(0, broadcast.exitCode(), broadcast.err());
    assertEquals("ACCEPTED", broadcast.json().get("outcome"));
    node.mineBlock();
    assertEquals(before + 1_500_000L, node.balance(recipient));
  }

  @Test
  void offline_blockIdAlone_andAnExplicitTimestamp() {
    String blockId = HexFormat.of().formatHex(node.headBlockId());
    long time = node.headBlockTime();

    Cli.Result signed = run("send", "usdt", "--offline", "--ref-block", blockId,
        "--timestamp", Long.toString(time), "--expires-in", "10m",
        "--key-file", keyFile.toString(), "--to", recipient.toBase58(), "--amount", "3");

    assertEquals(0, signed.exitCode(), signed.err());
    Map<String, Object> raw = Cli.object(Cli.parse(signed.out()), "raw_data");
    assertEquals(BigInteger.valueOf(time), raw.get("timestamp"));
    assertEquals(BigInteger.valueOf(time + 600_000L), raw.get("expiration"));
    assertEquals(blockId.substring(12, 16), raw.get("ref_block_bytes"));
    assertEquals(blockId.substring(16, 32), raw.get("ref_block_hash"));
    BigInteger before = usdt(recipient);
    assertEquals(0, runWithStdin(signed.out(), "node", "broadcast", "--node", url).exitCode());
    node.mineBlock();
    assertEquals(before.add(BigInteger.valueOf(3_000_000L)), usdt(recipient));
  }

  @Test
  void mnemonicSigner_atAPath_paysFromThatAddress() throws Exception {
    Path mnemonicFile = dir.resolve("phrase.txt");
    Cli.writeKeyFile(mnemonicFile, HD_CASE.get("mnemonic") + "\n");
    long before = node.balance(recipient);

    Cli.Result result = run("send", "trx", "--node", url, "--mnemonic-file",
        mnemonicFile.toString(), "--path", HD_PATH, "--to", recipient.toBase58(),
        "--amount", "2", "--json");
    node.mineBlock();

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(before + 2_000_000L, node.balance(recipient));
    assertTrue(node.balance(hdAddress) <= HD_FUNDS_SUN - 2_000_000L);
  }

  @Test
  void token_readsDecimalsFromTheContract() {
    DevToken token = node.deployToken("Two Decimals", "TWO", 2);
    node.mintToken(token, sender.address(), BigInteger.valueOf(10_000));
    node.mineBlock();

    Cli.Result result = run("send", "token", "--node", url, "--key-file", keyFile.toString(),
        "--contract", token.address().toBase58(), "--to", recipient.toBase58(),
        "--amount", "12.34", "--json");
    node.mineBlock();

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(BigInteger.valueOf(1234), node.tokenBalance(token, recipient));
    assertEquals(BigInteger.valueOf(10_000 - 1234), node.tokenBalance(token, sender.address()));

    Cli.Result tooPrecise = run("send", "token", "--node", url, "--key-file",
        keyFile.toString(), "--contract", token.address().toBase58(), "--to",
        recipient.toBase58(), "--amount", "1.234");
    assertEquals(1, tooPrecise.exitCode());
    assertTrue(tooPrecise.err().contains("--amount 1.234"), tooPrecise.err());
  }

  @Test
  void badInput_exitsOneOrTwo_namingTheFlag() throws Exception {
    long senderTrx = node.balance(sender.address());
    String[] common = {"--node", url, "--key-file", keyFile.toString()};

    assertFails(1, "--amount", run(join(new String[] {"send", "trx", "--to",
        recipient.toBase58(), "--amount", "1.2345678"}, common)));
    assertFails(1, "--amount", run(join(new String[] {"send", "trx", "--to",
        recipient.toBase58(), "--amount", "-1"}, common)));
    assertFails(1, "--to", run(join(new String[] {"send", "trx", "--to", "TNotAnAddress",
        "--amount", "1"}, common)));
    assertFails(1, "--to", run(join(new String[] {"send", "trx", "--to",
        sender.address().toBase58(), "--amount", "1"}, common)));
    assertFails(2, "--key-file", run("send", "trx", "--node", url, "--to",
        recipient.toBase58(), "--amount", "1"));
    assertFails(2, "--ref-block", run("send", "trx", "--offline", "--key-file",
        keyFile.toString(), "--to", recipient.toBase58(), "--amount", "1"));
    assertFails(2, "--mnemonic-file", run(join(new String[] {"send", "trx", "--to",
        recipient.toBase58(), "--amount", "1", "--mnemonic-file", "x"}, common)));
    assertFails(2, "--path", run(join(new String[] {"send", "trx", "--to",
        recipient.toBase58(), "--amount", "1", "--path", "m/0"}, common)));
    assertFails(2, "--amount", run(join(new String[] {"send", "trx", "--to",
        recipient.toBase58()}, common)));
    assertFails(2, "--decimals", run("send", "token", "--offline", "--ref-block",
        HexFormat.of().formatHex(node.headBlockId()), "--key-file", keyFile.toString(),
        "--contract", node.usdt().address().toBase58(), "--to", recipient.toBase58(),
        "--amount", "1"));
    // A file that holds something other than a key: refused without showing what it holds.
    Path wrong = dir.resolve("wrong.key");
    Cli.writeKeyFile(wrong, "zz" + senderKeyHex.substring(2) + "\n");
    Cli.Result badKey = run("send", "trx", "--node", url, "--key-file", wrong.toString(),
        "--to", recipient.toBase58(), "--amount", "1", "--json");
    assertEquals(1, badKey.exitCode());
    assertTrue(((String) badKey.errorJson().get("error")).contains("key file"), badKey.err());
    assertFalse(badKey.err().contains(senderKeyHex.substring(2)), badKey.err());

    node.mineBlock();
    assertEquals(senderTrx, node.balance(sender.address()));
  }

  @Test
  void nodeRefusal_exitsThree_withTheNodesCode() {
    Path poor = dir.resolve("poor.key");
    // A fresh key: its account does not exist, so it has nothing to send.
    io.tronpay.core.PrivateKey key = io.tronpay.core.PrivateKey.generate();
    try {
      Cli.writeKeyFile(poor, key.revealSecretHex() + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      key.destroy();
    }

    Cli.Result result = run("send", "trx", "--node", url, "--key-file", poor.toString(),
        "--to", recipient.toBase58(), "--amount", "1", "--json");

    assertEquals(3, result.exitCode(), result.err());
    assertEquals("CONTRACT_VALIDATE_ERROR", result.errorJson().get("code"));
  }

  private static void assertFails(int exitCode, String flag, Cli.Result result) {
    assertEquals(exitCode, result.exitCode(), result.err());
    assertTrue(result.err().contains(flag), "'" + flag + "' not named in: " + result.err());
    assertEquals("", result.out());
  }

  private static String[] join(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  /** Mines blocks until the command ends, as a chain would go on producing them. */
  private Cli.Result mineUntilDone(CompletableFuture<Cli.Result> run) throws Exception {
    for (int i = 0; i < 2000 && !run.isDone(); i++) {
      node.mineBlock();
      Thread.sleep(20);
    }
    return run.get(30, TimeUnit.SECONDS);
  }
}

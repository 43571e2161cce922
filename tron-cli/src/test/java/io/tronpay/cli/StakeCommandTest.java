package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.Account;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import java.math.BigInteger;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tron stake} in-process against DevNode: each subcommand's effect is read back from the
 * node's accounts (stakes, unstakes, delegations, votes, balances), and amounts are the inputs.
 */
class StakeCommandTest {
  private static final long TRX = 1_000_000L;

  @TempDir
  Path dir;

  private DevNode node;
  private String url;
  private DevAccount owner;
  private Address receiver;
  private Path keyFile;
  private TronClient client;
  private final List<Cli.Result> runs = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    node = DevNode.builder().seed("stake-command").solidityDepth(1).build();
    url = node.start();
    node.mineBlocks(3);
    owner = node.accounts().get(0);
    receiver = node.accounts().get(1).address();
    keyFile = dir.resolve("owner.key");
    Cli.writeKeyFile(keyFile, owner.revealPrivateKeyHex() + "\n");
    client = TronClient.builder().fullNode(url).build();
  }

  @AfterEach
  void stop() {
    client.close();
    node.close();
    for (Cli.Result run : runs) {
      assertFalse((run.out() + run.err()).contains(owner.revealPrivateKeyHex()));
    }
  }

  /** Runs a stake subcommand, mines its block, and returns what the node executed. */
  private TransactionInfo stake(String... args) {
    List<String> all = new ArrayList<>(List.of("stake"));
    all.addAll(List.of(args));
    all.addAll(List.of("--node", url, "--key-file", keyFile.toString(), "--json"));
    Cli.Result result = Cli.run(all.toArray(new String[0]));
    runs.add(result);
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("broadcast", result.json().get("status"));
    node.mineBlock();
    TransactionInfo info = client.getTransactionInfoById((String) result.json().get("txID"))
        .orElseThrow();
    assertFalse(info.failed(), info.resMessage());
    return info;
  }

  private Account account(Address address) {
    return client.getAccount(address).orElseThrow();
  }

  private long frozen(ResourceCode resource) {
    return account(owner.address()).frozenV2().stream().filter(s -> s.resource() == resource)
        .mapToLong(Account.Stake::amount).sum();
  }

  private long unfreezing() {
    return account(owner.address()).unfrozenV2().stream().mapToLong(Account.Unstake::amount)
        .sum();
  }

  /** A member of the node's raw account JSON, which shows delegations. */
  private static long rawResource(String url, Address address, String name) throws Exception {
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
    Map<String, Object> accountJson = Cli.parse(answer);
    Object value = Cli.object(accountJson, "account_resource").get(name);
    return value == null ? 0 : ((BigInteger) value).longValueExact();
  }

  @Test
  void freezeDelegateUndelegateUnfreezeCancelWithdraw_changeTheAccounts() throws Exception {
    long balance = node.balance(owner.address());

    TransactionInfo freeze = stake("freeze", "--amount", "1000", "--resource", "energy");
    assertEquals(1000 * TRX, frozen(ResourceCode.ENERGY));
    assertEquals(balance - 1000 * TRX - freeze.fee(), node.balance(owner.address()));

    stake("freeze", "--amount", "5.5", "--resource", "BANDWIDTH");
    assertEquals(5_500_000L, frozen(ResourceCode.BANDWIDTH));

    stake("delegate", "--receiver", receiver.toBase58(), "--amount", "100",
        "--resource", "energy");
    assertEquals(100 * TRX, rawResource(url, owner.address(),
        "delegated_frozenV2_balance_for_energy"));
    assertEquals(100 * TRX, rawResource(url, receiver,
        "acquired_delegated_frozenV2_balance_for_energy"));
    assertEquals(900 * TRX, frozen(ResourceCode.ENERGY));

    stake("undelegate", "--receiver", receiver.toBase58(), "--amount", "40",
        "--resource", "energy");
    assertEquals(60 * TRX, rawResource(url, owner.address(),
        "delegated_frozenV2_balance_for_energy"));
    assertEquals(60 * TRX, rawResource(url, receiver,
        "acquired_delegated_frozenV2_balance_for_energy"));
    assertEquals(940 * TRX, frozen(ResourceCode.ENERGY));

    stake("unfreeze", "--amount", "200", "--resource", "energy");
    assertEquals(740 * TRX, frozen(ResourceCode.ENERGY));
    assertEquals(200 * TRX, unfreezing());

    stake("cancel-unfreeze");
    assertEquals(940 * TRX, frozen(ResourceCode.ENERGY));
    assertEquals(0, unfreezing());

    stake("unfreeze", "--amount", "300", "--resource", "energy");
    // The unstaking period (14 days) passes.
    node.advanceTime(Duration.ofDays(15));
    node.mineBlock();
    long beforeWithdraw = node.balance(owner.address());
    TransactionInfo withdraw = stake("withdraw");
    assertEquals(0, unfreezing());
    assertEquals(beforeWithdraw + 300 * TRX - withdraw.fee(), node.balance(owner.address()));
    assertEquals(640 * TRX, frozen(ResourceCode.ENERGY));
  }

  @Test
  void vote_thenClaim_paysTheRewardIntoTheBalance() {
    stake("freeze", "--amount", "1000", "--resource", "bandwidth");
    List<Address> witnesses = witnesses();

    stake("vote", witnesses.get(0).toBase58() + "=600", witnesses.get(1).toBase58() + "=400");
    Map<Address, Long> votes = new LinkedHashMap<>();
    account(owner.address()).votes().forEach(v -> votes.put(v.witness(), v.count()));
    assertEquals(Map.of(witnesses.get(0), 600L, witnesses.get(1), 400L), votes);

    node.mineBlocks(5);
    long before = node.balance(owner.address());
    TransactionInfo claim = stake("claim");
    assertTrue(claim.withdrawAmount() > 0, "votes over 5 blocks earn a reward");
    assertEquals(before + claim.withdrawAmount() - claim.fee(), node.balance(owner.address()));
  }

  @Test
  void lockedDelegation_cannotBeTakenBackEarly() {
    stake("freeze", "--amount", "50", "--resource", "energy");
    stake("delegate", "--receiver", receiver.toBase58(), "--amount", "10",
        "--resource", "energy", "--lock-period", "100");

    Cli.Result early = Cli.run("stake", "undelegate", "--receiver", receiver.toBase58(),
        "--amount", "10", "--resource", "energy", "--node", url, "--key-file",
        keyFile.toString(), "--json");
    runs.add(early);

    assertEquals(3, early.exitCode(), early.err());
    assertEquals("CONTRACT_VALIDATE_ERROR", early.errorJson().get("code"));
  }

  @Test
  void badInput_namesTheFlagOrVote() {
    String[] signer = {"--node", url, "--key-file", keyFile.toString()};
    assertFails(1, "--resource", "freeze", "--amount", "1", "--resource", "power", signer);
    assertFails(1, "--amount", "freeze", "--amount", "1.0000001", "--resource", "energy",
        signer);
    assertFails(2, "--resource", "freeze", "--amount", "1", signer);
    assertFails(1, "--receiver", "delegate", "--receiver", owner.address().toBase58(),
        "--amount", "1", "--resource", "energy", signer);
    assertFails(1, "vote 2", "vote", witnesses().get(0).toBase58() + "=1", "nonsense", signer);
    assertFails(1, "vote 1 count", "vote", witnesses().get(0).toBase58() + "=0", signer);
    assertFails(1, "--lock-period", "delegate", "--receiver", receiver.toBase58(),
        "--amount", "1", "--resource", "energy", "--lock-period", "999999999", signer);
  }

  private void assertFails(int exitCode, String named, String subcommand, Object... rest) {
    List<String> args = new ArrayList<>(List.of("stake", subcommand));
    for (Object item : rest) {
      if (item instanceof String[] many) {
        args.addAll(List.of(many));
      } else {
        args.add((String) item);
      }
    }
    Cli.Result result = Cli.run(args.toArray(new String[0]));
    runs.add(result);
    assertEquals(exitCode, result.exitCode(), result.err());
    assertTrue(result.err().contains(named), "'" + named + "' not named in: " + result.err());
  }

  /** The super representatives, read from the producers of the first blocks. */
  private List<Address> witnesses() {
    List<Address> out = new ArrayList<>();
    for (long n = 1; n <= 3; n++) {
      Address w = client.getBlockByNum(n).orElseThrow().witness();
      if (!out.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}

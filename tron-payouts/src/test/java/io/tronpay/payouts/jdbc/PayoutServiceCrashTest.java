package io.tronpay.payouts.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.checks.jdbc.FaultyDataSource;
import io.tronpay.checks.jdbc.SmallPool;
import io.tronpay.checks.jdbc.TestDatabases;
import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import io.tronpay.core.TokenAmount;
import io.tronpay.payouts.Asset;
import io.tronpay.payouts.Payout;
import io.tronpay.payouts.PayoutFilter;
import io.tronpay.payouts.PayoutRequest;
import io.tronpay.payouts.PayoutService;
import io.tronpay.payouts.PayoutState;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import io.tronpay.testkit.DevToken;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PayoutService} over {@link JdbcPayoutLedger} against DevNode, with the database failing
 * at its k-th statement or commit: before it runs (nothing happened) or after (a commit landed
 * but its answer was lost). The failure crashes the service; a fresh service over the same
 * database is handed the same requests again and resumes. Every recipient is a fresh address
 * used by one key only, so its balance on DevNode counts what that key paid: exactly its amount.
 */
class PayoutServiceCrashTest {
  private static final int PAYOUTS = 2;

  private static DevNode node;
  private static TronClient client;
  private static DevAccount payer;
  private static DevToken usdt;

  @BeforeAll
  static void startChain() {
    node = DevNode.builder().seed("payouts-jdbc-crash").solidityDepth(1).build();
    String url = node.start();
    client = TronClient.builder().fullNode(url).retryPolicy(new RetryPolicy(8,
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(2))).build();
    payer = node.accounts().get(0);
    usdt = node.usdt();
  }

  @AfterAll
  static void stopChain() {
    client.close();
    node.close();
  }

  @Test
  void h2_crashAtEveryStatementAndCommit_eachKeyPaysExactlyOnce() {
    // Every operation, alternating a fault before it with a lost answer after it.
    int mostAttempts = crashAt(new SmallPool(TestDatabases.h2()), "h2", k -> true);
    // Some restarts came after the signed transaction expired: it was rebuilt, not paid twice.
    assertEquals(2, mostAttempts);
  }

  @Test
  void postgres_crashAtEveryThirdStatementOrCommit_eachKeyPaysExactlyOnce() {
    DataSource pg = new SmallPool(TestDatabases.postgres());
    crashAt(pg, "pg", k -> k % 3 == 1);
  }

  /** Runs the batch once without faults, then once per chosen k; returns the most attempts. */
  private int crashAt(DataSource ds, String label, IntPredicate chosen) {
    List<String> prefixes = new ArrayList<>();
    try {
      // A fault-free run counts the operations a fault can hit.
      int[] clean = run(ds, prefixes, label + "-clean", 0, null);
      int total = clean[0];
      assertTrue(total > 15, "only " + total + " operations");
      int crashes = 0;
      int mostAttempts = clean[1];
      for (int k = 1; k <= total; k++) {
        if (chosen.test(k)) {
          FaultyDataSource.Fault fault = k % 2 == 1 ? FaultyDataSource.Fault.BEFORE
              : FaultyDataSource.Fault.AFTER;
          mostAttempts = Math.max(mostAttempts, run(ds, prefixes, label + "-k" + k, k, fault)[1]);
          crashes++;
        }
      }
      assertTrue(crashes > 5, "only " + crashes + " crash points");
      return mostAttempts;
    } finally {
      for (String p : prefixes) {
        TestDatabases.dropTables(ds, p, "payouts", "payout_schema");
      }
    }
  }

  /**
   * One batch through a crash at operation k (none for k = 0) and a restart, on a fresh prefix.
   *
   * @return the operations the first service ran, and the most transactions built for one key
   */
  private int[] run(DataSource ds, List<String> prefixes, String label, int k,
      FaultyDataSource.Fault fault) {
    String prefix = TestDatabases.uniquePrefix("p");
    prefixes.add(prefix);
    JdbcPayoutLedger.builder(ds).tablePrefix(prefix).build().migrate();
    Asset asset = Asset.trc20("USDT", usdt.address(), 6);
    List<PayoutRequest> requests = new ArrayList<>();
    List<Address> recipients = new ArrayList<>();
    List<BigInteger> amounts = new ArrayList<>();
    for (int i = 0; i < PAYOUTS; i++) {
      Address to = freshAddress(label + "/" + i);
      BigInteger units = BigInteger.valueOf(1_000 + 7L * i + k);
      recipients.add(to);
      amounts.add(units);
      requests.add(PayoutRequest.token(label + "-" + i, to, asset, TokenAmount.of(units, 6)));
    }
    BigInteger payerBefore = node.tokenBalance(usdt, payer.address());

    FaultyDataSource faulty = new FaultyDataSource(ds);
    PayoutService first = service(faulty, prefix);
    if (k > 0) {
      faulty.failAt(k, fault);
    }
    boolean crashed = false;
    try {
      first.submitBatch(requests);
      settle(first);
    } catch (PayoutLedgerException e) {
      crashed = true;
    }
    int operations = faulty.operations();
    if (k > 0) {
      assertTrue(crashed, label + ": the fault at operation " + k + " did not surface");
      assertNotNull(faulty.failedOperation(), label);
      if (k % 4 == 0) {
        // A late restart: whatever was signed has expired meanwhile and must be rebuilt.
        node.advanceTime(Duration.ofMinutes(2));
      }
      node.mineBlock();
      PayoutService restarted = service(ds, prefix);
      restarted.submitBatch(requests);
      settle(restarted);
      assertEquals(0, restarted.resume(), label);
    }

    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < PAYOUTS; i++) {
      assertEquals(amounts.get(i), node.tokenBalance(usdt, recipients.get(i)),
          label + ": key " + i + " (fault " + fault + " at " + faulty.failedOperation() + ")");
      total = total.add(amounts.get(i));
    }
    assertEquals(payerBefore.subtract(total), node.tokenBalance(usdt, payer.address()), label);
    JdbcPayoutLedger check = JdbcPayoutLedger.builder(ds).tablePrefix(prefix).build();
    List<Payout> stored = check.find(PayoutFilter.all());
    assertEquals(PAYOUTS, stored.size(), label);
    assertEquals((long) PAYOUTS, check.analytics().counts().get(PayoutState.CONFIRMED), label);
    assertEquals(Map.of(asset.key(), total), check.analytics().confirmedVolume(), label);
    int mostAttempts = 0;
    for (Payout p : stored) {
      mostAttempts = Math.max(mostAttempts, p.attempt());
    }
    return new int[] {operations, mostAttempts};
  }

  private static PayoutService service(DataSource ds, String prefix) {
    JdbcPayoutLedger ledger = JdbcPayoutLedger.builder(ds).tablePrefix(prefix).build();
    return PayoutService.builder().client(client).ledger(ledger)
        .payer(payer.address(), payer.privateKey()).build();
  }

  private static void settle(PayoutService service) {
    for (int round = 0; round < 30 && service.resume() > 0; round++) {
      node.mineBlock();
    }
  }

  /** An address nobody holds a key to or has used: its balance is what this test sent it. */
  private static Address freshAddress(String label) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[0] = Address.PREFIX;
    System.arraycopy(Hashes.sha256(label.getBytes(StandardCharsets.UTF_8)), 0, bytes, 1, 20);
    return Address.fromBytes(bytes);
  }
}

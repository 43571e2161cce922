package io.tronpay.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevToken;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crashes and faults never make a key pay twice. Every recipient is a fresh address used by one
 * key only, so its balance on DevNode counts that key's on-chain transfers.
 */
class CrashSafetyTest {
  private static final long SEED = 20_261_123L;

  private TestChain chain;
  private DevAccount payer;
  private DevToken usdt;

  @BeforeEach
  void start() {
    chain = new TestChain("payouts-crash", 1);
    payer = chain.account(0);
    usdt = chain.node.usdt();
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  private List<PayoutRequest> batch(String prefix, int size, Random random, List<Address> to,
      List<BigInteger> amounts) {
    Asset asset = Asset.trc20("USDT", usdt.address(), 6);
    List<PayoutRequest> requests = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Address recipient = PrivateKey.generate(new java.security.SecureRandom(
          (prefix + i + ":" + random.nextLong()).getBytes(
              java.nio.charset.StandardCharsets.UTF_8))).address();
      BigInteger units = BigInteger.valueOf(1 + random.nextInt(50_000_000));
      to.add(recipient);
      amounts.add(units);
      requests.add(PayoutRequest.token(prefix + i, recipient, asset, TokenAmount.of(units, 6)));
    }
    return requests;
  }

  private PayoutService restart(PayoutLedger ledger) {
    return PayoutService.builder().client(chain.client).ledger(ledger)
        .payer(payer.address(), payer.privateKey()).build();
  }

  @Test
  void batchOf200_withRandomCrashes_paysEachKeyExactlyOnce() {
    Random random = new Random(SEED);
    List<Address> to = new ArrayList<>();
    List<BigInteger> amounts = new ArrayList<>();
    List<PayoutRequest> requests = batch("crash-", 200, random, to, amounts);
    InMemoryPayoutLedger durable = new InMemoryPayoutLedger();
    CrashingLedger crashing = new CrashingLedger(durable, SEED, 0.04);
    BigInteger payerBefore = chain.node.tokenBalance(usdt, payer.address());

    int restarts = 0;
    boolean done = false;
    while (!done && restarts < 500) {
      PayoutService service = restart(crashing);
      try {
        service.submitBatch(requests);
        int rounds = 0;
        while (service.resume() > 0 && rounds++ < 50) {
          chain.node.mineBlock();
        }
        done = service.resume() == 0;
      } catch (CrashingLedger.Crash crash) {
        restarts++;
        if (restarts % 7 == 0) {
          // Some restarts come late: the stored transactions have expired meanwhile.
          chain.node.advanceTime(Duration.ofMinutes(2));
        }
        chain.node.mineBlock();
      }
    }
    assertTrue(done, "did not finish after " + restarts + " restarts");
    for (CrashingLedger.Point point : CrashingLedger.Point.values()) {
      assertTrue(crashing.crashes().getOrDefault(point, 0) > 0, "no crash at " + point);
    }
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < to.size(); i++) {
      assertEquals(amounts.get(i), chain.node.tokenBalance(usdt, to.get(i)), "key crash-" + i);
      total = total.add(amounts.get(i));
    }
    assertEquals(payerBefore.subtract(total), chain.node.tokenBalance(usdt, payer.address()));
    assertEquals(200L, durable.analytics().counts().get(PayoutState.CONFIRMED));
  }

  @Test
  void batchOf1000_under429And5xxFaults_paysEachKeyExactlyOnce() {
    Random random = new Random(SEED + 1);
    List<Address> to = new ArrayList<>();
    List<BigInteger> amounts = new ArrayList<>();
    List<PayoutRequest> requests = batch("fault-", 1000, random, to, amounts);
    for (int i = 0; i < 150; i++) {
      chain.node.faults().failNext(1, 503, "/wallet/broadcasttransaction")
          .failNext(1, 429, "/wallet/broadcasttransaction")
          .failNext(1, 500, null)
          .failNext(1, 429, null)
          .disconnectNext(1);
    }
    InMemoryPayoutLedger ledger = new InMemoryPayoutLedger();
    PayoutService service = restart(ledger);
    service.submitBatch(requests);
    int rounds = 0;
    while (service.resume() > 0 && rounds++ < 100) {
      chain.node.mineBlock();
      if (rounds % 10 == 0) {
        chain.node.advanceTime(Duration.ofMinutes(2));
      }
    }
    assertEquals(0, service.resume());
    for (int i = 0; i < to.size(); i++) {
      assertEquals(amounts.get(i), chain.node.tokenBalance(usdt, to.get(i)), "key fault-" + i);
    }
    assertEquals(1000L, ledger.analytics().counts().get(PayoutState.CONFIRMED));
  }
}

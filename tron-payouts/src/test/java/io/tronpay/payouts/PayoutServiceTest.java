package io.tronpay.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevToken;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayoutServiceTest {
  private TestChain chain;
  private DevAccount payer;
  private DevToken usdt;
  private InMemoryPayoutLedger ledger;
  private TronClient noRetries;

  @BeforeEach
  void start() {
    chain = new TestChain("payouts-service", 1);
    noRetries = TestChain.clientBuilder(chain.node.url()).retryPolicy(RetryPolicy.NONE).build();
    payer = chain.account(0);
    usdt = chain.node.usdt();
    ledger = new InMemoryPayoutLedger();
  }

  @AfterEach
  void stop() {
    noRetries.close();
    chain.close();
  }

  private PayoutService.Builder service() {
    return PayoutService.builder().client(chain.client).ledger(ledger)
        .payer(payer.address(), payer.privateKey());
  }

  private Asset usdtAsset() {
    return Asset.trc20("USDT", usdt.address(), 6);
  }

  private void settle(PayoutService service) {
    for (int i = 0; i < 20 && service.resume() > 0; i++) {
      chain.node.mineBlock();
    }
  }

  @Test
  void submit_usdt_confirmsWithFeeAndPaysOnce() {
    PayoutService service = service().build();
    Address to = PrivateKey.generate().address();
    Payout p = service.submit(PayoutRequest.token("order-1", to, usdtAsset(),
        TokenAmount.parse("25.5", 6)));
    assertEquals(PayoutState.BROADCAST, p.state());
    settle(service);
    Payout done = service.status(p.id()).orElseThrow();
    assertEquals(PayoutState.CONFIRMED, done.state());
    assertEquals(BigInteger.valueOf(25_500_000), chain.node.tokenBalance(usdt, to));
    long charged = chain.client.getTransactionInfoById(done.txId()).orElseThrow().fee();
    assertEquals(charged, done.feeSun());
    assertTrue(done.feeSun() > 0);
  }

  @Test
  void submit_sameKeyTwice_returnsTheSamePayoutAndPaysOnce() {
    PayoutService service = service().build();
    Address to = PrivateKey.generate().address();
    PayoutRequest request = PayoutRequest.trx("same-key", to, 3_000_000);
    Payout first = service.submit(request);
    Payout second = service.submit(request);
    assertEquals(first.id(), second.id());
    assertEquals(first.txId(), second.txId());
    settle(service);
    assertEquals(first.id(), service.submit(request).id());
    settle(service);
    assertEquals(3_000_000, chain.node.balance(to));
    assertEquals(1, service.history(PayoutFilter.all()).size());
  }

  @Test
  void submit_sameKeyDifferentPayout_namesTheKey() {
    PayoutService service = service().build();
    Address to = PrivateKey.generate().address();
    service.submit(PayoutRequest.trx("k1", to, 3_000_000));
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> service.submit(PayoutRequest.trx("k1", to, 4_000_000)));
    assertEquals("requests[0].idempotencyKey", e.field());
  }

  @Test
  void policyRefusal_leavesNothingStoredOrSigned() {
    LimitsPolicy limits = LimitsPolicy.builder()
        .limit(usdtAsset(), BigInteger.valueOf(100_000_000), BigInteger.valueOf(250_000_000))
        .build();
    PayoutService service = service().policy(limits).build();
    long head = chain.node.headBlockNumber();
    Address to = PrivateKey.generate().address();
    PayoutRefusedException tooBig = assertThrows(PayoutRefusedException.class,
        () -> service.submit(PayoutRequest.token("big", to, usdtAsset(),
            TokenAmount.parse("100.000001", 6))));
    assertEquals("big", tooBig.idempotencyKey());

    List<PayoutRequest> batch = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batch.add(PayoutRequest.token("b" + i, to, usdtAsset(), TokenAmount.parse("90", 6)));
    }
    PayoutRefusedException daily = assertThrows(PayoutRefusedException.class,
        () -> service.submitBatch(batch));
    assertEquals("b2", daily.idempotencyKey());

    assertThrows(PayoutRefusedException.class,
        () -> service.submit(PayoutRequest.trx("no-trx-limit", to, 1_000_000)));
    assertEquals(List.of(), service.history(PayoutFilter.all()));
    chain.node.mineBlock();
    assertEquals(head + 1, chain.node.headBlockNumber());
    assertEquals(BigInteger.ZERO, chain.node.tokenBalance(usdt, to));
    assertTrue(chain.client.getBlockByNum(head + 1).orElseThrow().transactions().isEmpty());
  }

  @Test
  void limitsPolicy_countsTheLast24Hours_acrossSubmits() {
    LimitsPolicy limits = LimitsPolicy.builder()
        .limit(Asset.TRX, BigInteger.valueOf(5_000_000), BigInteger.valueOf(8_000_000)).build();
    PayoutService service = service().policy(limits).build();
    service.submit(PayoutRequest.trx("t1", PrivateKey.generate().address(), 5_000_000));
    assertThrows(PayoutRefusedException.class, () -> service.submit(
        PayoutRequest.trx("t2", PrivateKey.generate().address(), 4_000_000)));
    service.submit(PayoutRequest.trx("t3", PrivateKey.generate().address(), 3_000_000));
  }

  @Test
  void batch_withAnInvalidRequest_storesNothing() {
    PayoutService service = service().build();
    List<PayoutRequest> batch = List.of(
        PayoutRequest.trx("x1", PrivateKey.generate().address(), 1_000_000),
        PayoutRequest.trx("x2", payer.address(), 1_000_000));
    InvalidFieldException e = assertThrows(InvalidFieldException.class,
        () -> service.submitBatch(batch));
    assertEquals("requests[1].to", e.field());
    List<PayoutRequest> dup = List.of(
        PayoutRequest.trx("x1", PrivateKey.generate().address(), 1_000_000),
        PayoutRequest.trx("x1", PrivateKey.generate().address(), 2_000_000));
    assertEquals("requests[1].idempotencyKey",
        assertThrows(InvalidFieldException.class, () -> service.submitBatch(dup)).field());
    assertEquals(List.of(), service.history(PayoutFilter.all()));
  }

  @Test
  void batch_over1000_isRefusedAsAWhole() {
    PayoutService service = service().build();
    List<PayoutRequest> batch = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      batch.add(PayoutRequest.trx("k" + i, chain.account(1).address(), 1));
    }
    assertEquals("requests", assertThrows(InvalidFieldException.class,
        () -> service.submitBatch(batch)).field());
  }

  @Test
  void cancel_beforeBroadcast_isFinal_afterBroadcast_isRefused() {
    chain.node.faults().failNext(1, 503, "/wallet/getnowblock");
    PayoutService service = service().client(noRetries).build();
    Address to = PrivateKey.generate().address();
    Payout stuck = service.submit(PayoutRequest.trx("c1", to, 2_000_000));
    assertEquals(PayoutState.REQUESTED, stuck.state());
    assertEquals(PayoutState.CANCELLED, service.cancel(stuck.id()).state());
    assertEquals(0, service.resume());

    Payout sent = service.submit(PayoutRequest.trx("c2", to, 2_000_000));
    assertEquals(PayoutState.BROADCAST, sent.state());
    assertThrows(IllegalStateException.class, () -> service.cancel(sent.id()));
    settle(service);
    assertEquals(2_000_000, chain.node.balance(to));
  }

  @Test
  void expiredUnseen_isRebuiltUnderTheSameKey_andPaysOnce() {
    PayoutService service = service().build();
    Address to = PrivateKey.generate().address();
    chain.node.faults().failNext(1, 503, "/wallet/broadcasttransaction");
    Payout p = service.submit(PayoutRequest.trx("exp", to, 9_000_000));
    assertEquals(PayoutState.SIGNED, p.state());
    String firstTx = p.txId();
    chain.node.advanceTime(Duration.ofMinutes(2));
    chain.node.mineBlocks(3);
    settle(service);
    Payout done = service.status(p.id()).orElseThrow();
    assertEquals(PayoutState.CONFIRMED, done.state());
    assertEquals(2, done.attempt());
    assertNotEquals(firstTx, done.txId());
    assertTrue(chain.client.getTransactionById(firstTx).isEmpty());
    assertEquals(9_000_000, chain.node.balance(to));
  }

  @Test
  void nodeRefusal_failsOnceExpired_withTheNodesCode() {
    Address poor = PrivateKey.generate().address();
    PrivateKey poorKey = PrivateKey.generate();
    chain.node.fund(poorKey.address(), 2_000_000);
    PayoutService service = PayoutService.builder().client(chain.client).ledger(ledger)
        .payer(poorKey.address(), poorKey).build();
    Payout p = service.submit(PayoutRequest.trx("too-much", poor, 50_000_000));
    assertEquals(PayoutState.SIGNED, p.state());
    assertTrue(p.lastError().startsWith("CONTRACT_VALIDATE_ERROR"), p.lastError());
    chain.node.advanceTime(Duration.ofMinutes(2));
    chain.node.mineBlocks(3);
    service.resume();
    assertEquals(PayoutState.FAILED, service.status(p.id()).orElseThrow().state());
    assertEquals(0, chain.node.balance(poor));
  }

  @Test
  void refund_paysTheSenderOnce_underAKeyFromThePayment() {
    PayoutService service = service().build();
    Address sender = PrivateKey.generate().address();
    ReceivedPayment payment = new ReceivedPayment("pay-77", sender, usdtAsset(),
        TokenAmount.parse("4.2", 6));
    Payout refund = service.refund(payment);
    assertEquals("refund:pay-77", refund.idempotencyKey());
    assertEquals(refund.id(), service.refund(payment).id());
    settle(service);
    assertEquals(BigInteger.valueOf(4_200_000), chain.node.tokenBalance(usdt, sender));
  }

  @Test
  void historyAndAnalytics_reportCountsVolumeAndFees() {
    PayoutService service = service().client(noRetries).build();
    for (int i = 0; i < 3; i++) {
      service.submit(PayoutRequest.token("h" + i, PrivateKey.generate().address(), usdtAsset(),
          TokenAmount.of(1_000_000L * (i + 1), 6)));
    }
    chain.node.faults().failNext(1, 503, "/wallet/getnowblock");
    Payout cancelled = service.submit(PayoutRequest.trx("h-trx",
        PrivateKey.generate().address(), 1_000_000));
    service.cancel(cancelled.id());
    settle(service);
    PayoutAnalytics a = service.analytics();
    assertEquals(3L, a.counts().get(PayoutState.CONFIRMED));
    assertEquals(1L, a.counts().get(PayoutState.CANCELLED));
    assertEquals(BigInteger.valueOf(6_000_000), a.confirmedVolume().get(usdtAsset().key()));
    long fees = 0;
    for (Payout p : service.history(PayoutFilter.inStates(Set.of(PayoutState.CONFIRMED)))) {
      fees += chain.client.getTransactionInfoById(p.txId()).orElseThrow().fee();
    }
    assertEquals(fees, a.feesBurnedSun());
    assertEquals(3, service.history(new PayoutFilter(Set.of(), usdtAsset(), null, null, null,
        10)).size());
  }

  @Test
  void resume_withManyPayoutsWaiting_readsEachSolidifiedBlockOnceInsteadOfEachPayout() {
    PayoutService service = service().build();
    List<PayoutRequest> batch = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      batch.add(PayoutRequest.trx("many-" + i, PrivateKey.generate().address(), 1_000_000));
    }
    service.submitBatch(batch);
    long before = chain.client.stats().requests();
    chain.node.mineBlock();
    assertEquals(40, service.resume());
    chain.node.mineBlock();
    assertEquals(0, service.resume());
    // Per pass: the solidified head and one block of transaction infos, not 40 lookups.
    assertTrue(chain.client.stats().requests() - before <= 4,
        () -> (chain.client.stats().requests() - before) + " requests");

    PayoutService restarted = service().build();
    Payout late = restarted.submit(PayoutRequest.trx("after-restart",
        PrivateKey.generate().address(), 1_000_000));
    settle(restarted);
    assertEquals(PayoutState.CONFIRMED, restarted.status(late.id()).orElseThrow().state());
    assertEquals(41L, service.analytics().counts().get(PayoutState.CONFIRMED));
  }
}

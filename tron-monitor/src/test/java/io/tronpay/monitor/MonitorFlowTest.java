package io.tronpay.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The monitor's matching, state machine, outbox and restart behaviour over an in-test chain. */
class MonitorFlowTest {
  private static final int SOLID_DEPTH = 5;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeChain chain = new FakeChain(clock, SOLID_DEPTH);
  private final InMemoryPaymentStore store = new InMemoryPaymentStore();
  private final RecordingListener listener = new RecordingListener();

  static Address address(int n) {
    byte[] id = new byte[20];
    id[0] = 0x11;
    id[16] = (byte) (n >>> 24);
    id[17] = (byte) (n >>> 16);
    id[18] = (byte) (n >>> 8);
    id[19] = (byte) n;
    return Address.fromAccountId(id);
  }

  private PaymentMonitor monitor(RecordingListener l) {
    return PaymentMonitor.builder().source(chain).store(store).listener(l).clock(clock)
        .deliveryPolicy(new DeliveryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(4)))
        .build();
  }

  private static PaymentRequest usdt(String order, Address to, long units) {
    return PaymentRequest.builder().orderId(order).address(to)
        .usdt(TokenAmount.of(units, 6)).expiresIn(Duration.ofMinutes(10)).build();
  }

  private void confirmAll(PaymentMonitor m) {
    chain.mineEmpty(SOLID_DEPTH);
    m.tick();
  }

  @Test
  void exactPayment_detectedThenConfirmed() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 10_000_000));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 10_000_000));
    m.tick();
    assertEquals(List.of("payment.detected"), listener.types(p.id()));
    assertEquals(PaymentStatus.SEEN, m.status(p.id()).orElseThrow().status());
    confirmAll(m);
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()));
    Payment done = m.status(p.id()).orElseThrow();
    assertEquals(PaymentStatus.CONFIRMED, done.status());
    assertEquals(TokenAmount.of(10_000_000, 6), done.received());
    assertFalse(listener.reentered);
  }

  @Test
  void partialPayments_addUpToOneConfirmation() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 10_000_000));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 4_000_000));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 6_000_000));
    m.tick();
    confirmAll(m);
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()));
    assertEquals(2, m.transfers(p.id()).size());
  }

  @Test
  void overpayment_isReportedAsOverpaid() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 10_000_000));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 12_000_000));
    m.tick();
    confirmAll(m);
    assertEquals(List.of("payment.detected", "payment.overpaid"), listener.types(p.id()));
    assertEquals(TokenAmount.of(12_000_000, 6), m.status(p.id()).orElseThrow().received());
  }

  @Test
  void partialPayment_atExpiry_isUnderpaid() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 10_000_000).toBuilder()
        .expiresIn(Duration.ofSeconds(30)).build());
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 4_000_000));
    chain.mineEmpty(20);
    m.tick();
    assertEquals(List.of("payment.detected", "payment.underpaid"), listener.types(p.id()));
    assertEquals(TokenAmount.of(4_000_000, 6), m.status(p.id()).orElseThrow().received());
  }

  @Test
  void nothingPaid_atExpiry_isExpired_onlyOnceTheChainIsSettledPastIt() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 1).toBuilder()
        .expiresIn(Duration.ofSeconds(30)).build());
    m.tick();
    clock.advance(Duration.ofMinutes(5));
    m.tick();
    assertEquals(List.of(), listener.types(p.id()), "the chain has not been read past expiry");
    chain.mineEmpty(SOLID_DEPTH + 2);
    m.tick();
    assertEquals(List.of("payment.expired"), listener.types(p.id()));
  }

  @Test
  void paymentAfterExpiry_isLate() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 5).toBuilder()
        .expiresIn(Duration.ofSeconds(30)).build());
    chain.mineEmpty(20);
    m.tick();
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    m.tick();
    confirmAll(m);
    assertEquals(List.of("payment.expired", "payment.late"), listener.types(p.id()));
    assertEquals(PaymentStatus.LATE, m.status(p.id()).orElseThrow().status());
  }

  @Test
  void latePayment_beforeTheExpiryPass_expiresThenIsLate() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 5).toBuilder()
        .expiresIn(Duration.ofSeconds(30)).build());
    chain.mineEmpty(12);
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    chain.mineEmpty(SOLID_DEPTH);
    m.scanOnce();
    m.scanOnce();
    m.deliverOnce();
    assertEquals(List.of("payment.expired", "payment.late"), listener.types(p.id()));
  }

  @Test
  void sharedAddress_uniqueAmounts_matchExactlyAndTheRestIsUnmatched() {
    PaymentMonitor m = monitor(listener);
    Address shop = address(7);
    PaymentRequest base = usdt("x", shop, 5_000_000);
    Payment a = m.watchShared(base.toBuilder().id("a").orderId("oa").build(),
        AmountAllocator.DEFAULT);
    Payment b = m.watchShared(base.toBuilder().id("b").orderId("ob").build(),
        AmountAllocator.DEFAULT);
    Payment c = m.watchShared(base.toBuilder().id("c").orderId("oc").build(),
        AmountAllocator.DEFAULT);
    assertEquals(List.of(BigInteger.valueOf(5_000_001), BigInteger.valueOf(5_000_002),
        BigInteger.valueOf(5_000_003)), List.of(a.request().expectedUnits(),
        b.request().expectedUnits(), c.request().expectedUnits()));

    chain.mine(new FakeChain.Pay(Asset.USDT, shop, 5_000_002),
        new FakeChain.Pay(Asset.USDT, shop, 5_000_000));
    m.tick();
    confirmAll(m);
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types("b"));
    assertEquals(List.of(), listener.types("a"));
    assertEquals(List.of(), listener.types("c"));
    List<PaymentEvent> unmatched = listener.events.stream()
        .filter(e -> e.type() == EventType.TRANSFER_UNMATCHED).toList();
    assertEquals(1, unmatched.size());
    assertEquals(TokenAmount.of(5_000_000, 6), unmatched.get(0).amount());
    assertEquals(1, m.stats().unmatchedTransfers());
  }

  @Test
  void wrongAssetToWatchedAddress_isUnmatched_andUnwatchedAddressIsIgnored() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.TRX, address(1), 5),
        new FakeChain.Pay(Asset.USDT, address(2), 5));
    m.tick();
    confirmAll(m);
    assertEquals(List.of(), listener.types(p.id()));
    assertEquals(List.of("transfer.unmatched"), listener.allTypes());
    assertEquals(address(1), listener.events.get(0).address());
    assertEquals(PaymentStatus.PENDING, m.status(p.id()).orElseThrow().status());
  }

  @Test
  void reorgBeforeConfirmation_reverts_thenTheReplacementIsCreditedOnce() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5, "aa".repeat(32)));
    chain.mine();
    m.tick();
    chain.reorg(2);
    chain.mine();
    chain.mine();
    m.tick();
    assertEquals(List.of("payment.detected", "payment.reverted"), listener.types(p.id()));
    assertEquals(PaymentStatus.REVERTED, m.status(p.id()).orElseThrow().status());

    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5, "aa".repeat(32)));
    m.tick();
    confirmAll(m);
    assertEquals(List.of("payment.detected", "payment.reverted", "payment.detected",
        "payment.confirmed"), listener.types(p.id()));
    Payment done = m.status(p.id()).orElseThrow();
    assertEquals(TokenAmount.of(5, 6), done.received());
    assertEquals(1, m.transfers(p.id()).size());
  }

  @Test
  void reorgWithADifferentReplacementTransfer_creditsOnlyTheReplacement() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    m.tick();
    chain.reorg(1);
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    m.tick();
    confirmAll(m);
    assertEquals(List.of("payment.detected", "payment.reverted", "payment.detected",
        "payment.confirmed"), listener.types(p.id()));
    assertEquals(TokenAmount.of(5, 6), m.status(p.id()).orElseThrow().received());
    List<TransferState> states = m.transfers(p.id()).stream().map(TransferRecord::state).toList();
    assertEquals(List.of(TransferState.REVERTED, TransferState.CONFIRMED), states);
  }

  @Test
  void restart_after500BlocksOfPayments_findsEachPaymentExactlyOnce() {
    PaymentMonitor first = monitor(listener);
    List<Payment> watched = new ArrayList<>();
    List<PaymentRequest> batch = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      batch.add(usdt("o" + i, address(100 + i), 1_000 + i).toBuilder()
          .expiresIn(Duration.ofHours(2)).build());
    }
    watched.addAll(first.watchAll(batch.subList(0, 250)));
    watched.addAll(first.watchAll(batch.subList(250, 500)));
    first.tick();
    first.close();

    for (int i = 0; i < 500; i++) {
      chain.mine(new FakeChain.Pay(Asset.USDT, address(100 + i), 1_000 + i));
    }
    chain.mineEmpty(SOLID_DEPTH);
    PaymentMonitor second = monitor(listener);
    for (int i = 0; i < 3; i++) {
      second.tick();
    }
    for (Payment p : watched) {
      assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()),
          p.request().orderId());
      assertEquals(p.request().expectedAmount(), second.status(p.id()).orElseThrow().received());
    }
    assertEquals(1000, listener.events.size());
  }

  @Test
  void listenerThrowingNTimes_getsTheSameEventAgain_untilItSucceeds() {
    RecordingListener flaky = new RecordingListener().failNext(3);
    PaymentMonitor m = monitor(flaky);
    Payment p = m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    m.tick();
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofSeconds(5));
      m.deliverOnce();
    }
    assertEquals(List.of("payment.detected"), flaky.types(p.id()));
    assertEquals(3, m.health().listenerFailures());
    assertEquals(0, m.health().outboxPending());
  }

  @Test
  void listenerThatAlwaysThrows_becomesADeadLetter_andTheMonitorGoesOn() {
    RecordingListener broken = new RecordingListener().failNext(Integer.MAX_VALUE);
    PaymentMonitor m = monitor(broken);
    Payment p = m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    chain.mineEmpty(SOLID_DEPTH);
    for (int i = 0; i < 15; i++) {
      m.tick();
      clock.advance(Duration.ofSeconds(5));
    }
    assertEquals(2, m.health().deadLetters());
    assertEquals(PaymentStatus.CONFIRMED, m.status(p.id()).orElseThrow().status());
  }

  @Test
  void crashBetweenCommitAndListener_redeliversTheEventOnRestart() {
    PaymentMonitor crashed = monitor(listener);
    Payment p = crashed.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    crashed.scanOnce();
    crashed.close();
    assertEquals(List.of(), listener.types(p.id()));

    RecordingListener afterRestart = new RecordingListener();
    PaymentMonitor restarted = monitor(afterRestart);
    restarted.deliverOnce();
    assertEquals(List.of("payment.detected"), afterRestart.types(p.id()));
  }

  @Test
  void redeliveredEvent_keepsItsId() {
    RecordingListener flaky = new RecordingListener().failNext(1);
    PaymentMonitor m = monitor(flaky);
    m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    m.scanOnce();
    List<OutboxEntry> pending = store.claim(clock.instant(), clock.instant(), 10);
    String id = pending.get(0).event().eventId();
    m.deliverOnce();
    clock.advance(Duration.ofSeconds(2));
    m.deliverOnce();
    assertEquals(id, flaky.events.get(0).eventId());
  }

  @Test
  void sourceFailures_produceNoEvent_andTheScanCatchesUpAfterwards() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    chain.failNext(3);
    m.tick();
    m.tick();
    m.tick();
    assertEquals(List.of(), listener.allTypes());
    assertEquals(Map.of("other", 3L), m.health().sourceErrors());
    assertEquals(3, m.health().consecutiveErrors());
    confirmAll(m);
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()));
    assertEquals(0, m.health().consecutiveErrors());
  }

  @Test
  void storeReadFailures_countAsStoreErrors_andAskTheChainNothing() {
    int[] failures = {2};
    PaymentStore unreachable = (PaymentStore) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {PaymentStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("cursor") && failures[0]-- > 0) {
            throw new IllegalStateException("database unreachable");
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    PaymentMonitor m = PaymentMonitor.builder().source(chain).store(unreachable)
        .listener(listener).clock(clock).build();
    Payment p = m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    int pollsBefore = chain.polls;
    m.scanOnce();
    m.scanOnce();
    assertEquals(Map.of("store", 2L), m.health().sourceErrors());
    assertEquals(2, m.health().consecutiveErrors());
    assertEquals(pollsBefore, chain.polls);
    confirmAll(m);
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()));
    assertEquals(0, m.health().consecutiveErrors());
  }

  @Test
  void cancel_pendingRequest_isCancelled_butSeenOneCannotBe() {
    PaymentMonitor m = monitor(listener);
    Payment a = m.watch(usdt("o1", address(1), 5));
    Payment b = m.watch(usdt("o2", address(2), 5));
    assertEquals(PaymentStatus.CANCELLED, m.cancel(a.id()).status());
    chain.mine(new FakeChain.Pay(Asset.USDT, address(2), 5));
    m.tick();
    assertThrows(IllegalTransitionException.class, () -> m.cancel(b.id()));
    assertThrows(UnknownPaymentException.class, () -> m.cancel("nope"));
    assertEquals(List.of("payment.cancelled"), listener.types(a.id()));
  }

  @Test
  void watchAll_isValidatedAsAWhole() {
    PaymentMonitor m = monitor(listener);
    List<PaymentRequest> tooMany = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(usdt("o" + i, address(i), 5));
    }
    InvalidPaymentRequestException big = assertThrows(InvalidPaymentRequestException.class,
        () -> m.watchAll(tooMany));
    assertTrue(big.getMessage().contains("1001"), big.getMessage());

    m.watch(usdt("taken", address(1), 5));
    assertThrows(DuplicateOrderIdException.class, () -> m.watchAll(List.of(
        usdt("fresh", address(2), 5), usdt("taken", address(3), 5))));
    assertEquals(Optional.empty(), m.findByOrderId("fresh"));
    assertThrows(AddressConflictException.class, () -> m.watchAll(List.of(
        usdt("other", address(1), 7))));
    assertThrows(AddressConflictException.class, () -> m.watchAll(List.of(
        usdt("x1", address(4), 7), usdt("x2", address(4), 8))));
  }

  @Test
  void finishedRequest_isKeptThroughRetention_thenPurged() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    m.tick();
    confirmAll(m);
    clock.advance(Duration.ofHours(23));
    m.tick();
    assertTrue(m.status(p.id()).isPresent());
    clock.advance(Duration.ofHours(2));
    m.tick();
    assertEquals(Optional.empty(), m.status(p.id()));
  }

  @Test
  void reconcile_reportsWhetherRecordedTransfersAreStillOnChain() {
    PaymentMonitor m = monitor(listener);
    Payment p = m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    m.tick();
    ReconcileReport report = m.reconcile(p.id());
    assertTrue(report.consistent());
    assertEquals(1, report.checks().size());
  }

  @Test
  void eventIds_areDistinctAcrossStateChanges() {
    PaymentMonitor m = monitor(listener);
    m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    m.tick();
    confirmAll(m);
    assertNotEquals(listener.events.get(0).eventId(), listener.events.get(1).eventId());
  }

  @Test
  void start_runsTheLoopOnItsOwnThread_untilClosed() throws InterruptedException {
    PaymentMonitor m = PaymentMonitor.builder().source(chain).store(store).listener(listener)
        .clock(clock).pollInterval(Duration.ofMillis(20)).build();
    Payment p = m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    chain.mineEmpty(SOLID_DEPTH);
    m.start();
    assertTrue(m.health().running());
    for (int i = 0; i < 500 && listener.types(p.id()).size() < 2; i++) {
      Thread.sleep(10);
    }
    m.close();
    assertFalse(m.health().running());
    assertEquals(List.of("payment.detected", "payment.confirmed"), listener.types(p.id()));
    assertThrows(IllegalStateException.class, m::start);
  }

  @Test
  void listenerThrowingAnError_isRetriedLikeAnyFailure() {
    PaymentListener assertsOnce = new PaymentListener() {
      private boolean thrown;

      @Override
      public void onDetected(PaymentEvent event) {
        if (!thrown) {
          thrown = true;
          throw new AssertionError("host bug");
        }
        listener.onEvent(event);
      }
    };
    PaymentMonitor m = PaymentMonitor.builder().source(chain).store(store)
        .listener(assertsOnce).clock(clock).build();
    Payment p = m.watch(usdt("o1", address(1), 5));
    chain.mine(new FakeChain.Pay(Asset.USDT, address(1), 5));
    m.tick();
    clock.advance(Duration.ofSeconds(2));
    m.tick();
    assertEquals(List.of("payment.detected"), listener.types(p.id()));
  }
}

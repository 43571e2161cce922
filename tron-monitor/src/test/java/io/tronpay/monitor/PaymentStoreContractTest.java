package io.tronpay.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PaymentStore} must show. A store implementation's test extends this
 * class and supplies a fresh, empty store; this module's test-jar ships it for the JDBC store.
 */
public abstract class PaymentStoreContractTest {
  /** The moment the fixtures are created. */
  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Address A1 = Address.fromBase58("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW");
  private static final Address A2 = Address.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");

  /** The store under test, fresh for each test. */
  protected PaymentStore store;

  /**
   * A new, empty store.
   *
   * @return the store
   * @throws Exception if it cannot be created
   */
  protected abstract PaymentStore newStore() throws Exception;

  @BeforeEach
  void createStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
  }

  /** A pending payment fixture. */
  protected static Payment pending(String id, String orderId, Address address, long units) {
    return Payment.watched(PaymentRequest.builder().id(id).orderId(orderId).address(address)
        .amount(Asset.USDT, BigInteger.valueOf(units)).expiresIn(Duration.ofHours(1)).build(),
        T0);
  }

  private static Transfer transfer(String txId, int logIndex, Address to, long units, long block) {
    return new Transfer(txId, logIndex, Asset.USDT, A2, to, BigInteger.valueOf(units), block,
        "0000000000000000" + Long.toHexString(block), T0.toEpochMilli() + block * 3000);
  }

  private static Payment next(Payment p, PaymentStatus status, long confirmed) {
    return new Payment(p.request(), status, BigInteger.valueOf(confirmed), BigInteger.ZERO,
        p.watchedAt(), p.expiresAt(), T0.plusSeconds(1), status.isFinal() ? T0.plusSeconds(1)
        : null, p.version() + 1);
  }

  private static PaymentEvent event(String id, Payment p) {
    return new PaymentEvent(id, EventType.PAYMENT_DETECTED, p.id(), p.request().orderId(),
        p.request().address(), p.request().asset(), p.status(), p.received(), null, null, -1, -1,
        T0);
  }

  private static ScanCursor cursor(long head) {
    return new ScanCursor(head, head, head - 19, 1000, 900,
        List.of(new ScanCursor.BlockRef(head, "ab" + head, 1000, true)));
  }

  @Test
  void insert_thenFindByIdAndOrderId_returnsThePayment() {
    Payment p = pending("p1", "o1", A1, 100);
    store.insert(List.of(p));
    assertEquals(Optional.of(p), store.find("p1"));
    assertEquals(Optional.of(p), store.findByOrderId("o1"));
    assertEquals(Optional.empty(), store.find("nope"));
  }

  @Test
  void findAll_returnsTheKnownPaymentsByIdAndSkipsUnknownIds() {
    Payment p1 = pending("p1", "o1", A1, 100);
    Payment p2 = pending("p2", "o2", A2, 200);
    Payment p3 = pending("p3", "o3", A1, 300);
    store.insert(List.of(p1, p2, p3));
    assertEquals(Map.of("p1", p1, "p3", p3), store.findAll(List.of("p1", "nope", "p3", "p1")));
    assertEquals(Map.of(), store.findAll(List.of()));
  }

  @Test
  void insert_duplicateOrderId_isTypedAndStoresNothingOfTheBatch() {
    store.insert(List.of(pending("p1", "o1", A1, 100)));
    DuplicateOrderIdException e = assertThrows(DuplicateOrderIdException.class,
        () -> store.insert(List.of(pending("p2", "o2", A1, 100), pending("p3", "o1", A2, 5))));
    assertEquals("o1", e.orderId());
    assertEquals(Optional.empty(), store.find("p2"));
  }

  @Test
  void insert_duplicateOrderIdInsideOneBatch_isRejected() {
    assertThrows(DuplicateOrderIdException.class,
        () -> store.insert(List.of(pending("p1", "o1", A1, 1), pending("p2", "o1", A2, 2))));
    assertEquals(Optional.empty(), store.find("p1"));
  }

  @Test
  void insert_duplicateId_isTyped() {
    store.insert(List.of(pending("p1", "o1", A1, 100)));
    assertThrows(DuplicatePaymentIdException.class,
        () -> store.insert(List.of(pending("p1", "o9", A2, 100))));
  }

  @Test
  void findByAddresses_groupsPaymentsPerAddress() {
    store.insert(List.of(pending("p1", "o1", A1, 1), pending("p2", "o2", A1, 2),
        pending("p3", "o3", A2, 3)));
    Map<Address, List<Payment>> found = store.findByAddresses(List.of(A1, A2));
    assertEquals(2, found.get(A1).size());
    assertEquals(List.of("p3"), found.get(A2).stream().map(Payment::id).toList());
  }

  @Test
  void apply_writesTransfersPaymentsEventsAndCursorTogether() {
    Payment p = pending("p1", "o1", A1, 100);
    store.insert(List.of(p));
    Payment seen = next(p, PaymentStatus.SEEN, 0);
    TransferRecord t = new TransferRecord(transfer("aa", 0, A1, 100, 5),
        TransferState.UNCONFIRMED, "p1", false);
    store.apply(new StoreBatch(List.of(t), List.of(new StoreBatch.PaymentChange(seen, 0)),
        List.of(event("e1", seen)), cursor(5)));

    assertEquals(Optional.of(seen), store.find("p1"));
    assertEquals(List.of(t), store.transfersOf("p1"));
    assertEquals(List.of(t), store.unconfirmedTransfers());
    assertEquals(Optional.of(cursor(5)), store.cursor());
    List<OutboxEntry> claimed = store.claim(T0, T0.plusSeconds(60), 10);
    assertEquals(List.of("e1"), claimed.stream().map(e -> e.event().eventId()).toList());
  }

  @Test
  void confirmableTransfers_holdsEveryTransferTheHeadOrSolidBlockMayConfirm() {
    Payment solidPolicy = pending("p1", "o1", A1, 100);
    Payment threeBlocks = Payment.watched(PaymentRequest.builder().id("p2").orderId("o2")
        .address(A2).amount(Asset.USDT, BigInteger.valueOf(100))
        .confirmation(ConfirmationPolicy.blocks(3)).expiresIn(Duration.ofHours(1)).build(), T0);
    store.insert(List.of(solidPolicy, threeBlocks));
    TransferRecord atTen = new TransferRecord(transfer("c1", 0, A1, 100, 10),
        TransferState.UNCONFIRMED, "p1", false);
    TransferRecord unmatchedAtEleven = new TransferRecord(transfer("c2", 0, A2, 5, 11),
        TransferState.UNCONFIRMED, null, false);
    TransferRecord threeBlocksAtTwelve = new TransferRecord(transfer("c3", 0, A2, 100, 12),
        TransferState.UNCONFIRMED, "p2", false);
    store.apply(new StoreBatch(List.of(atTen, unmatchedAtEleven, threeBlocksAtTwelve), List.of(),
        List.of(), null));

    // Head 14 gives the three-block payment its third block; nothing is solid above 9 yet.
    assertConfirmable(List.of(threeBlocksAtTwelve), 14, 9);
    assertConfirmable(List.of(), 13, 9);
    assertConfirmable(List.of(atTen, unmatchedAtEleven, threeBlocksAtTwelve), 14, 11);
    assertConfirmable(List.of(atTen), 13, 10);
  }

  @Test
  void lowestUnconfirmedBlock_isTheOldestWaitingTransfersBlock_orMinusOne() {
    store.insert(List.of(pending("p1", "o1", A1, 100)));
    assertEquals(-1, store.lowestUnconfirmedBlock());
    TransferRecord confirmedAtSeven = new TransferRecord(transfer("d1", 0, A1, 10, 7),
        TransferState.CONFIRMED, "p1", false);
    TransferRecord waitingAtNine = new TransferRecord(transfer("d2", 0, A1, 10, 9),
        TransferState.UNCONFIRMED, "p1", false);
    TransferRecord waitingAtTwelve = new TransferRecord(transfer("d3", 0, A1, 10, 12),
        TransferState.UNCONFIRMED, null, false);
    store.apply(new StoreBatch(List.of(waitingAtTwelve, confirmedAtSeven, waitingAtNine),
        List.of(), List.of(), null));
    assertEquals(9, store.lowestUnconfirmedBlock());
  }

  /** A store may return more than the confirmable transfers, but if it filters, exactly. */
  private void assertConfirmable(List<TransferRecord> expected, long head, long solid) {
    List<TransferRecord> all = store.unconfirmedTransfers();
    List<TransferRecord> found = store.confirmableTransfers(head, solid);
    assertTrue(found.containsAll(expected), "head " + head + ", solid " + solid + ": " + found);
    assertTrue(all.containsAll(found), "only unconfirmed transfers");
    if (found.size() < all.size()) {
      assertEquals(expected, found, "head " + head + ", solid " + solid);
    }
  }

  @Test
  void apply_staleVersion_writesNothing() {
    Payment p = pending("p1", "o1", A1, 100);
    store.insert(List.of(p));
    store.apply(new StoreBatch(List.of(), List.of(new StoreBatch.PaymentChange(
        next(p, PaymentStatus.SEEN, 0), 0)), List.of(), null));
    TransferRecord t = new TransferRecord(transfer("bb", 0, A1, 100, 6),
        TransferState.UNCONFIRMED, "p1", false);
    assertThrows(StaleStateException.class, () -> store.apply(new StoreBatch(List.of(t),
        List.of(new StoreBatch.PaymentChange(next(p, PaymentStatus.EXPIRED, 0), 0)),
        List.of(event("e2", p)), cursor(6))));
    assertEquals(PaymentStatus.SEEN, store.find("p1").orElseThrow().status());
    assertEquals(List.of(), store.transfersOf("p1"));
    assertEquals(Optional.empty(), store.cursor());
    assertEquals(List.of(), store.claim(T0, T0.plusSeconds(60), 10));
  }

  @Test
  void apply_sameTransferKeyAgain_replacesTheRecord() {
    store.insert(List.of(pending("p1", "o1", A1, 100)));
    TransferRecord t = new TransferRecord(transfer("cc", 2, A1, 100, 7),
        TransferState.UNCONFIRMED, "p1", false);
    store.apply(new StoreBatch(List.of(t), List.of(), List.of(), null));
    store.apply(new StoreBatch(List.of(t.withState(TransferState.CONFIRMED)), List.of(),
        List.of(), null));
    assertEquals(List.of(t.withState(TransferState.CONFIRMED)), store.transfersOf("p1"));
    assertEquals(List.of(), store.unconfirmedTransfers());
    assertEquals(1, store.findTransfers(List.of(t.key())).size());
  }

  @Test
  void claim_keepsOnePaymentsEventsInOrder_behindARetryOrAClaimOfADeadInstance() {
    Payment p1 = pending("p1", "o1", A1, 100);
    Payment p2 = pending("p2", "o2", A2, 100);
    store.insert(List.of(p1, p2));
    store.apply(new StoreBatch(List.of(), List.of(), List.of(event("e1", p1), event("e2", p1),
        event("f1", p2)), null));
    assertEquals(List.of("e1", "e2", "f1"), claimedIds(T0, T0.plusSeconds(60)),
        "an earlier event that is due is claimed together with the later ones");

    store.retryLater("e1", 1, T0.plusSeconds(100));
    store.retryLater("e2", 0, T0);
    store.retryLater("f1", 0, T0);
    assertEquals(List.of("f1"), claimedIds(T0.plusSeconds(1), T0.plusSeconds(61)),
        "e2 waits while e1 waits for its retry");
    assertEquals(List.of("e1", "e2", "f1"),
        claimedIds(T0.plusSeconds(100), T0.plusSeconds(200)));
    store.ack("f1");

    // The instance that claimed e1 and e2 dies after giving e2 back: e2 waits for e1's lease.
    store.retryLater("e2", 0, T0.plusSeconds(100));
    assertEquals(List.of(), claimedIds(T0.plusSeconds(101), T0.plusSeconds(300)));
    assertEquals(List.of("e1", "e2"), claimedIds(T0.plusSeconds(201), T0.plusSeconds(300)));
  }

  private List<String> claimedIds(Instant now, Instant leaseUntil) {
    return store.claim(now, leaseUntil, 10).stream().map(e -> e.event().eventId()).toList();
  }

  @Test
  void claim_hidesClaimedEntriesUntilTheLeaseEnds() {
    Payment p = pending("p1", "o1", A1, 100);
    store.insert(List.of(p));
    store.apply(new StoreBatch(List.of(), List.of(), List.of(event("e1", p)), null));
    assertEquals(1, store.claim(T0, T0.plusSeconds(60), 10).size());
    assertEquals(0, store.claim(T0.plusSeconds(30), T0.plusSeconds(90), 10).size());
    assertEquals(1, store.claim(T0.plusSeconds(61), T0.plusSeconds(120), 10).size());
  }

  @Test
  void ack_removesTheEvent_retryLater_delaysIt_deadLetter_countsIt() {
    Payment p = pending("p1", "o1", A1, 100);
    store.insert(List.of(p));
    store.apply(new StoreBatch(List.of(), List.of(),
        List.of(event("e1", p), event("e2", p), event("e3", p)), null));
    store.claim(T0, T0.plusSeconds(60), 10);
    store.ack("e1");
    store.retryLater("e2", 1, T0.plusSeconds(10));
    store.deadLetter("e3");

    assertEquals(List.of(), store.claim(T0.plusSeconds(5), T0.plusSeconds(65), 10));
    List<OutboxEntry> later = store.claim(T0.plusSeconds(10), T0.plusSeconds(70), 10);
    assertEquals(List.of("e2"), later.stream().map(e -> e.event().eventId()).toList());
    assertEquals(1, later.get(0).attempts());
    assertEquals(1, store.stats().deadLetters());
    assertEquals(1, store.stats().outboxPending());
  }

  @Test
  void apply_eventAlreadyInOutbox_keepsOneCopy() {
    Payment p = pending("p1", "o1", A1, 100);
    store.insert(List.of(p));
    store.apply(new StoreBatch(List.of(), List.of(), List.of(event("e1", p)), null));
    store.apply(new StoreBatch(List.of(), List.of(), List.of(event("e1", p)), null));
    assertEquals(1, store.claim(T0, T0.plusSeconds(60), 10).size());
  }

  @Test
  void findExpired_returnsOpenPaymentsDueByTheCutoff() {
    Payment due = pending("p1", "o1", A1, 1);
    Payment notDue = Payment.watched(due.request().toBuilder().id("p2").orderId("o2")
        .expiresIn(Duration.ofHours(5)).build(), T0);
    Payment finished = pending("p3", "o3", A2, 3);
    store.insert(List.of(due, notDue, finished));
    store.apply(new StoreBatch(List.of(), List.of(new StoreBatch.PaymentChange(
        next(finished, PaymentStatus.CONFIRMED, 3), 0)), List.of(), null));
    assertEquals(List.of("p1"), store.findExpired(T0.plus(Duration.ofHours(2)), 10).stream()
        .map(Payment::id).toList());
    assertEquals(2, store.openCount());
  }

  @Test
  void purgeFinished_deletesOnlyPaymentsFinishedBeforeTheCutoff() {
    Payment open = pending("p1", "o1", A1, 1);
    Payment done = pending("p2", "o2", A2, 2);
    store.insert(List.of(open, done));
    TransferRecord t = new TransferRecord(transfer("dd", 0, A2, 2, 9), TransferState.CONFIRMED,
        "p2", false);
    store.apply(new StoreBatch(List.of(t), List.of(new StoreBatch.PaymentChange(
        next(done, PaymentStatus.CONFIRMED, 2), 0)), List.of(), null));

    assertEquals(0, store.purgeFinished(T0));
    assertEquals(1, store.purgeFinished(T0.plus(Duration.ofDays(2))));
    assertEquals(Optional.empty(), store.find("p2"));
    assertEquals(Optional.empty(), store.findByOrderId("o2"));
    assertEquals(List.of(), store.transfersOf("p2"));
    assertTrue(store.find("p1").isPresent());
    assertFalse(store.findByAddresses(List.of(A2)).containsKey(A2));
  }

  @Test
  void stats_countsByStatusAndSumsConfirmedVolumes() {
    Payment a = pending("p1", "o1", A1, 5);
    Payment b = pending("p2", "o2", A2, 7);
    store.insert(List.of(a, b));
    store.apply(new StoreBatch(List.of(), List.of(new StoreBatch.PaymentChange(
        next(b, PaymentStatus.OVERPAID, 9), 0)), List.of(), null));
    StoreStats stats = store.stats();
    assertEquals(1, stats.count(PaymentStatus.PENDING));
    assertEquals(1, stats.count(PaymentStatus.OVERPAID));
    assertEquals(BigInteger.valueOf(9),
        stats.receivedByAsset().get(Asset.USDT).get(PaymentStatus.OVERPAID));
  }

  @Test
  void insert_concurrentWritersWithTheSameOrderId_onlyOneWins() throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String id = "p" + i;
      results.add(pool.submit(() -> {
        go.await();
        try {
          store.insert(List.of(pending(id, "same-order", A1, 1)));
          return true;
        } catch (DuplicateOrderIdException e) {
          return false;
        }
      }));
    }
    go.countDown();
    int wins = 0;
    for (var r : results) {
      wins += r.get() ? 1 : 0;
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    assertEquals(1, wins);
  }
}

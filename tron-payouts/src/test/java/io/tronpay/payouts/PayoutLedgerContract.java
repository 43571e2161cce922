package io.tronpay.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PayoutLedger} does, run against each implementation. Every expected value is
 * built from the test's own inputs (the payouts it stored, the totals it adds up by hand), never
 * read back from a ledger.
 */
public abstract class PayoutLedgerContract {
  /** A fixed start with nanoseconds, so instants must round-trip to the nanosecond. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");
  /** The paying account. */
  protected static final Address PAYER = address("payer");
  /** A recipient. */
  protected static final Address ALICE = address("alice");
  /** Another recipient. */
  protected static final Address BOB = address("bob");
  /** A token with 18 decimals besides USDT. */
  protected static final Asset OTHER = Asset.trc20("XYZ", address("xyz-token"), 18);

  /** The ledger under test, fresh for each test. */
  protected PayoutLedger ledger;

  /**
   * A new, empty ledger.
   *
   * @return the ledger
   */
  protected abstract PayoutLedger newLedger();

  /**
   * The largest amount the ledger must hold exactly: a uint256, unless the database is narrower.
   *
   * @return the amount
   */
  protected BigInteger largestAmount() {
    return BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
  }

  @BeforeEach
  void openLedger() {
    ledger = newLedger();
  }

  /**
   * A fresh address derived from a label: never a funded or known account.
   *
   * @param label any text
   * @return the address
   */
  protected static Address address(String label) {
    byte[] bytes = new byte[Address.LENGTH];
    bytes[0] = Address.PREFIX;
    System.arraycopy(Hashes.sha256(label.getBytes(StandardCharsets.UTF_8)), 0, bytes, 1, 20);
    return Address.fromBytes(bytes);
  }

  /**
   * A new transfer at version 0.
   *
   * @param key the idempotency key
   * @param asset what is paid
   * @param units base units
   * @param created creation time
   * @return the payout
   */
  protected static Payout draft(String key, Asset asset, BigInteger units, Instant created) {
    return draft("po-" + key, key, PayoutKind.TRANSFER, asset, units, created);
  }

  private static Payout draft(String id, String key, PayoutKind kind, Asset asset,
      BigInteger units, Instant created) {
    return new Payout(id, key, kind, PAYER, ALICE, asset, units, "", PayoutState.REQUESTED, null,
        null, 0, 0, 0, null, 0, 0, created, created, 0);
  }

  private static Payout trx(String key, long sun, Instant created) {
    return draft(key, Asset.TRX, BigInteger.valueOf(sun), created);
  }

  /** Stores each payout, then moves it to a state through its own update. */
  private Payout storeIn(Payout draft, PayoutState state) {
    ledger.insertIfAbsent(List.of(draft));
    if (state == PayoutState.REQUESTED) {
      return draft;
    }
    Payout next = draft.next(state, draft.createdAt().plusSeconds(1));
    ledger.update(next);
    return next;
  }

  private static String hexOf(int bytes, int seed) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bytes; i++) {
      out.append(String.format("%02x", (i * 31 + seed) & 0xFF));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- insertIfAbsent

  @Test
  void insertIfAbsent_newKeys_returnsThemAndStoresEveryField() {
    Payout plain = trx("k-plain", 1_500_000, T0);
    Payout big = new Payout("po-big", "k-big", PayoutKind.TRANSFER, PAYER, BOB, Asset.USDT,
        largestAmount(), "thanks ✓ \uD83D\uDE80 'quoted' \"double\" -- ; %_", PayoutState.REQUESTED,
        null, null, 0, 0, 0, null, 0, 0, T0.plusNanos(1), T0.plusNanos(1), 0);
    Payout resource = new Payout("po-res", "sweep:k-res", PayoutKind.DELEGATE_ENERGY, BOB, ALICE,
        Asset.TRX, BigInteger.valueOf(123_000_000), "", PayoutState.REQUESTED, null, null, 0, 0,
        0, null, 0, 0, T0.minus(Duration.ofDays(400)), T0.minus(Duration.ofDays(400)), 0);
    Payout token = draft("k-token", OTHER, new BigInteger("123456789012345678901234567890"),
        T0.plusSeconds(5));

    List<Payout> all = List.of(plain, big, resource, token);
    assertEquals(all, ledger.insertIfAbsent(all));

    for (Payout p : all) {
      assertEquals(Optional.of(p), ledger.findById(p.id()), p.id());
      assertEquals(Optional.of(p), ledger.findByKey(p.idempotencyKey()), p.idempotencyKey());
    }
    assertEquals(Optional.empty(), ledger.findById("po-missing"));
    assertEquals(Optional.empty(), ledger.findByKey("k-missing"));
  }

  @Test
  void insertIfAbsent_storedKey_returnsTheStoredPayout_andStoresOnlyNewKeys() {
    Payout first = trx("k-1", 1_000_000, T0);
    ledger.insertIfAbsent(List.of(first));
    Payout again = new Payout("po-other", "k-1", PayoutKind.TRANSFER, PAYER, BOB, Asset.USDT,
        BigInteger.valueOf(9), "", PayoutState.REQUESTED, null, null, 0, 0, 0, null, 0, 0,
        T0.plusSeconds(1), T0.plusSeconds(1), 0);
    Payout fresh = trx("k-2", 2_000_000, T0.plusSeconds(1));

    assertEquals(List.of(first, fresh), ledger.insertIfAbsent(List.of(again, fresh)));
    assertEquals(List.of(first, fresh), ledger.find(PayoutFilter.all()));
    assertEquals(Optional.empty(), ledger.findById("po-other"));
  }

  @Test
  void insertIfAbsent_keyRepeatedInOneBatch_storesTheFirst() {
    Payout first = trx("k-dup", 1, T0);
    Payout second = new Payout("po-dup-2", "k-dup", PayoutKind.TRANSFER, PAYER, BOB, Asset.TRX,
        BigInteger.TWO, "", PayoutState.REQUESTED, null, null, 0, 0, 0, null, 0, 0, T0, T0, 0);

    assertEquals(List.of(first, first), ledger.insertIfAbsent(List.of(first, second)));
    assertEquals(List.of(first), ledger.find(PayoutFilter.all()));
  }

  @Test
  void insertIfAbsent_aPayoutNotAtVersion0_storesNoneOfTheBatch() {
    Payout good = trx("k-good", 1, T0);
    Payout advanced = trx("k-advanced", 1, T0).next(PayoutState.SIGNED, T0);

    assertThrows(IllegalArgumentException.class,
        () -> ledger.insertIfAbsent(List.of(good, advanced)));
    assertEquals(List.of(), ledger.find(PayoutFilter.all()));
  }

  @Test
  void insertIfAbsent_emptyBatch_returnsEmpty() {
    assertEquals(List.of(), ledger.insertIfAbsent(List.of()));
  }

  @Test
  void keys_areCaseSensitive() {
    Payout upper = draft("po-upper", "Order-7", PayoutKind.TRANSFER, Asset.TRX, BigInteger.ONE,
        T0);
    Payout lower = draft("po-lower", "order-7", PayoutKind.TRANSFER, Asset.TRX, BigInteger.TWO,
        T0);

    assertEquals(List.of(upper, lower), ledger.insertIfAbsent(List.of(upper, lower)));
    assertEquals(Optional.of(upper), ledger.findByKey("Order-7"));
    assertEquals(Optional.of(lower), ledger.findByKey("order-7"));
  }

  // ---------------------------------------------------------------- update

  @Test
  void update_eachStepOfTheFlow_storesEveryChangedField() {
    Payout p = draft("k-flow", Asset.USDT, BigInteger.valueOf(25_000_000), T0);
    ledger.insertIfAbsent(List.of(p));
    String txId = "ab".repeat(32);
    String hex = hexOf(300, 7);
    long expiration = 1_772_359_260_000L;

    Payout signed = p.signed(txId, hex, expiration, T0.plusMillis(10));
    Payout tried = signed.broadcastTried(T0.plusMillis(20));
    Payout refused = tried.withError("SERVER_BUSY: try again", T0.plusMillis(30));
    Payout sent = refused.next(PayoutState.BROADCAST, T0.plusMillis(40));
    Payout confirmed = sent.onChain(PayoutState.CONFIRMED, 13_844_600, 71_234_567, null,
        T0.plusSeconds(9));
    for (Payout next : List.of(signed, tried, refused, sent, confirmed)) {
      ledger.update(next);
      assertEquals(Optional.of(next), ledger.findById(p.id()));
      assertEquals(Optional.of(next), ledger.findByKey("k-flow"));
    }
    Payout stored = ledger.findById(p.id()).orElseThrow();
    assertEquals(5, stored.version());
    assertEquals(hex, stored.signedTransactionHex());
    assertEquals(1, stored.attempt());
  }

  @Test
  void update_staleOrSkippedVersion_conflicts_andKeepsTheStoredPayout() {
    Payout p = trx("k-race", 5, T0);
    ledger.insertIfAbsent(List.of(p));
    Payout winner = p.next(PayoutState.CANCELLED, T0.plusSeconds(1));
    ledger.update(winner);

    Payout loser = p.signed("cd".repeat(32), hexOf(10, 1), 99, T0.plusSeconds(2));
    LedgerConflictException stale = assertThrows(LedgerConflictException.class,
        () -> ledger.update(loser));
    assertEquals("payout po-k-race is no longer at version 0", stale.getMessage());
    Payout skipping = winner.next(PayoutState.FAILED, T0).next(PayoutState.FAILED, T0);
    assertThrows(LedgerConflictException.class, () -> ledger.update(skipping));
    Payout atZero = new Payout(p.id(), p.idempotencyKey(), p.kind(), p.from(), p.to(),
        p.asset(), p.amount(), p.memo(), PayoutState.FAILED, null, null, 0, 0, 0, null, 0, 0,
        p.createdAt(), T0, 0);
    assertThrows(LedgerConflictException.class, () -> ledger.update(atZero));

    assertEquals(Optional.of(winner), ledger.findById(p.id()));
  }

  @Test
  void update_unknownId_conflicts() {
    Payout ghost = trx("k-ghost", 5, T0).next(PayoutState.SIGNED, T0);

    assertThrows(LedgerConflictException.class, () -> ledger.update(ghost));
    assertEquals(List.of(), ledger.find(PayoutFilter.all()));
  }

  // ---------------------------------------------------------------- find

  @Test
  void find_filtersByStateAssetKindAndCreationTime_oldestFirst() {
    // Stored out of time order, so "oldest first" is the ledger's doing.
    Payout t3 = storeIn(trx("f-t3", 3, T0.plusSeconds(30)), PayoutState.CONFIRMED);
    Payout t1 = storeIn(trx("f-t1", 1, T0.plusSeconds(10)), PayoutState.REQUESTED);
    Payout u2 = storeIn(draft("f-u2", Asset.USDT, BigInteger.TWO, T0.plusSeconds(20)),
        PayoutState.BROADCAST);
    Payout x4 = storeIn(draft("f-x4", OTHER, BigInteger.TEN, T0.plusSeconds(40)),
        PayoutState.CONFIRMED);
    Payout d5 = storeIn(draft("po-f-d5", "f-d5", PayoutKind.DELEGATE_ENERGY, Asset.TRX,
        BigInteger.valueOf(5), T0.plusSeconds(50)), PayoutState.SIGNED);
    Payout u0 = storeIn(draft("f-u0", Asset.USDT, BigInteger.ONE, T0), PayoutState.FAILED);

    assertEquals(List.of(u0, t1, u2, t3, x4, d5), ledger.find(PayoutFilter.all()));
    assertEquals(List.of(t3, x4), ledger.find(PayoutFilter.inStates(
        Set.of(PayoutState.CONFIRMED))));
    assertEquals(List.of(t1, u2, d5), ledger.find(PayoutFilter.inStates(Set.of(
        PayoutState.REQUESTED, PayoutState.SIGNED, PayoutState.BROADCAST))));
    assertEquals(List.of(t1, t3, d5), ledger.find(filter(Set.of(), Asset.TRX, null, null, null)));
    assertEquals(List.of(u0, u2), ledger.find(filter(Set.of(), Asset.trc20("ANY NAME",
        Asset.USDT.contract(), 6), null, null, null)));
    assertEquals(List.of(x4), ledger.find(filter(Set.of(), OTHER, null, null, null)));
    assertEquals(List.of(d5), ledger.find(filter(Set.of(), null, PayoutKind.DELEGATE_ENERGY,
        null, null)));
    assertEquals(List.of(t1, t3), ledger.find(filter(Set.of(), Asset.TRX, PayoutKind.TRANSFER,
        null, null)));
    // From is inclusive, before exclusive.
    assertEquals(List.of(u2, t3), ledger.find(filter(Set.of(), null, null, T0.plusSeconds(20),
        T0.plusSeconds(40))));
    assertEquals(List.of(t3), ledger.find(filter(Set.of(), null, null, T0.plusSeconds(20)
        .plusNanos(1), T0.plusSeconds(40))));
    assertEquals(List.of(u0, t1), ledger.find(filter(Set.of(), null, null, Instant.MIN,
        T0.plusSeconds(20))));
    assertEquals(List.of(x4, d5), ledger.find(filter(Set.of(), null, null, T0.plusSeconds(40),
        Instant.MAX)));
    assertEquals(List.of(t3), ledger.find(filter(Set.of(PayoutState.CONFIRMED, PayoutState.FAILED),
        Asset.TRX, PayoutKind.TRANSFER, T0.plusSeconds(1), null)));
    assertEquals(List.of(), ledger.find(filter(Set.of(PayoutState.CANCELLED), null, null, null,
        null)));
  }

  private static PayoutFilter filter(Set<PayoutState> states, Asset asset, PayoutKind kind,
      Instant from, Instant before) {
    return new PayoutFilter(states, asset, kind, from, before, Integer.MAX_VALUE);
  }

  @Test
  void find_equalCreationTimes_keepInsertionOrder_andLimitCutsTheOldestFirst() {
    Payout c = trx("o-c", 1, T0);
    Payout a = trx("o-a", 2, T0);
    Payout b = trx("o-b", 3, T0);
    ledger.insertIfAbsent(List.of(c, a, b));
    Payout z = trx("o-z", 4, T0);
    Payout early = trx("o-early", 5, T0.minusNanos(1));
    ledger.insertIfAbsent(List.of(z, early));

    assertEquals(List.of(early, c, a, b, z), ledger.find(PayoutFilter.all()));
    assertEquals(List.of(early, c), ledger.find(new PayoutFilter(Set.of(), null, null, null, null,
        2)));
    assertEquals(List.of(c), ledger.find(new PayoutFilter(Set.of(), null, null, T0, null, 1)));
  }

  // ---------------------------------------------------------------- analytics

  @Test
  void analytics_emptyLedger_isAllZero() {
    PayoutAnalytics totals = ledger.analytics();

    Map<PayoutState, Long> zeros = new EnumMap<>(PayoutState.class);
    Arrays.stream(PayoutState.values()).forEach(s -> zeros.put(s, 0L));
    assertEquals(zeros, totals.counts());
    assertEquals(Map.of(), totals.confirmedVolume());
    assertEquals(0L, totals.feesBurnedSun());
  }

  @Test
  void analytics_countsEveryState_sumsConfirmedTransfersPerAsset_andEveryFee() {
    BigInteger bigUsdt = largestAmount().subtract(BigInteger.valueOf(1_000));
    long[] fees = {268_000, 0, 13_844_600, 8_123_456, 345_000};
    settle(trx("a-1", 1_000_000, T0), PayoutState.CONFIRMED, fees[0]);
    settle(trx("a-2", 2_500_000, T0), PayoutState.CONFIRMED, fees[1]);
    settle(draft("a-3", Asset.USDT, bigUsdt, T0), PayoutState.CONFIRMED, fees[2]);
    settle(draft("a-4", Asset.USDT, BigInteger.valueOf(777), T0), PayoutState.FAILED, fees[3]);
    settle(draft("po-a-5", "a-5", PayoutKind.DELEGATE_ENERGY, Asset.TRX,
        BigInteger.valueOf(50_000_000), T0), PayoutState.CONFIRMED, fees[4]);
    settle(draft("a-6", OTHER, BigInteger.TEN.pow(20), T0), PayoutState.CONFIRMED, 0);
    storeIn(draft("a-7", Asset.USDT, BigInteger.ONE, T0), PayoutState.CANCELLED);
    storeIn(trx("a-8", 1, T0), PayoutState.REQUESTED);
    storeIn(trx("a-9", 1, T0), PayoutState.REQUESTED);
    storeIn(trx("a-10", 1, T0), PayoutState.EXPIRED);

    PayoutAnalytics totals = ledger.analytics();

    Map<PayoutState, Long> counts = new EnumMap<>(PayoutState.class);
    counts.put(PayoutState.REQUESTED, 2L);
    counts.put(PayoutState.SIGNED, 0L);
    counts.put(PayoutState.BROADCAST, 0L);
    counts.put(PayoutState.CONFIRMED, 5L);
    counts.put(PayoutState.FAILED, 1L);
    counts.put(PayoutState.EXPIRED, 1L);
    counts.put(PayoutState.CANCELLED, 1L);
    assertEquals(counts, totals.counts());
    assertEquals(Map.of("TRX", BigInteger.valueOf(3_500_000), Asset.USDT.key(), bigUsdt,
        OTHER.key(), BigInteger.TEN.pow(20)), totals.confirmedVolume());
    assertEquals(268_000L + 13_844_600 + 8_123_456 + 345_000, totals.feesBurnedSun());
  }

  /** Stores a payout and walks it to a final state with a fee, as the service would. */
  private void settle(Payout draft, PayoutState end, long fee) {
    ledger.insertIfAbsent(List.of(draft));
    Payout signed = draft.signed("ef".repeat(32), hexOf(50, 3), 1, T0);
    ledger.update(signed);
    Payout sent = signed.next(PayoutState.BROADCAST, T0);
    ledger.update(sent);
    ledger.update(sent.onChain(end, fee, 42, end == PayoutState.FAILED ? "OUT_OF_ENERGY" : null,
        T0));
  }
}

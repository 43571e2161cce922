package io.tronpay.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.TokenAmount;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The request model, the state machine table and the small value types. */
class ModelTest {
  /** The transitions as the issue lists them, plus cancellation of requests without money. */
  private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = Map.of(
      PaymentStatus.PENDING, EnumSet.of(PaymentStatus.SEEN, PaymentStatus.EXPIRED,
          PaymentStatus.CANCELLED),
      PaymentStatus.SEEN, EnumSet.of(PaymentStatus.CONFIRMED, PaymentStatus.OVERPAID,
          PaymentStatus.UNDERPAID, PaymentStatus.REVERTED),
      PaymentStatus.REVERTED, EnumSet.of(PaymentStatus.SEEN, PaymentStatus.EXPIRED,
          PaymentStatus.CANCELLED),
      PaymentStatus.CONFIRMED, EnumSet.of(PaymentStatus.OVERPAID),
      PaymentStatus.EXPIRED, EnumSet.of(PaymentStatus.LATE),
      PaymentStatus.UNDERPAID, EnumSet.of(PaymentStatus.LATE),
      PaymentStatus.OVERPAID, EnumSet.noneOf(PaymentStatus.class),
      PaymentStatus.LATE, EnumSet.noneOf(PaymentStatus.class),
      PaymentStatus.CANCELLED, EnumSet.noneOf(PaymentStatus.class));

  private static PaymentRequest.Builder valid() {
    return PaymentRequest.builder().orderId("order-1")
        .address(MonitorFlowTest.address(1)).usdt(TokenAmount.of(1_000_000, 6));
  }

  @Test
  void status_everyPairOfStates_followsTheTransitionTable() {
    for (PaymentStatus from : PaymentStatus.values()) {
      for (PaymentStatus to : PaymentStatus.values()) {
        boolean allowed = ALLOWED.get(from).contains(to);
        assertEquals(allowed, from.canMoveTo(to), from + " -> " + to);
        if (!allowed) {
          IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
              () -> from.moveTo(to));
          assertEquals("a payment cannot go from " + from + " to " + to, e.getMessage());
        }
      }
    }
  }

  @Test
  void status_openStates_arePendingSeenAndReverted() {
    for (PaymentStatus s : PaymentStatus.values()) {
      boolean open = s == PaymentStatus.PENDING || s == PaymentStatus.SEEN
          || s == PaymentStatus.REVERTED;
      assertEquals(open, s.isOpen(), s.name());
      assertEquals(!open, s.isFinal(), s.name());
    }
  }

  @Test
  void eventType_wireNames_areTheOnesTheIssueNames() {
    assertEquals(List.of("payment.detected", "payment.confirmed", "payment.overpaid",
        "payment.underpaid", "payment.expired", "payment.late", "payment.reverted",
        "payment.cancelled", "transfer.unmatched"),
        java.util.Arrays.stream(EventType.values()).map(EventType::wireName).toList());
    for (EventType t : EventType.values()) {
      assertEquals(t, EventType.fromWireName(t.wireName()));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventType.fromWireName("payment.lost"));
    assertEquals("unknown event type 'payment.lost'", e.getMessage());
  }

  @Test
  void request_withoutId_getsAUuid_andDefaultsTo24HoursAndSolidified() {
    PaymentRequest r = valid().build();
    assertEquals(r.id(), UUID.fromString(r.id()).toString());
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(t.plus(Duration.ofHours(24)), r.expiryFrom(t));
    assertEquals(ConfirmationPolicy.SOLIDIFIED, r.confirmation());
    assertEquals(MatchMode.UNIQUE_ADDRESS, r.matchMode());
    assertEquals(TokenAmount.of(1_000_000, 6), r.expectedAmount());
  }

  @Test
  void request_missingFields_areNamed() {
    assertEquals("orderId is required", assertThrows(InvalidPaymentRequestException.class,
        () -> PaymentRequest.builder().address(MonitorFlowTest.address(1)).trx(1).build())
        .getMessage());
    assertEquals("address is required", assertThrows(InvalidPaymentRequestException.class,
        () -> PaymentRequest.builder().orderId("o").trx(1).build()).getMessage());
    assertEquals("expected amount is required", assertThrows(
        InvalidPaymentRequestException.class,
        () -> PaymentRequest.builder().orderId("o").address(MonitorFlowTest.address(1)).build())
        .getMessage());
  }

  @Test
  void request_badValues_areTypedAndNamed() {
    assertEquals("expected amount must be more than 0, got 0",
        assertThrows(InvalidPaymentRequestException.class, () -> valid().trx(0)).getMessage());
    assertEquals("amount has 2 decimals but USDT has 6",
        assertThrows(InvalidPaymentRequestException.class,
            () -> valid().usdt(TokenAmount.of(5, 2))).getMessage());
    assertEquals("orderId has a control character at index 2",
        assertThrows(InvalidPaymentRequestException.class, () -> valid().orderId("ab\ncd"))
            .getMessage());
    assertEquals("callbackUrl must be an absolute http(s) URL with a host",
        assertThrows(InvalidPaymentRequestException.class,
            () -> valid().callbackUrl("ftp://example.org/x")).getMessage());
    assertTrue(assertThrows(InvalidPaymentRequestException.class,
        () -> valid().id("x".repeat(129))).getMessage().contains("got 129"));
  }

  @Test
  void request_toString_leavesMetadataOut() {
    PaymentRequest r = valid().metadata("email", "alice@example.org").build();
    assertFalse(r.toString().contains("alice"), r.toString());
    assertEquals(Map.of("email", "alice@example.org"), r.metadata());
  }

  @Test
  void confirmationPolicy_blocks_countsTheBlockItself() {
    ConfirmationPolicy three = ConfirmationPolicy.blocks(3);
    assertFalse(three.isConfirmed(10, 11, 0));
    assertTrue(three.isConfirmed(10, 12, 0));
    assertTrue(ConfirmationPolicy.SOLIDIFIED.isConfirmed(10, 10, 10));
    assertFalse(ConfirmationPolicy.SOLIDIFIED.isConfirmed(10, 50, 9));
    assertEquals("confirmation depth must be at least 1, got 0", assertThrows(
        InvalidPaymentRequestException.class, () -> ConfirmationPolicy.blocks(0)).getMessage());
  }

  @Test
  void amountAllocator_handsOutTheSmallestFreeIncrement() {
    BigInteger base = BigInteger.valueOf(5_000_000);
    assertEquals(BigInteger.valueOf(5_000_001), AmountAllocator.DEFAULT.allocate(base, List.of()));
    assertEquals(BigInteger.valueOf(5_000_002), AmountAllocator.DEFAULT.allocate(base,
        List.of(BigInteger.valueOf(5_000_001), BigInteger.valueOf(5_000_003))));
    AmountAllocator tiny = new AmountAllocator(BigInteger.TEN, 2);
    assertEquals(BigInteger.valueOf(5_000_020), tiny.allocate(base,
        List.of(BigInteger.valueOf(5_000_010))));
    assertThrows(AmountAllocator.AllocationExhaustedException.class, () -> tiny.allocate(base,
        List.of(BigInteger.valueOf(5_000_010), BigInteger.valueOf(5_000_020))));
  }

  @Test
  void deliveryPolicy_backoffDoublesUpToTheCap() {
    DeliveryPolicy p = new DeliveryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(5), Duration.ofSeconds(5)),
        List.of(p.backoff(1), p.backoff(2), p.backoff(3), p.backoff(4), p.backoff(9)));
  }

  @Test
  void asset_equalityIsByContract_andTrxHasSixDecimals() {
    assertEquals(Asset.USDT, Asset.trc20("Tether", Asset.USDT.contract(), 6));
    assertTrue(Asset.TRX.isTrx());
    assertNotNull(assertThrows(InvalidPaymentRequestException.class,
        () -> new Asset("TRX", null, 8)).getMessage());
  }
}

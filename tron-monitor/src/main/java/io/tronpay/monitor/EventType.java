package io.tronpay.monitor;

/** The kinds of event a monitor reports; {@link #wireName()} is the stable external name. */
public enum EventType {
  /** A transfer for the request is on chain, unconfirmed ({@code payment.detected}). */
  PAYMENT_DETECTED("payment.detected", PaymentStatus.SEEN),
  /** Paid in full and confirmed ({@code payment.confirmed}). */
  PAYMENT_CONFIRMED("payment.confirmed", PaymentStatus.CONFIRMED),
  /** Paid more than expected ({@code payment.overpaid}). */
  PAYMENT_OVERPAID("payment.overpaid", PaymentStatus.OVERPAID),
  /** Expired with a partial payment ({@code payment.underpaid}). */
  PAYMENT_UNDERPAID("payment.underpaid", PaymentStatus.UNDERPAID),
  /** Expired with nothing received ({@code payment.expired}). */
  PAYMENT_EXPIRED("payment.expired", PaymentStatus.EXPIRED),
  /** Money confirmed after the expiry ({@code payment.late}). */
  PAYMENT_LATE("payment.late", PaymentStatus.LATE),
  /** A reorg removed the seen transfers ({@code payment.reverted}). */
  PAYMENT_REVERTED("payment.reverted", PaymentStatus.REVERTED),
  /** The host cancelled the request ({@code payment.cancelled}). */
  PAYMENT_CANCELLED("payment.cancelled", PaymentStatus.CANCELLED),
  /** A confirmed transfer to a watched address that no request takes ({@code transfer.unmatched}). */
  TRANSFER_UNMATCHED("transfer.unmatched", null);

  private final String wireName;
  private final PaymentStatus status;

  EventType(String wireName, PaymentStatus status) {
    this.wireName = wireName;
    this.status = status;
  }

  /** The stable name, such as {@code payment.confirmed}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The event a move into {@code status} produces.
   *
   * @param status the state entered
   * @return the event type
   * @throws IllegalArgumentException for {@link PaymentStatus#PENDING}, which no move enters
   */
  public static EventType forStatus(PaymentStatus status) {
    for (EventType type : values()) {
      if (type.status == status) {
        return type;
      }
    }
    throw new IllegalArgumentException("no event enters " + status);
  }

  /**
   * The type with a wire name.
   *
   * @param wireName such as {@code payment.late}
   * @return the type
   * @throws IllegalArgumentException naming the unknown name
   */
  public static EventType fromWireName(String wireName) {
    for (EventType type : values()) {
      if (type.wireName.equals(wireName)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown event type '" + wireName + "'");
  }
}

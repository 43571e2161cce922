package io.tronpay.monitor;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payment request stands. The allowed moves are listed by {@link #canMoveTo}; each move
 * produces exactly one event.
 *
 * <pre>
 * PENDING  → SEEN, EXPIRED, CANCELLED
 * SEEN     → CONFIRMED, OVERPAID, UNDERPAID, REVERTED
 * REVERTED → SEEN, EXPIRED, CANCELLED
 * CONFIRMED → OVERPAID
 * EXPIRED, UNDERPAID → LATE
 * </pre>
 */
public enum PaymentStatus {
  /** Watched; nothing received yet. */
  PENDING,
  /** A transfer is on chain but not yet confirmed. */
  SEEN,
  /** Paid in full, confirmed. */
  CONFIRMED,
  /** Paid more than expected, confirmed. */
  OVERPAID,
  /** Expired with a partial payment. */
  UNDERPAID,
  /** Expired with nothing received. */
  EXPIRED,
  /** Money arrived after the expiry. */
  LATE,
  /** A reorg removed every seen transfer; the request waits for payment again. */
  REVERTED,
  /** The host cancelled the request before anything was received. */
  CANCELLED;

  /** Whether the request still waits for its payment (no final verdict yet). */
  public boolean isOpen() {
    return this == PENDING || this == SEEN || this == REVERTED;
  }

  /** Whether the request has a verdict; only retention keeps it in the store. */
  public boolean isFinal() {
    return !isOpen();
  }

  /**
   * Whether a payment may move from this state to {@code next}. A state never moves to itself;
   * a further credit to an {@link #OVERPAID} or {@link #LATE} request repeats that event instead.
   *
   * @param next the state asked for
   * @return whether the move is allowed
   */
  public boolean canMoveTo(PaymentStatus next) {
    return successors().contains(next);
  }

  /** The states this one may move to. */
  public Set<PaymentStatus> successors() {
    switch (this) {
      case PENDING:
        return EnumSet.of(SEEN, EXPIRED, CANCELLED);
      case SEEN:
        return EnumSet.of(CONFIRMED, OVERPAID, UNDERPAID, REVERTED);
      case REVERTED:
        return EnumSet.of(SEEN, EXPIRED, CANCELLED);
      case CONFIRMED:
        return EnumSet.of(OVERPAID);
      case EXPIRED:
      case UNDERPAID:
        return EnumSet.of(LATE);
      default:
        return EnumSet.noneOf(PaymentStatus.class);
    }
  }

  /**
   * Checks a move.
   *
   * @param next the state asked for
   * @return {@code next}
   * @throws IllegalTransitionException if the move is not allowed
   */
  public PaymentStatus moveTo(PaymentStatus next) {
    if (!canMoveTo(next)) {
      throw new IllegalTransitionException(this, next);
    }
    return next;
  }
}

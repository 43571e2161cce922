package io.tronpay.payouts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which payouts {@link PayoutService#history(PayoutFilter)} returns. Null fields match
 * everything; results come oldest first.
 *
 * @param states the states to match, or empty for all
 * @param asset the asset to match, or null
 * @param kind the kind to match, or null
 * @param createdFrom the earliest creation time, inclusive, or null
 * @param createdBefore the latest creation time, exclusive, or null
 * @param limit the most results, at least 1
 */
public record PayoutFilter(
    Set<PayoutState> states, Asset asset, PayoutKind kind, Instant createdFrom,
    Instant createdBefore, int limit) {
  /** Copies the set and checks the limit. */
  public PayoutFilter {
    states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    if (limit < 1) {
      throw new InvalidFieldException("limit", "must be at least 1, got " + limit);
    }
  }

  /**
   * Every payout.
   *
   * @return a filter that matches everything
   */
  public static PayoutFilter all() {
    return new PayoutFilter(Set.of(), null, null, null, null, Integer.MAX_VALUE);
  }

  /**
   * Payouts in one of {@code states}.
   *
   * @param states the states
   * @return the filter
   */
  public static PayoutFilter inStates(Set<PayoutState> states) {
    return new PayoutFilter(states, null, null, null, null, Integer.MAX_VALUE);
  }

  /**
   * Whether {@code payout} matches.
   *
   * @param payout a payout
   * @return true if every set field matches
   */
  public boolean matches(Payout payout) {
    return (states.isEmpty() || states.contains(payout.state()))
        && (asset == null || asset.key().equals(payout.asset().key()))
        && (kind == null || kind == payout.kind())
        && (createdFrom == null || !payout.createdAt().isBefore(createdFrom))
        && (createdBefore == null || payout.createdAt().isBefore(createdBefore));
  }
}

package io.tronpay.payouts;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link PayoutService} stores its payouts: the service provider interface behind the
 * crash-safety guarantee. Every method must be durable when it returns, and each call must be
 * atomic, so a JDBC implementation runs each call in one database transaction: a unique index on
 * the idempotency key for {@link #insertIfAbsent}, and {@code UPDATE ... WHERE id = ? AND version
 * = ?} for {@link #update}.
 *
 * <p>Implementations must be thread-safe.
 */
public interface PayoutLedger {
  /**
   * Stores every payout whose idempotency key is new, all or none.
   *
   * @param payouts new payouts at version 0, with distinct keys
   * @return for each payout in order, the stored one: the given payout if its key was new, else
   *     the payout already stored under that key
   */
  List<Payout> insertIfAbsent(List<Payout> payouts);

  /**
   * The payout with this id.
   *
   * @param id the ledger id
   * @return the payout, or empty
   */
  Optional<Payout> findById(String id);

  /**
   * The payout with this idempotency key.
   *
   * @param idempotencyKey the key
   * @return the payout, or empty
   */
  Optional<Payout> findByKey(String idempotencyKey);

  /**
   * Replaces the stored payout with {@code next} if the stored version is {@code next.version() -
   * 1}.
   *
   * @param next the new version
   * @throws LedgerConflictException if the stored version differs
   */
  void update(Payout next);

  /**
   * The payouts that match, oldest first.
   *
   * @param filter what to match
   * @return at most {@code filter.limit()} payouts
   */
  List<Payout> find(PayoutFilter filter);

  /**
   * Totals over every payout. The default reads them all; a database implementation should
   * aggregate in SQL instead.
   *
   * @return the totals
   */
  default PayoutAnalytics analytics() {
    Map<PayoutState, Long> counts = new EnumMap<>(PayoutState.class);
    for (PayoutState state : PayoutState.values()) {
      counts.put(state, 0L);
    }
    Map<String, BigInteger> volume = new HashMap<>();
    long fees = 0;
    for (Payout p : find(PayoutFilter.all())) {
      counts.merge(p.state(), 1L, Long::sum);
      fees += p.feeSun();
      if (p.state() == PayoutState.CONFIRMED && p.kind() == PayoutKind.TRANSFER) {
        volume.merge(p.asset().key(), p.amount(), BigInteger::add);
      }
    }
    return new PayoutAnalytics(counts, volume, fees);
  }
}

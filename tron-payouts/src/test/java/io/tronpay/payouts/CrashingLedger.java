package io.tronpay.payouts;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A ledger wrapper that simulates a process crash at chosen points of the payout flow: it throws
 * {@link Crash} (an Error, which the service never catches) with a fixed-seed probability, or at
 * one chosen call of {@link #update}.
 */
final class CrashingLedger implements PayoutLedger {
  /** Where a crash happens. */
  enum Point {
    /** Signed in memory, SIGNED not stored: the transaction is lost, never sent. */
    BEFORE_SIGN,
    /** SIGNED stored, nothing sent yet. */
    AFTER_SIGN,
    /** Sent and accepted, but BROADCAST never stored. */
    AFTER_BROADCAST_BEFORE_STORE,
    /** CONFIRMED stored, the caller never told. */
    AFTER_CONFIRM
  }

  /** A simulated crash. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(Point point) {
      super("simulated crash " + point);
    }

    Crash(int update, boolean afterStore, Payout next) {
      super("simulated crash " + (afterStore ? "after" : "before") + " storing update " + update
          + " (" + next.idempotencyKey() + " " + next.state() + ")");
    }
  }

  private final PayoutLedger delegate;
  private final Random random;
  private final double probability;
  private final Map<Point, Integer> crashes = new EnumMap<>(Point.class);
  private final int crashAtUpdate;
  private final boolean afterStore;
  private int updates;

  CrashingLedger(PayoutLedger delegate, long seed, double probability) {
    this(delegate, seed, probability, 0, false);
  }

  private CrashingLedger(PayoutLedger delegate, long seed, double probability, int crashAtUpdate,
      boolean afterStore) {
    this.delegate = delegate;
    this.random = new Random(seed);
    this.probability = probability;
    this.crashAtUpdate = crashAtUpdate;
    this.afterStore = afterStore;
  }

  /**
   * Crashes at the {@code n}-th call of {@link #update} only: before storing it, or just after.
   */
  static CrashingLedger atUpdate(PayoutLedger delegate, int n, boolean afterStore) {
    return new CrashingLedger(delegate, 0, 0, n, afterStore);
  }

  /** Calls of {@link #update} so far. */
  int updates() {
    return updates;
  }

  Map<Point, Integer> crashes() {
    return crashes;
  }

  private void maybeCrash(Point point) {
    if (random.nextDouble() < probability) {
      crashes.merge(point, 1, Integer::sum);
      throw new Crash(point);
    }
  }

  @Override
  public void update(Payout next) {
    if (crashAtUpdate > 0) {
      boolean chosen = ++updates == crashAtUpdate;
      if (chosen && !afterStore) {
        throw new Crash(updates, false, next);
      }
      delegate.update(next);
      if (chosen) {
        throw new Crash(updates, true, next);
      }
      return;
    }
    PayoutState before = delegate.findById(next.id()).orElseThrow().state();
    if (next.state() == PayoutState.SIGNED && before != PayoutState.SIGNED) {
      maybeCrash(Point.BEFORE_SIGN);
      delegate.update(next);
      maybeCrash(Point.AFTER_SIGN);
      return;
    }
    if (next.state() == PayoutState.BROADCAST && before == PayoutState.SIGNED) {
      maybeCrash(Point.AFTER_BROADCAST_BEFORE_STORE);
    }
    delegate.update(next);
    if (next.state() == PayoutState.CONFIRMED) {
      maybeCrash(Point.AFTER_CONFIRM);
    }
  }

  @Override
  public List<Payout> insertIfAbsent(List<Payout> payouts) {
    return delegate.insertIfAbsent(payouts);
  }

  @Override
  public Optional<Payout> findById(String id) {
    return delegate.findById(id);
  }

  @Override
  public Optional<Payout> findByKey(String idempotencyKey) {
    return delegate.findByKey(idempotencyKey);
  }

  @Override
  public List<Payout> find(PayoutFilter filter) {
    return delegate.find(filter);
  }
}

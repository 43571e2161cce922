package io.tronpay.payouts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PayoutLedger} in memory: for tests, and for hosts that keep no state across restarts.
 * Thread-safe.
 */
public final class InMemoryPayoutLedger implements PayoutLedger {
  private final Map<String, Payout> byId = new LinkedHashMap<>();
  private final Map<String, String> idByKey = new HashMap<>();

  /** An empty ledger. */
  public InMemoryPayoutLedger() {
    // Nothing to set up: the maps start empty.
  }

  @Override
  public synchronized List<Payout> insertIfAbsent(List<Payout> payouts) {
    List<Payout> result = new ArrayList<>(payouts.size());
    Map<String, Payout> fresh = new LinkedHashMap<>();
    for (Payout p : payouts) {
      String existing = idByKey.get(p.idempotencyKey());
      if (existing != null) {
        result.add(byId.get(existing));
      } else if (fresh.containsKey(p.idempotencyKey())) {
        result.add(fresh.get(p.idempotencyKey()));
      } else {
        if (p.version() != 0) {
          throw new IllegalArgumentException("a new payout must be at version 0");
        }
        fresh.put(p.idempotencyKey(), p);
        result.add(p);
      }
    }
    for (Payout p : fresh.values()) {
      byId.put(p.id(), p);
      idByKey.put(p.idempotencyKey(), p.id());
    }
    return result;
  }

  @Override
  public synchronized Optional<Payout> findById(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized Optional<Payout> findByKey(String idempotencyKey) {
    String id = idByKey.get(idempotencyKey);
    return id == null ? Optional.empty() : Optional.of(byId.get(id));
  }

  @Override
  public synchronized void update(Payout next) {
    Payout stored = byId.get(next.id());
    if (stored == null || stored.version() != next.version() - 1) {
      throw new LedgerConflictException(next.id(), next.version() - 1);
    }
    byId.put(next.id(), next);
  }

  @Override
  public synchronized List<Payout> find(PayoutFilter filter) {
    List<Payout> out = new ArrayList<>();
    for (Payout p : byId.values()) {
      if (filter.matches(p)) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparing(Payout::createdAt));
    return out.size() > filter.limit() ? List.copyOf(out.subList(0, filter.limit())) : out;
  }

  @Override
  public String toString() {
    return "InMemoryPayoutLedger[" + byId.size() + " payouts]";
  }
}

package io.tronpay.monitor;

import io.tronpay.core.Address;
import io.tronpay.monitor.internal.PaymentIndex;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link PaymentStore} in the heap: fast, and gone when the process ends. Thread-safe; every
 * method holds one lock, so {@link #apply} is atomic.
 *
 * <p>Requests are indexed by id, order id and address in open-addressing tables (one array
 * slot per request and index, no entry objects), so a million pending requests cost little more
 * than the requests themselves: about 430 bytes each for a typical USDT request, the request included.
 */
public final class InMemoryPaymentStore implements PaymentStore {
  private final Object lock = new Object();
  private final PaymentIndex<String> payments = new PaymentIndex<>(Payment::id);
  private final PaymentIndex<String> byOrderId = new PaymentIndex<>(p -> p.request().orderId());
  private final PaymentIndex<Address> byAddress = new PaymentIndex<>(p -> p.request().address());
  private final LinkedHashMap<Transfer.Key, TransferRecord> transfers = new LinkedHashMap<>();
  private final HashMap<String, List<Transfer.Key>> transferKeysByPayment = new HashMap<>();
  private final LinkedHashSet<Transfer.Key> unconfirmed = new LinkedHashSet<>();
  private final LinkedHashMap<String, OutboxEntry> outbox = new LinkedHashMap<>();
  private final HashMap<String, Instant> leases = new HashMap<>();
  private long deadLetters;
  private ScanCursor cursor;

  /** An empty store. */
  public InMemoryPaymentStore() {}

  @Override
  public void insert(List<Payment> batch) {
    synchronized (lock) {
      Set<String> ids = new HashSet<>();
      Set<String> orderIds = new HashSet<>();
      for (Payment p : batch) {
        if (p.version() != 0) {
          throw new IllegalArgumentException("a new payment starts at version 0, "
              + p.id() + " is at " + p.version());
        }
        if (payments.first(p.id()) != null || !ids.add(p.id())) {
          throw new DuplicatePaymentIdException(p.id());
        }
        String orderId = p.request().orderId();
        if (byOrderId.first(orderId) != null || !orderIds.add(orderId)) {
          throw new DuplicateOrderIdException(orderId);
        }
      }
      for (Payment p : batch) {
        payments.add(p);
        byOrderId.add(p);
        byAddress.add(p);
      }
    }
  }

  @Override
  public void apply(StoreBatch batch) {
    synchronized (lock) {
      for (StoreBatch.PaymentChange change : batch.payments()) {
        Payment current = payments.first(change.next().id());
        if (current == null) {
          throw new UnknownPaymentException(change.next().id());
        }
        if (current.version() != change.expectedVersion()) {
          throw new StaleStateException("payment " + current.id() + " is at version "
              + current.version() + ", the change expects " + change.expectedVersion());
        }
      }
      for (TransferRecord t : batch.transfers()) {
        TransferRecord old = transfers.put(t.key(), t);
        if (t.paymentId() != null && (old == null || !t.paymentId().equals(old.paymentId()))) {
          transferKeysByPayment.computeIfAbsent(t.paymentId(), k -> new ArrayList<>(2))
              .add(t.key());
        }
        if (t.state() == TransferState.UNCONFIRMED) {
          unconfirmed.add(t.key());
        } else {
          unconfirmed.remove(t.key());
        }
      }
      for (StoreBatch.PaymentChange change : batch.payments()) {
        payments.replace(change.next());
        byOrderId.replace(change.next());
        byAddress.replace(change.next());
      }
      for (PaymentEvent e : batch.events()) {
        outbox.putIfAbsent(e.eventId(), new OutboxEntry(e, 0, e.occurredAt()));
      }
      if (batch.cursor() != null) {
        cursor = batch.cursor();
      }
    }
  }

  @Override
  public Optional<Payment> find(String id) {
    synchronized (lock) {
      return Optional.ofNullable(payments.first(id));
    }
  }

  @Override
  public Optional<Payment> findByOrderId(String orderId) {
    synchronized (lock) {
      return Optional.ofNullable(byOrderId.first(orderId));
    }
  }

  @Override
  public Map<Address, List<Payment>> findByAddresses(Collection<Address> addresses) {
    synchronized (lock) {
      Map<Address, List<Payment>> out = new HashMap<>();
      for (Address address : addresses) {
        if (out.containsKey(address)) {
          continue;
        }
        List<Payment> list = byAddress.all(address);
        if (!list.isEmpty()) {
          out.put(address, list);
        }
      }
      return out;
    }
  }

  @Override
  public Map<Transfer.Key, TransferRecord> findTransfers(Collection<Transfer.Key> keys) {
    synchronized (lock) {
      Map<Transfer.Key, TransferRecord> out = new HashMap<>();
      for (Transfer.Key key : keys) {
        TransferRecord t = transfers.get(key);
        if (t != null) {
          out.put(key, t);
        }
      }
      return out;
    }
  }

  @Override
  public List<TransferRecord> transfersOf(String paymentId) {
    synchronized (lock) {
      List<TransferRecord> out = new ArrayList<>();
      for (Transfer.Key key : transferKeysByPayment.getOrDefault(paymentId, List.of())) {
        TransferRecord t = transfers.get(key);
        // A reverted transfer that came back may have matched another request since.
        if (t != null && paymentId.equals(t.paymentId())) {
          out.add(t);
        }
      }
      return out;
    }
  }

  @Override
  public List<TransferRecord> unconfirmedTransfers() {
    synchronized (lock) {
      List<TransferRecord> out = new ArrayList<>(unconfirmed.size());
      for (Transfer.Key key : unconfirmed) {
        out.add(transfers.get(key));
      }
      out.sort(Comparator.comparingLong(t -> t.transfer().blockNumber()));
      return out;
    }
  }

  @Override
  public List<Payment> findExpired(Instant cutoff, int limit) {
    synchronized (lock) {
      List<Payment> out = new ArrayList<>();
      payments.forEach(p -> {
        if (p.status().isOpen() && !p.expiresAt().isAfter(cutoff)) {
          out.add(p);
        }
      });
      out.sort(Comparator.comparing(Payment::expiresAt).thenComparing(Payment::id));
      return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }
  }

  @Override
  public long openCount() {
    synchronized (lock) {
      long[] n = {0};
      payments.forEach(p -> {
        if (p.status().isOpen()) {
          n[0]++;
        }
      });
      return n[0];
    }
  }

  @Override
  public Optional<ScanCursor> cursor() {
    synchronized (lock) {
      return Optional.ofNullable(cursor);
    }
  }

  @Override
  public List<OutboxEntry> claim(Instant now, Instant leaseUntil, int max) {
    synchronized (lock) {
      List<OutboxEntry> out = new ArrayList<>();
      // A payment's later events wait while an earlier one is retrying or claimed elsewhere.
      Set<String> waiting = new HashSet<>();
      for (OutboxEntry entry : outbox.values()) {
        if (out.size() >= max) {
          break;
        }
        String paymentId = entry.event().paymentId();
        if (paymentId != null && waiting.contains(paymentId)) {
          continue;
        }
        Instant lease = leases.get(entry.event().eventId());
        if (entry.notBefore().isAfter(now) || (lease != null && lease.isAfter(now))) {
          if (paymentId != null) {
            waiting.add(paymentId);
          }
          continue;
        }
        leases.put(entry.event().eventId(), leaseUntil);
        out.add(entry);
      }
      return out;
    }
  }

  @Override
  public void ack(String eventId) {
    synchronized (lock) {
      outbox.remove(eventId);
      leases.remove(eventId);
    }
  }

  @Override
  public void retryLater(String eventId, int attempts, Instant notBefore) {
    synchronized (lock) {
      OutboxEntry entry = outbox.get(eventId);
      if (entry != null) {
        outbox.put(eventId, new OutboxEntry(entry.event(), attempts, notBefore));
      }
      leases.remove(eventId);
    }
  }

  @Override
  public void deadLetter(String eventId) {
    synchronized (lock) {
      if (outbox.remove(eventId) != null) {
        deadLetters++;
      }
      leases.remove(eventId);
    }
  }

  @Override
  public int purgeFinished(Instant finishedBefore) {
    synchronized (lock) {
      int purged = 0;
      for (Payment p : payments.snapshot()) {
        if (p.finishedAt() == null || !p.finishedAt().isBefore(finishedBefore)) {
          continue;
        }
        payments.remove(p);
        byOrderId.remove(p);
        byAddress.remove(p);
        for (Transfer.Key key : transferKeysByPayment.getOrDefault(p.id(), List.of())) {
          transfers.remove(key);
          unconfirmed.remove(key);
        }
        transferKeysByPayment.remove(p.id());
        purged++;
      }
      return purged;
    }
  }

  @Override
  public StoreStats stats() {
    synchronized (lock) {
      Map<PaymentStatus, Long> counts = new EnumMap<>(PaymentStatus.class);
      Map<Asset, Map<PaymentStatus, BigInteger>> volumes = new HashMap<>();
      payments.forEach(p -> {
        counts.merge(p.status(), 1L, Long::sum);
        if (p.confirmedUnits().signum() > 0) {
          volumes.computeIfAbsent(p.request().asset(), a -> new EnumMap<>(PaymentStatus.class))
              .merge(p.status(), p.confirmedUnits(), BigInteger::add);
        }
      });
      long unmatched = 0;
      for (TransferRecord t : transfers.values()) {
        if (t.isUnmatched() && t.state() != TransferState.REVERTED) {
          unmatched++;
        }
      }
      Map<Asset, Map<PaymentStatus, BigInteger>> frozen = new HashMap<>();
      volumes.forEach((asset, byStatus) -> frozen.put(asset, Map.copyOf(byStatus)));
      return new StoreStats(counts, frozen, unmatched, outbox.size(), deadLetters);
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "InMemoryPaymentStore{payments=" + payments.size() + ", transfers="
          + transfers.size() + ", outbox=" + outbox.size() + "}";
    }
  }
}

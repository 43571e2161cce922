package io.tronpay.monitor.internal;

import io.tronpay.core.Address;
import io.tronpay.monitor.ChainUpdate;
import io.tronpay.monitor.EventType;
import io.tronpay.monitor.MatchMode;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.PaymentStore;
import io.tronpay.monitor.ScanCursor;
import io.tronpay.monitor.StoreBatch;
import io.tronpay.monitor.Transfer;
import io.tronpay.monitor.TransferRecord;
import io.tronpay.monitor.TransferState;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher and state machine: turns one chain step (or an expiry pass, or a cancel) into the
 * {@link StoreBatch} that records it. It reads the store but never writes it; the caller applies
 * the batch. Not thread-safe: one step at a time.
 */
public final class PaymentEngine {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentEngine.class);

  private final PaymentStore store;

  /**
   * An engine over a store.
   *
   * @param store where state is read from
   */
  public PaymentEngine(PaymentStore store) {
    this.store = store;
  }

  /**
   * The batch that records a chain step.
   *
   * @param update the step
   * @param now the monitor clock
   * @return the batch, with the step's cursor
   */
  public StoreBatch step(ChainUpdate update, Instant now) {
    Work work = new Work(now);
    if (update.isRollback()) {
      rollback(work, update.rollbackAbove());
    } else {
      see(work, update.transfers());
    }
    confirm(work, update.head(), update.solid());
    return work.batch(update.cursor());
  }

  /**
   * The batch that expires open requests whose time is up, once the chain is settled past it.
   *
   * @param now the monitor clock
   * @param cursor the stored cursor
   * @param limit the most requests to look at
   * @return the batch (empty when nothing expired)
   */
  public StoreBatch expire(Instant now, ScanCursor cursor, int limit) {
    Work work = new Work(now);
    Instant settled = Instant.ofEpochMilli(cursor.settledTimestamp());
    Instant cutoff = now.isBefore(settled) ? now : settled;
    for (Payment p : store.findExpired(cutoff, limit)) {
      WorkPayment w = work.payment(p);
      if (w.status == PaymentStatus.PENDING || w.status == PaymentStatus.REVERTED) {
        w.move(PaymentStatus.EXPIRED, null);
      } else if (w.status == PaymentStatus.SEEN && w.confirmed.signum() > 0
          && !hasLiveOnTimeUnconfirmed(work, w)) {
        w.move(PaymentStatus.UNDERPAID, null);
      }
    }
    return work.batch(null);
  }

  /**
   * The batch that cancels a request.
   *
   * @param payment the request, which must be PENDING or REVERTED
   * @param now the monitor clock
   * @return the batch
   */
  public StoreBatch cancel(Payment payment, Instant now) {
    Work work = new Work(now);
    work.payment(payment).move(PaymentStatus.CANCELLED, null);
    return work.batch(null);
  }

  private void rollback(Work work, long above) {
    for (TransferRecord t : store.unconfirmedTransfers()) {
      if (t.transfer().blockNumber() <= above) {
        continue;
      }
      work.putTransfer(t.withState(TransferState.REVERTED));
      if (t.paymentId() == null) {
        continue;
      }
      WorkPayment w = work.payment(t.paymentId());
      w.unconfirmed = w.unconfirmed.subtract(t.transfer().units());
      w.touched = true;
      if (!t.late() && w.status == PaymentStatus.SEEN && w.confirmed.signum() == 0
          && !hasLiveOnTime(work, w)) {
        w.move(PaymentStatus.REVERTED, t.transfer());
      }
    }
  }

  private void see(Work work, List<Transfer> transfers) {
    if (transfers.isEmpty()) {
      return;
    }
    Set<Address> recipients = new HashSet<>();
    for (Transfer t : transfers) {
      recipients.add(t.to());
    }
    Map<Address, List<Payment>> watched = store.findByAddresses(recipients);
    // Only a transfer to a watched address can be a repeat that matters; most of a busy
    // block's transfers go elsewhere, so looking up just these keeps the read small.
    Set<Transfer.Key> keys = new HashSet<>();
    for (Transfer t : transfers) {
      if (watched.containsKey(t.to())) {
        keys.add(t.key());
      }
    }
    Map<Transfer.Key, TransferRecord> known = keys.isEmpty() ? Map.of()
        : store.findTransfers(keys);
    for (Transfer t : transfers) {
      TransferRecord old = work.transfers.containsKey(t.key()) ? work.transfers.get(t.key())
          : known.get(t.key());
      if (old != null && old.state() != TransferState.REVERTED) {
        LOG.debug("transfer {} is already recorded; ignoring the repeat", t.key());
        continue;
      }
      List<Payment> atAddress = watched.get(t.to());
      if (atAddress == null) {
        continue;
      }
      WorkPayment w = match(work, t, atAddress);
      if (w == null) {
        work.putTransfer(new TransferRecord(t, TransferState.UNCONFIRMED, null, false));
        continue;
      }
      boolean late = t.blockTimestamp() > w.expiresAt.toEpochMilli();
      work.putTransfer(new TransferRecord(t, TransferState.UNCONFIRMED, w.id(), late));
      w.unconfirmed = w.unconfirmed.add(t.units());
      w.touched = true;
      if (!late && (w.status == PaymentStatus.PENDING || w.status == PaymentStatus.REVERTED)) {
        w.move(PaymentStatus.SEEN, t);
      }
    }
  }

  /** The request a transfer pays, or null: unique-address requests take any amount, shared ones
   * only their exact amount; an open request wins over a finished one kept for retention. */
  private static WorkPayment match(Work work, Transfer t, List<Payment> atAddress) {
    WorkPayment unique = null;
    WorkPayment shared = null;
    for (Payment stored : atAddress) {
      WorkPayment w = work.payment(stored);
      if (!w.payment.request().asset().equals(t.asset()) || w.status == PaymentStatus.CANCELLED) {
        continue;
      }
      if (w.payment.request().matchMode() == MatchMode.UNIQUE_ADDRESS) {
        unique = better(unique, w);
      } else if (w.payment.request().expectedUnits().equals(t.units())) {
        shared = better(shared, w);
      }
    }
    return unique != null ? unique : shared;
  }

  private static WorkPayment better(WorkPayment current, WorkPayment candidate) {
    if (current == null) {
      return candidate;
    }
    if (current.status.isOpen() != candidate.status.isOpen()) {
      return candidate.status.isOpen() ? candidate : current;
    }
    return candidate.payment.watchedAt().isAfter(current.payment.watchedAt()) ? candidate
        : current;
  }

  private void confirm(Work work, long head, long solid) {
    Map<Transfer.Key, TransferRecord> candidates = new LinkedHashMap<>();
    for (TransferRecord t : store.confirmableTransfers(head, solid)) {
      candidates.put(t.key(), t);
    }
    candidates.putAll(work.transfers);
    List<TransferRecord> ordered = new ArrayList<>(candidates.values());
    ordered.removeIf(t -> t.state() != TransferState.UNCONFIRMED);
    ordered.sort(Comparator.comparingLong(t -> t.transfer().blockNumber()));
    work.load(ordered);
    for (TransferRecord t : ordered) {
      long block = t.transfer().blockNumber();
      if (t.paymentId() == null) {
        if (block <= solid) {
          work.putTransfer(t.withState(TransferState.CONFIRMED));
          work.unmatched(t.transfer());
        }
        continue;
      }
      WorkPayment w = work.payment(t.paymentId());
      if (!w.payment.request().confirmation().isConfirmed(block, head, solid)) {
        continue;
      }
      work.putTransfer(t.withState(TransferState.CONFIRMED));
      Transfer transfer = t.transfer();
      w.unconfirmed = w.unconfirmed.subtract(transfer.units());
      BigInteger before = w.confirmed;
      w.confirmed = w.confirmed.add(transfer.units());
      w.touched = true;
      boolean late = t.late() || w.status == PaymentStatus.EXPIRED
          || w.status == PaymentStatus.UNDERPAID || w.status == PaymentStatus.LATE;
      if (late) {
        confirmLate(w, transfer, before);
      } else {
        confirmOnTime(w, transfer);
      }
    }
  }

  private static void confirmOnTime(WorkPayment w, Transfer transfer) {
    if (w.status == PaymentStatus.PENDING || w.status == PaymentStatus.REVERTED) {
      w.move(PaymentStatus.SEEN, transfer);
    }
    int cmp = w.confirmed.compareTo(w.payment.request().expectedUnits());
    switch (w.status) {
      case SEEN:
        if (cmp == 0) {
          w.move(PaymentStatus.CONFIRMED, transfer);
        } else if (cmp > 0) {
          w.move(PaymentStatus.OVERPAID, transfer);
        }
        break;
      case CONFIRMED:
        w.move(PaymentStatus.OVERPAID, transfer);
        break;
      case OVERPAID:
        w.repeat(transfer);
        break;
      default:
        LOG.warn("payment {} in state {} got a confirmed transfer {}; credited, no event",
            w.id(), w.status, transfer.key());
    }
  }

  private static void confirmLate(WorkPayment w, Transfer transfer, BigInteger onTimeConfirmed) {
    switch (w.status) {
      case PENDING:
      case REVERTED:
      case SEEN:
        w.move(onTimeConfirmed.signum() == 0 ? PaymentStatus.EXPIRED : PaymentStatus.UNDERPAID,
            null);
        w.move(PaymentStatus.LATE, transfer);
        break;
      case EXPIRED:
      case UNDERPAID:
        w.move(PaymentStatus.LATE, transfer);
        break;
      case CONFIRMED:
        w.move(PaymentStatus.OVERPAID, transfer);
        break;
      case LATE:
      case OVERPAID:
        w.repeat(transfer);
        break;
      default:
        LOG.warn("payment {} in state {} got a late transfer {}; credited, no event", w.id(),
            w.status, transfer.key());
    }
  }

  private boolean hasLiveOnTime(Work work, WorkPayment w) {
    for (TransferRecord t : transfersOf(work, w)) {
      if (!t.late() && t.state() != TransferState.REVERTED) {
        return true;
      }
    }
    return false;
  }

  private boolean hasLiveOnTimeUnconfirmed(Work work, WorkPayment w) {
    for (TransferRecord t : transfersOf(work, w)) {
      if (!t.late() && t.state() == TransferState.UNCONFIRMED) {
        return true;
      }
    }
    return false;
  }

  private List<TransferRecord> transfersOf(Work work, WorkPayment w) {
    Map<Transfer.Key, TransferRecord> merged = new LinkedHashMap<>();
    for (TransferRecord t : store.transfersOf(w.id())) {
      merged.put(t.key(), t);
    }
    for (TransferRecord t : work.transfers.values()) {
      if (w.id().equals(t.paymentId())) {
        merged.put(t.key(), t);
      }
    }
    return new ArrayList<>(merged.values());
  }

  /** The changes of one step, collected before they are stored. */
  private final class Work {
    final Instant now;
    final LinkedHashMap<Transfer.Key, TransferRecord> transfers = new LinkedHashMap<>();
    final LinkedHashMap<String, WorkPayment> payments = new LinkedHashMap<>();
    final List<PaymentEvent> events = new ArrayList<>();

    Work(Instant now) {
      this.now = now;
    }

    void putTransfer(TransferRecord t) {
      transfers.put(t.key(), t);
    }

    WorkPayment payment(Payment stored) {
      return payments.computeIfAbsent(stored.id(), id -> new WorkPayment(this, stored));
    }

    /** Reads the payments of these transfers that this step has not read yet, in one call. */
    void load(List<TransferRecord> transfers) {
      Set<String> missing = new LinkedHashSet<>();
      for (TransferRecord t : transfers) {
        if (t.paymentId() != null && !payments.containsKey(t.paymentId())) {
          missing.add(t.paymentId());
        }
      }
      if (!missing.isEmpty()) {
        for (Payment stored : store.findAll(missing).values()) {
          payment(stored);
        }
      }
    }

    WorkPayment payment(String id) {
      WorkPayment w = payments.get(id);
      if (w != null) {
        return w;
      }
      Payment stored = store.find(id).orElseThrow(
          () -> new IllegalStateException("transfer refers to unknown payment " + id));
      return payment(stored);
    }

    void unmatched(Transfer t) {
      events.add(new PaymentEvent(EventIds.unmatched(t.txId(), t.logIndex()),
          EventType.TRANSFER_UNMATCHED, null, null, t.to(), t.asset(), null, t.amount(),
          t.amount(), t.txId(), t.logIndex(), t.blockNumber(), now));
    }

    StoreBatch batch(ScanCursor cursor) {
      List<StoreBatch.PaymentChange> changes = new ArrayList<>();
      for (WorkPayment w : payments.values()) {
        if (w.touched) {
          changes.add(new StoreBatch.PaymentChange(w.snapshot(), w.payment.version()));
        }
      }
      return new StoreBatch(new ArrayList<>(transfers.values()), changes, events, cursor);
    }
  }

  /** A payment being changed by a step. */
  private static final class WorkPayment {
    final Work work;
    final Payment payment;
    PaymentStatus status;
    BigInteger confirmed;
    BigInteger unconfirmed;
    Instant finishedAt;
    boolean touched;
    int eventsThisStep;
    final Instant expiresAt;

    WorkPayment(Work work, Payment payment) {
      this.work = work;
      this.payment = payment;
      this.status = payment.status();
      this.confirmed = payment.confirmedUnits();
      this.unconfirmed = payment.unconfirmedUnits();
      this.finishedAt = payment.finishedAt();
      this.expiresAt = payment.expiresAt();
    }

    String id() {
      return payment.id();
    }

    void move(PaymentStatus next, Transfer cause) {
      status = status.moveTo(next);
      if (next.isFinal() && finishedAt == null) {
        finishedAt = work.now;
      }
      emit(EventType.forStatus(next), cause);
    }

    /** A further credit to a finished request repeats its final event, with a new id. */
    void repeat(Transfer cause) {
      emit(EventType.forStatus(status), cause);
    }

    private void emit(EventType type, Transfer cause) {
      touched = true;
      long version = payment.version() + 1;
      String txId = cause == null ? null : cause.txId();
      int logIndex = cause == null ? Transfer.NATIVE : cause.logIndex();
      String eventId = EventIds.payment(id(), type.wireName(), txId, logIndex, version,
          eventsThisStep++);
      var request = payment.request();
      work.events.add(new PaymentEvent(eventId, type, id(), request.orderId(), request.address(),
          request.asset(), status, request.asset().amount(confirmed),
          cause == null ? null : cause.amount(), txId, logIndex,
          cause == null ? -1 : cause.blockNumber(), work.now));
    }

    Payment snapshot() {
      return new Payment(payment.request(), status, confirmed, unconfirmed, payment.watchedAt(),
          expiresAt, work.now, finishedAt, payment.version() + 1);
    }
  }
}

package io.tronpay.monitor.internal;

import io.tronpay.monitor.DeliveryPolicy;
import io.tronpay.monitor.OutboxEntry;
import io.tronpay.monitor.PaymentListener;
import io.tronpay.monitor.PaymentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox events to listeners: ack after every listener returned, retry later when one
 * threw. Events of one payment keep their order: after a failure, that payment's later events
 * are given back, and the store's claim holds them until the failed one is delivered or
 * dead-lettered; after a crash, until the dead instance's delivery lease runs out.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int BATCH = 200;
  private static final int MAX_ROUNDS = 50;

  private final PaymentStore store;
  private final List<PaymentListener> listeners;
  private final DeliveryPolicy policy;
  private final Duration lease;
  private final AtomicLong failures = new AtomicLong();
  private final Object deliveryLock = new Object();

  /**
   * A dispatcher.
   *
   * @param store the outbox
   * @param listeners who gets the events
   * @param policy how failures are retried
   * @param lease how long a claim hides an event from other deliverers
   */
  public Dispatcher(PaymentStore store, List<PaymentListener> listeners, DeliveryPolicy policy,
      Duration lease) {
    this.store = store;
    this.listeners = List.copyOf(listeners);
    this.policy = policy;
    this.lease = lease;
  }

  /**
   * Delivers the due events once.
   *
   * @param now the monitor clock
   * @return events acknowledged
   */
  public int deliver(Instant now) {
    int delivered = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      int[] counts = deliverBatch(now);
      delivered += counts[0];
      if (counts[1] < BATCH) {
        break;
      }
    }
    return delivered;
  }

  /** One claimed batch: {acknowledged, claimed}. */
  private int[] deliverBatch(Instant now) {
    synchronized (deliveryLock) {
      int delivered = 0;
      List<OutboxEntry> due = store.claim(now, now.plus(lease), BATCH);
      Set<String> blocked = new HashSet<>();
      for (OutboxEntry entry : due) {
        String order = entry.event().paymentId();
        if (order != null && blocked.contains(order)) {
          store.retryLater(entry.event().eventId(), entry.attempts(), now);
          continue;
        }
        Throwable failure = call(entry);
        if (failure == null) {
          store.ack(entry.event().eventId());
          delivered++;
          continue;
        }
        failures.incrementAndGet();
        if (order != null) {
          blocked.add(order);
        }
        int attempts = entry.attempts() + 1;
        if (attempts >= policy.maxAttempts()) {
          LOG.error("giving up on event {} ({}) after {} attempts", entry.event().eventId(),
              entry.event().type().wireName(), attempts, failure);
          store.deadLetter(entry.event().eventId());
        } else {
          LOG.warn("listener failed on event {} ({}), attempt {}; retrying later",
              entry.event().eventId(), entry.event().type().wireName(), attempts, failure);
          store.retryLater(entry.event().eventId(), attempts, now.plus(policy.backoff(attempts)));
        }
      }
      return new int[] {delivered, due.size()};
    }
  }

  /** Listener calls that threw so far. */
  public long failures() {
    return failures.get();
  }

  private Throwable call(OutboxEntry entry) {
    for (PaymentListener listener : listeners) {
      try {
        listener.onEvent(entry.event());
      } catch (VirtualMachineError e) {
        throw e;
      } catch (RuntimeException | Error e) {
        // An assertion or linkage error in host code is still the host's failure, not ours.
        return e;
      }
    }
    return null;
  }
}

package io.tronpay.monitor.internal;

import io.tronpay.monitor.Payment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An open-addressing hash index of payments by a key (several payments may share one). It keeps
 * one array slot per payment instead of a map entry object, which is what lets a million pending
 * requests fit in about half a kilobyte each. Payments are identified by id: {@link #replace}
 * swaps in a newer version of the same request, whose key must not have changed. Not
 * thread-safe.
 */
public final class PaymentIndex<K> {
  private final Function<Payment, K> keyOf;
  private Payment[] slots = new Payment[16];
  private int size;

  /**
   * An empty index.
   *
   * @param keyOf the key of a payment
   */
  public PaymentIndex(Function<Payment, K> keyOf) {
    this.keyOf = keyOf;
  }

  /** Payments held. */
  public int size() {
    return size;
  }

  /**
   * Adds a payment.
   *
   * @param payment a payment not yet in the index
   */
  public void add(Payment payment) {
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    insert(slots, payment);
    size++;
  }

  /**
   * Swaps in a newer version of a payment that is in the index.
   *
   * @param next the new version
   * @return whether the payment was found
   */
  public boolean replace(Payment next) {
    int i = find(next);
    if (i < 0) {
      return false;
    }
    slots[i] = next;
    return true;
  }

  /**
   * Removes a payment.
   *
   * @param payment the payment (any version)
   * @return whether it was found
   */
  public boolean remove(Payment payment) {
    int i = find(payment);
    if (i < 0) {
      return false;
    }
    int mask = slots.length - 1;
    slots[i] = null;
    size--;
    // Backward-shift deletion: pull later members of the probe run into the gap, so lookups
    // that stop at the first empty slot still find them.
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      Payment moved = slots[j];
      if (moved == null) {
        return true;
      }
      int home = home(keyOf.apply(moved), mask);
      boolean between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
      if (!between) {
        slots[i] = moved;
        slots[j] = null;
        i = j;
      }
    }
  }

  /**
   * The first payment with a key.
   *
   * @param key the key
   * @return the payment, or null
   */
  public Payment first(K key) {
    int mask = slots.length - 1;
    for (int i = home(key, mask); slots[i] != null; i = (i + 1) & mask) {
      if (key.equals(keyOf.apply(slots[i]))) {
        return slots[i];
      }
    }
    return null;
  }

  /**
   * Every payment with a key.
   *
   * @param key the key
   * @return the payments, possibly none
   */
  public List<Payment> all(K key) {
    List<Payment> out = new ArrayList<>(1);
    int mask = slots.length - 1;
    for (int i = home(key, mask); slots[i] != null; i = (i + 1) & mask) {
      if (key.equals(keyOf.apply(slots[i]))) {
        out.add(slots[i]);
      }
    }
    return out;
  }

  /**
   * Visits every payment.
   *
   * @param action what to do with each
   */
  public void forEach(Consumer<Payment> action) {
    for (Payment p : slots) {
      if (p != null) {
        action.accept(p);
      }
    }
  }

  /** A snapshot of every payment, for iteration that removes. */
  public List<Payment> snapshot() {
    List<Payment> out = new ArrayList<>(size);
    forEach(out::add);
    return out;
  }

  private int find(Payment payment) {
    K key = keyOf.apply(payment);
    int mask = slots.length - 1;
    for (int i = home(key, mask); slots[i] != null; i = (i + 1) & mask) {
      if (slots[i].id().equals(payment.id())) {
        return i;
      }
    }
    return -1;
  }

  private void grow() {
    Payment[] bigger = new Payment[slots.length * 2];
    for (Payment p : slots) {
      if (p != null) {
        insert(bigger, p);
      }
    }
    slots = bigger;
  }

  private void insert(Payment[] table, Payment payment) {
    int mask = table.length - 1;
    int i = home(keyOf.apply(payment), mask);
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    table[i] = payment;
  }

  private static int home(Object key, int mask) {
    int h = Objects.hashCode(key);
    h ^= h >>> 16;
    h *= 0x9E3779B1;
    return (h ^ (h >>> 15)) & mask;
  }
}

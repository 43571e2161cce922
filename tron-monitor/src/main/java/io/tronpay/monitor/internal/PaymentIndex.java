package io.tronpay.monitor.internal;

import io.tronpay.monitor.Payment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An open-addressing hash index of payments by a key (several payments may share one). It keeps
 * one array slot per payment, plus its key hash, instead of a map entry object, which is what
 * lets a million pending requests fit in under half a kilobyte each. Payments are identified by
 * id: {@link #replace} swaps in a newer version of the same request, whose key must not have
 * changed. Not thread-safe.
 */
public final class PaymentIndex<K> {
  private final Function<Payment, K> keyOf;
  private Payment[] slots = new Payment[16];
  // Each slot's mixed key hash, so a probe skips a non-matching payment without loading it:
  // with a million payments, those loads are cache misses and dominated the lookup time.
  private int[] hashes = new int[16];
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
    insert(payment);
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
      int home = hashes[j] & mask;
      boolean between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
      if (!between) {
        slots[i] = moved;
        hashes[i] = hashes[j];
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
    int h = mix(key);
    for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && key.equals(keyOf.apply(slots[i]))) {
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
    int h = mix(key);
    for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && key.equals(keyOf.apply(slots[i]))) {
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
    int h = mix(keyOf.apply(payment));
    int mask = slots.length - 1;
    for (int i = h & mask; slots[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && slots[i].id().equals(payment.id())) {
        return i;
      }
    }
    return -1;
  }

  private void grow() {
    Payment[] oldSlots = slots;
    int[] oldHashes = hashes;
    slots = new Payment[oldSlots.length * 2];
    hashes = new int[oldSlots.length * 2];
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != null) {
        place(oldSlots[i], oldHashes[i]);
      }
    }
  }

  private void insert(Payment payment) {
    place(payment, mix(keyOf.apply(payment)));
  }

  private void place(Payment payment, int h) {
    int mask = slots.length - 1;
    int i = h & mask;
    while (slots[i] != null) {
      i = (i + 1) & mask;
    }
    slots[i] = payment;
    hashes[i] = h;
  }

  private static int mix(Object key) {
    int h = Objects.hashCode(key);
    h ^= h >>> 16;
    h *= 0x9E3779B1;
    return h ^ (h >>> 15);
  }
}

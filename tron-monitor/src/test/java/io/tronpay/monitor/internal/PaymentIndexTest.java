package io.tronpay.monitor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentRequest;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The open-addressing index agrees with java.util.HashMap under random adds and removes. */
class PaymentIndexTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Payment payment(int id, int addressNo) {
    byte[] account = new byte[20];
    account[19] = (byte) addressNo;
    account[18] = (byte) (addressNo >>> 8);
    return Payment.watched(PaymentRequest.builder().id("id-" + id).orderId("order-" + id)
        .address(Address.fromAccountId(account)).amount(Asset.TRX, BigInteger.ONE).build(), T0);
  }

  @Test
  void randomAddsAndRemoves_matchAHashMapReference() {
    Random random = new Random(42);
    PaymentIndex<Address> index = new PaymentIndex<>(p -> p.request().address());
    Map<Address, Set<String>> reference = new HashMap<>();
    List<Payment> live = new ArrayList<>();
    for (int step = 0; step < 20_000; step++) {
      if (live.isEmpty() || random.nextInt(3) > 0) {
        Payment p = payment(step, random.nextInt(300));
        index.add(p);
        live.add(p);
        reference.computeIfAbsent(p.request().address(), k -> new HashSet<>()).add(p.id());
      } else {
        Payment p = live.remove(random.nextInt(live.size()));
        assertTrue(index.remove(p));
        reference.get(p.request().address()).remove(p.id());
      }
    }
    assertEquals(live.size(), index.size());
    for (Map.Entry<Address, Set<String>> e : reference.entrySet()) {
      Set<String> found = new HashSet<>();
      index.all(e.getKey()).forEach(p -> found.add(p.id()));
      assertEquals(e.getValue(), found, e.getKey().toString());
    }
  }

  @Test
  void replace_swapsTheVersion_andRemovedPaymentsAreGone() {
    PaymentIndex<String> index = new PaymentIndex<>(Payment::id);
    Payment p = payment(1, 1);
    index.add(p);
    Payment next = new Payment(p.request(), p.status(), BigInteger.TEN, BigInteger.ZERO,
        p.watchedAt(), p.expiresAt(), T0, null, 1);
    assertTrue(index.replace(next));
    assertSame(next, index.first("id-1"));
    assertTrue(index.remove(next));
    assertNull(index.first("id-1"));
    assertFalse(index.remove(next));
    assertFalse(index.replace(next));
  }
}

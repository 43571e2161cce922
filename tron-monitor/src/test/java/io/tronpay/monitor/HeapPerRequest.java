package io.tronpay.monitor;

import io.tronpay.core.TokenAmount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap an {@link InMemoryPaymentStore} holds per pending request, the request
 * itself included (a harness run by hand, not a test: heap figures depend on the JVM). Run with
 * the test classpath: {@code java -cp ... io.tronpay.monitor.HeapPerRequest 1000000}.
 */
public final class HeapPerRequest {
  private HeapPerRequest() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of requests (default 200,000)
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    long baseline = used();
    InMemoryPaymentStore store = new InMemoryPaymentStore();
    List<Payment> batch = new ArrayList<>(1000);
    for (int i = 0; i < n; i++) {
      // A UUID id, an order id, a unique address and a USDT amount: a typical request.
      batch.add(Payment.watched(PaymentRequest.builder().orderId("order-" + i)
          .address(MonitorFlowTest.address(i)).usdt(TokenAmount.of(1_000_000L + i, 6)).build(),
          now));
      if (batch.size() == 1000) {
        store.insert(batch);
        batch.clear();
      }
    }
    long after = used();
    System.out.printf("%d pending requests: %d bytes each%n", store.openCount(),
        (after - baseline) / n);
  }

  private static long used() {
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}

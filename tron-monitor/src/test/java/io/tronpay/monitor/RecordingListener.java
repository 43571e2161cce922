package io.tronpay.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Records every event; can be told to throw a number of times first. */
final class RecordingListener extends PaymentListener {
  final List<PaymentEvent> events = new ArrayList<>();
  private int failuresLeft;
  private final AtomicBoolean inside = new AtomicBoolean();
  boolean reentered;

  RecordingListener failNext(int times) {
    failuresLeft = times;
    return this;
  }

  @Override
  public synchronized void onEvent(PaymentEvent event) {
    if (!inside.compareAndSet(false, true)) {
      reentered = true;
    }
    try {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("listener down");
      }
      events.add(event);
    } finally {
      inside.set(false);
    }
  }

  synchronized List<String> types(String paymentId) {
    List<String> out = new ArrayList<>();
    for (PaymentEvent e : events) {
      if (paymentId.equals(e.paymentId())) {
        out.add(e.type().wireName());
      }
    }
    return out;
  }

  synchronized List<String> allTypes() {
    List<String> out = new ArrayList<>();
    for (PaymentEvent e : events) {
      out.add(e.type().wireName());
    }
    return out;
  }
}

package io.tronpay.client.internal;

/** Waits; a seam so that tests can observe backoff without waiting for it. */
@FunctionalInterface
public interface Sleeper {
  /** The real one: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = millis -> {
    if (millis > 0) {
      Thread.sleep(millis);
    }
  };

  /** Waits {@code millis} milliseconds. */
  void sleep(long millis) throws InterruptedException;
}

package io.tronpay.client.internal;

import java.util.function.LongSupplier;

/**
 * A token-bucket rate limiter: {@code permitsPerSecond} on average, bursts of up to one second's
 * worth. Callers that find the bucket empty reserve a future token and wait for it, so waits are
 * fair and the rate holds under contention.
 */
public final class TokenBucket {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long nanosPerPermit;
  private final long capacityNanos;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  /** The time at which the next permit is free; behind "now" by at most the burst capacity. */
  private long nextFreeNanos;

  /**
   * A limiter starting full.
   *
   * @param permitsPerSecond average rate, at least 1
   */
  public TokenBucket(int permitsPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
    if (permitsPerSecond < 1) {
      throw new IllegalArgumentException("requests per second must be at least 1");
    }
    this.nanosPerPermit = NANOS_PER_SECOND / permitsPerSecond;
    this.capacityNanos = NANOS_PER_SECOND;
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
    this.nextFreeNanos = nanoClock.getAsLong() - capacityNanos;
  }

  /** Takes one permit, waiting if the rate has been used up. */
  public void acquire() throws InterruptedException {
    long waitNanos;
    synchronized (this) {
      long now = nanoClock.getAsLong();
      long start = Math.max(nextFreeNanos, now - capacityNanos);
      nextFreeNanos = start + nanosPerPermit;
      waitNanos = nextFreeNanos - now;
    }
    if (waitNanos > 0) {
      sleeper.sleep((waitNanos + 999_999) / 1_000_000);
    }
  }
}

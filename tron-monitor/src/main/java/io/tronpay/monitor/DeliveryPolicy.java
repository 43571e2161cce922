package io.tronpay.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a listener that throws gets an event again: after {@code initialBackoff}, doubling
 * up to {@code maxBackoff}, for {@code maxAttempts} tries in all; then the event becomes a dead
 * letter (logged and counted).
 *
 * @param maxAttempts tries in all, at least 1
 * @param initialBackoff the wait after the first failure
 * @param maxBackoff the longest wait
 */
public record DeliveryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  /** 20 tries, from 1 second doubling to 10 minutes (about 2 hours in all). */
  public static final DeliveryPolicy DEFAULT =
      new DeliveryPolicy(20, Duration.ofSeconds(1), Duration.ofMinutes(10));

  /** Checks the values. */
  public DeliveryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("delivery backoff must not be negative");
    }
  }

  /**
   * The wait after a number of failed tries.
   *
   * @param failures failed tries so far, at least 1
   * @return the wait before the next try
   */
  public Duration backoff(int failures) {
    Duration wait = initialBackoff;
    for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}

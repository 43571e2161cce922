package io.tronpay.monitor.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When each delivery attempt happens, as waits from the failure before it: the first entry is
 * the wait before the first attempt. After the last attempt fails the delivery is dead-lettered.
 * Waits get up to {@code jitter} of themselves added at random, so receivers that come back
 * after an outage are not hit by every sender at once.
 *
 * @param waits the wait before each attempt; attempts in all = its size
 * @param jitter the largest random fraction added to a wait, 0 to 1
 */
public record WebhookRetrySchedule(List<Duration> waits, double jitter) {
  /** Immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, with 10 % jitter. */
  public static final WebhookRetrySchedule DEFAULT = new WebhookRetrySchedule(List.of(
      Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
      Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)), 0.1);

  /** Checks and copies. */
  public WebhookRetrySchedule {
    waits = List.copyOf(waits);
    if (waits.isEmpty()) {
      throw new IllegalArgumentException("a retry schedule needs at least one attempt");
    }
    for (Duration d : waits) {
      if (Objects.requireNonNull(d, "wait").isNegative()) {
        throw new IllegalArgumentException("retry waits must not be negative, got " + d);
      }
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
    }
  }

  /** How many attempts in all. */
  public int attempts() {
    return waits.size();
  }

  /**
   * The wait before the next attempt.
   *
   * @param failedAttempts attempts made and failed, at least 1
   * @return the wait, or null when no attempt is left
   */
  public Duration after(int failedAttempts) {
    if (failedAttempts >= waits.size()) {
      return null;
    }
    Duration wait = waits.get(failedAttempts);
    if (jitter == 0 || wait.isZero()) {
      return wait;
    }
    long extra = (long) (wait.toMillis() * jitter * ThreadLocalRandom.current().nextDouble());
    return wait.plusMillis(extra);
  }
}

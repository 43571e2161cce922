package io.tronpay.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How reads are retried after 429, a rate-limit 403, 5xx or an I/O error: exponential backoff from
 * {@code initialBackoff}, doubled each time up to {@code maxBackoff}, with full jitter; a {@code
 * Retry-After} header is honoured up to {@code maxRetryAfter}. Broadcasts are never retried.
 *
 * @param maxAttempts attempts in total, at least 1 (1 disables retries)
 * @param initialBackoff the first backoff ceiling
 * @param maxBackoff the largest backoff ceiling
 * @param maxRetryAfter the longest {@code Retry-After} wait honoured; longer ones fail the call
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  /** Four attempts, 200 ms doubling to 5 s, Retry-After honoured up to 30 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));

  /** One attempt: no retries. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  /** Checks the values. */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("retry durations must not be negative");
    }
  }
}

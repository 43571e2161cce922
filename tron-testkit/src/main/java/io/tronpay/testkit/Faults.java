package io.tronpay.testkit;

import io.tronpay.testkit.internal.FaultPlan;
import java.time.Duration;

/**
 * Scripts the faults a {@link DevNode} injects into its HTTP answers. One-shot faults apply to the
 * next matching requests in the order they were added. Every method returns this object, so
 * scripts chain.
 */
public final class Faults {
  private final FaultPlan plan;
  private final DevNode node;

  Faults(FaultPlan plan, DevNode node) {
    this.plan = plan;
    this.node = node;
  }

  /**
   * Answers every request beyond {@code requestsPerSecond} in a one-second window with {@code
   * status} (429 like TronGrid, or 403 like a banned key) and a {@code Retry-After} header.
   *
   * @param requestsPerSecond requests allowed per window, at least 1
   * @param status 429 or 403
   * @param retryAfter what Retry-After says, in whole seconds
   * @return this
   */
  public Faults rateLimit(int requestsPerSecond, int status, Duration retryAfter) {
    if (requestsPerSecond < 1) {
      throw new InvalidDevNodeArgumentException(
          "requestsPerSecond must be at least 1, got " + requestsPerSecond);
    }
    if (status != 429 && status != 403) {
      throw new InvalidDevNodeArgumentException("rate-limit status must be 429 or 403, got "
          + status);
    }
    plan.rateLimit(requestsPerSecond, status, retryAfter.toSeconds());
    return this;
  }

  /**
   * Answers the next {@code count} requests with HTTP {@code status} and Jetty's error page.
   *
   * @param count how many requests
   * @param status an HTTP error status, 400 to 599
   * @return this
   */
  public Faults failNext(int count, int status) {
    return failNext(count, status, null);
  }

  /**
   * {@link #failNext(int, int)} for requests whose path starts with {@code pathPrefix} only.
   *
   * @param count how many requests
   * @param status an HTTP error status, 400 to 599
   * @param pathPrefix such as {@code /wallet/broadcast}; null for any path
   * @return this
   */
  public Faults failNext(int count, int status, String pathPrefix) {
    if (status < 400 || status > 599) {
      throw new InvalidDevNodeArgumentException("status must be an HTTP error (400-599), got "
          + status);
    }
    plan.add(new FaultPlan.Scripted(FaultPlan.Kind.FAIL, status, 0, pathPrefix), count(count));
    return this;
  }

  /**
   * Delays the headers of the next {@code count} responses, so a client with a shorter read
   * timeout times out. The request itself is still processed.
   *
   * @param count how many responses
   * @param delay how long
   * @return this
   */
  public Faults delayNext(int count, Duration delay) {
    if (delay.isNegative()) {
      throw new InvalidDevNodeArgumentException("delay must not be negative, got " + delay);
    }
    plan.add(new FaultPlan.Scripted(FaultPlan.Kind.DELAY, 0, delay.toMillis(), null),
        count(count));
    return this;
  }

  /**
   * Cuts the body of the next {@code count} responses in half, leaving JSON no parser accepts.
   *
   * @param count how many responses
   * @return this
   */
  public Faults malformedNext(int count) {
    plan.add(new FaultPlan.Scripted(FaultPlan.Kind.MALFORMED, 0, 0, null), count(count));
    return this;
  }

  /**
   * Closes the connection instead of answering the next {@code count} requests.
   *
   * @param count how many requests
   * @return this
   */
  public Faults disconnectNext(int count) {
    plan.add(new FaultPlan.Scripted(FaultPlan.Kind.DISCONNECT, 0, 0, null), count(count));
    return this;
  }

  /**
   * Makes the node stale: the head it reports stops at the current block while the chain goes
   * on underneath.
   *
   * @return this
   */
  public Faults staleHead() {
    plan.staleHead(node.headBlockNumber());
    return this;
  }

  /**
   * Ends {@link #staleHead()}: the node reports the real head again.
   *
   * @return this
   */
  public Faults resumeHead() {
    plan.staleHead(null);
    return this;
  }

  /**
   * Removes every scripted fault, the rate limit and a stale head.
   *
   * @return this
   */
  public Faults clear() {
    plan.clear();
    return this;
  }

  private static int count(int count) {
    if (count < 1) {
      throw new InvalidDevNodeArgumentException("count must be at least 1, got " + count);
    }
    return count;
  }
}

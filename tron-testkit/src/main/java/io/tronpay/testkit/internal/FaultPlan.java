package io.tronpay.testkit.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Scripted faults the dispatcher applies before answering: one-shot failures, delays and
 * malformed bodies in order, a request-rate limit, and a frozen head.
 */
public final class FaultPlan {
  /** What to do to one response. */
  public enum Kind { FAIL, DELAY, MALFORMED, DISCONNECT }

  /** One scripted fault, optionally only for paths starting with {@code pathPrefix}. */
  public record Scripted(Kind kind, int status, long delayMillis, String pathPrefix) {}

  private final Deque<Scripted> queue = new ArrayDeque<>();
  private int ratePerSecond;
  private int rateStatus;
  private long retryAfterSeconds;
  private long windowStartNanos;
  private int windowCount;
  private Long staleHead;

  /** Queues {@code count} copies of a fault. */
  public synchronized void add(Scripted fault, int count) {
    for (int i = 0; i < count; i++) {
      queue.addLast(fault);
    }
  }

  /** Limits requests to {@code perSecond}; more get {@code status} with Retry-After. */
  public synchronized void rateLimit(int perSecond, int status, long retryAfterSeconds) {
    this.ratePerSecond = perSecond;
    this.rateStatus = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.windowCount = 0;
    this.windowStartNanos = System.nanoTime();
  }

  /** Freezes the head the API reports at {@code number}, or unfreezes with null. */
  public synchronized void staleHead(Long number) {
    this.staleHead = number;
  }

  /** The frozen head number, or null. */
  public synchronized Long staleHead() {
    return staleHead;
  }

  /** Removes every fault. */
  public synchronized void clear() {
    queue.clear();
    ratePerSecond = 0;
    staleHead = null;
  }

  /** The rate-limit status to answer with now, or 0 when the request may pass. */
  public synchronized int rateLimited() {
    if (ratePerSecond <= 0) {
      return 0;
    }
    long now = System.nanoTime();
    if (now - windowStartNanos >= 1_000_000_000L) {
      windowStartNanos = now;
      windowCount = 0;
    }
    windowCount++;
    return windowCount > ratePerSecond ? rateStatus : 0;
  }

  /** Seconds a rate-limited client should wait. */
  public synchronized long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The next scripted fault that applies to {@code path}, removed from the queue, or null. */
  public synchronized Scripted next(String path) {
    for (Scripted s : queue) {
      if (s.pathPrefix() == null || path.startsWith(s.pathPrefix())) {
        queue.remove(s);
        return s;
      }
    }
    return null;
  }
}

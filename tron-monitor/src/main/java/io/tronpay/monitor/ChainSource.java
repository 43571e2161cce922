package io.tronpay.monitor;

import java.util.Optional;

/**
 * Where a monitor learns about transfers. A source reads forward from a cursor and reports each
 * step with the cursor to store alongside it; it never skips: after an error it throws, and the
 * next poll retries from the same cursor.
 *
 * <p>Implementations need not be thread-safe: a monitor polls from one thread.
 */
public interface ChainSource extends AutoCloseable {
  /**
   * Reads the next step.
   *
   * @param cursor where the last applied step ended, or empty on the first start
   * @return the step; its transfer list may be empty
   * @throws RuntimeException when the chain cannot be read now; nothing was consumed
   */
  ChainUpdate poll(Optional<ScanCursor> cursor);

  /**
   * Reads the next step, told what waits for confirmation, so a source can save the request for
   * the solidified head while nothing does. The monitor calls this one; by default it ignores
   * the hint.
   *
   * @param cursor where the last applied step ended, or empty on the first start
   * @param awaitingFrom the lowest block holding a transfer that waits for confirmation, or
   *     whose solidification an expiry waits for; -1 when nothing waits
   * @return the step; its transfer list may be empty
   * @throws RuntimeException when the chain cannot be read now; nothing was consumed
   */
  default ChainUpdate poll(Optional<ScanCursor> cursor, long awaitingFrom) {
    return poll(cursor);
  }

  /**
   * Looks a transaction up again, for {@link PaymentMonitor#reconcile}.
   *
   * @param txId the transaction id
   * @return the successful whitelisted transfers it holds, at its current block (empty if it is
   *     not on chain)
   */
  java.util.List<Transfer> transfersOf(String txId);

  /** Node requests made so far, for health figures. */
  default long requestCount() {
    return 0;
  }

  /** Releases what the source holds; a source does not close a client it was given. */
  @Override
  default void close() {}
}

package io.tronpay.monitor;

/**
 * A store write was based on a payment version that is no longer current (another writer got
 * there first). Nothing of the write was applied; the caller reloads and retries.
 */
public class StaleStateException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * A stale write.
   *
   * @param message which payment and which versions
   */
  public StaleStateException(String message) {
    super(message);
  }
}

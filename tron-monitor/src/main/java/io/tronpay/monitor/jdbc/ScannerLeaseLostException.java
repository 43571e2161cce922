package io.tronpay.monitor.jdbc;

import io.tronpay.monitor.StaleStateException;

/**
 * Another instance holds the scanner lease, so this instance's chain step was refused and nothing
 * was written. It is the fencing that keeps a paused instance from writing after it lost the
 * lease; the monitor retries and takes the lease over once it expires.
 */
public class ScannerLeaseLostException extends StaleStateException {
  private static final long serialVersionUID = 1L;

  /**
   * A refused chain step.
   *
   * @param message who holds the lease and until when
   */
  public ScannerLeaseLostException(String message) {
    super(message);
  }
}

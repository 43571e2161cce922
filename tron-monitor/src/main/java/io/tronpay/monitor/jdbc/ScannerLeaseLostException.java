package io.tronpay.monitor.jdbc;

import io.tronpay.monitor.StaleStateException;

/**
 * This instance's chain step was refused and nothing of it was written: either another instance
 * holds the scanner lease, or this instance has just taken the lease over and the step was read
 * before it held it. It is the fencing that keeps a paused instance from writing after it lost
 * the lease; the monitor retries, takes the lease over once it expires, and reads the step again.
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

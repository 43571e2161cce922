package io.tronpay.client;

/**
 * The request did not get a usable answer: an I/O error, a timeout, or an HTTP status such as
 * 429 or 503 that persisted after the retries a read is allowed. Distinct from a node refusal.
 */
public class TronTransportException extends TronClientException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  /** A transport failure; {@code httpStatus} is 0 when no HTTP response arrived. */
  public TronTransportException(String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /** The last HTTP status, or 0 if no response arrived (I/O error, timeout). */
  public int httpStatus() {
    return httpStatus;
  }
}

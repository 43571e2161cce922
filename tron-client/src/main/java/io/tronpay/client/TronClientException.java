package io.tronpay.client;

/**
 * Base of every failure the client reports. Subclasses say what kind of failure it was: the node
 * refused ({@link TronNodeException}), the network failed ({@link TronTransportException}), or the
 * answer could not be trusted ({@link TronResponseException}, {@link TronIntentMismatchException}).
 */
public class TronClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with its message and cause (may be null). */
  public TronClientException(String message, Throwable cause) {
    super(message, cause);
  }
}

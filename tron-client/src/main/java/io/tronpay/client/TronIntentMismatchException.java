package io.tronpay.client;

/**
 * A node-built transaction does not do what was asked: its owner, contract, call data, amount or
 * fee limit differ from the request. It must not be signed.
 */
public final class TronIntentMismatchException extends TronResponseException {
  private static final long serialVersionUID = 1L;

  /** A mismatch naming the field and both values. */
  public TronIntentMismatchException(String message) {
    super(message, null);
  }
}

package io.tronpay.core;

/** Bytes that are not a valid recoverable ECDSA signature; the message names the fault. */
public class SignatureFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  SignatureFormatException(String message) {
    super(message);
  }
}

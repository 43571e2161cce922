package io.tronpay.core;

/**
 * Bytes or text that are not a valid secp256k1 key. The message names the fault (length, range,
 * not on the curve) and never contains the key material itself.
 */
public class KeyFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  KeyFormatException(String message) {
    super(message);
  }
}

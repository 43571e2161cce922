package io.tronpay.wallet;

/** A BIP32 derivation path or child index that cannot be used; the message names the fault. */
public class HdPathException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  HdPathException(String message) {
    super(message);
  }
}

package io.tronpay.wallet;

/**
 * A BIP32 derivation that produced no valid key (IL &ge; n, or a zero key or point at infinity).
 * BIP32 says to move on to the next index; the chance is below 2<sup>-127</sup>.
 */
public final class InvalidChildKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidChildKeyException(String message) {
    super(message);
  }
}

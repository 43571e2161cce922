package io.tronpay.core;

/**
 * A decimal amount that cannot be represented exactly: malformed text, a negative value, more
 * decimal places than the asset has, or a value too large for its type. Nothing is ever rounded.
 */
public class AmountFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  AmountFormatException(String message) {
    super(message);
  }
}

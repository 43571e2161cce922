package io.tronpay.core;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact conversions between decimal text and integer base units. */
final class Decimals {
  /** Far beyond uint256 with 77 decimals; stops absurd inputs before BigDecimal sees them. */
  private static final int MAX_LENGTH = 160;

  private Decimals() {}

  /**
   * Parses plain decimal text ({@code 12}, {@code 12.5}, {@code 0.000001}) into base units.
   * Signs, exponents, spaces and separators are refused; so are non-zero digits beyond
   * {@code decimals} places.
   */
  static BigInteger parse(String text, int decimals, String assetName) {
    if (text.isEmpty()) {
      throw new AmountFormatException("amount is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new AmountFormatException("amount has " + text.length() + " characters, more than "
          + MAX_LENGTH);
    }
    int dot = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' && dot < 0) {
        dot = i;
      } else if (c < '0' || c > '9') {
        String what = c == '-' ? "a negative sign" : "'" + Base58FormatException.printable(c) + "'";
        throw new AmountFormatException("amount '" + text + "' has " + what + " at position " + i
            + "; expected plain decimal digits such as 12.5");
      }
    }
    if (dot == 0 || dot == text.length() - 1) {
      throw new AmountFormatException(
          "amount '" + text + "' needs digits on both sides of the decimal point");
    }
    BigDecimal value = new BigDecimal(text);
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > decimals) {
      throw new AmountFormatException("amount '" + text + "' has " + stripped.scale()
          + " decimal places; " + assetName + " allows at most " + decimals);
    }
    return value.movePointRight(decimals).toBigIntegerExact();
  }

  /** Formats base units as plain decimal text without trailing zeros ({@code 1.5}, {@code 2}). */
  static String format(BigInteger units, int decimals) {
    BigDecimal value = new BigDecimal(units, decimals).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
  }
}

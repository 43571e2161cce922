package io.tronpay.core;

import java.util.Arrays;

/** Plain Base58 with the Bitcoin alphabet, which TRON shares. See {@link Base58Check}. */
public final class Base58 {
  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] INDEXES = new int[128];

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      INDEXES[ALPHABET[i]] = i;
    }
  }

  private Base58() {}

  /** Encodes bytes; each leading zero byte becomes a leading '1'. */
  public static String encode(byte[] input) {
    if (input.length == 0) {
      return "";
    }
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    byte[] number = Arrays.copyOf(input, input.length);
    char[] encoded = new char[input.length * 2];
    int out = encoded.length;
    int start = zeros;
    while (start < number.length) {
      int remainder = 0;
      for (int i = start; i < number.length; i++) {
        int digit = (remainder << 8) | (number[i] & 0xFF);
        number[i] = (byte) (digit / 58);
        remainder = digit % 58;
      }
      encoded[--out] = ALPHABET[remainder];
      while (start < number.length && number[start] == 0) {
        start++;
      }
    }
    while (zeros-- > 0) {
      encoded[--out] = ALPHABET[0];
    }
    return new String(encoded, out, encoded.length - out);
  }

  /**
   * Decodes a Base58 string.
   *
   * @throws Base58FormatException.InvalidCharacter naming the first character outside the alphabet
   */
  public static byte[] decode(String input) {
    int length = input.length();
    if (length == 0) {
      return new byte[0];
    }
    byte[] digits = new byte[length];
    for (int i = 0; i < length; i++) {
      char c = input.charAt(i);
      int digit = c < 128 ? INDEXES[c] : -1;
      if (digit < 0) {
        throw new Base58FormatException.InvalidCharacter(c, i);
      }
      digits[i] = (byte) digit;
    }
    int zeros = 0;
    while (zeros < length && digits[zeros] == 0) {
      zeros++;
    }
    byte[] decoded = new byte[length];
    int out = decoded.length;
    int start = zeros;
    while (start < length) {
      int remainder = 0;
      for (int i = start; i < length; i++) {
        int value = remainder * 58 + (digits[i] & 0xFF);
        digits[i] = (byte) (value / 256);
        remainder = value % 256;
      }
      decoded[--out] = (byte) remainder;
      while (start < length && digits[start] == 0) {
        start++;
      }
    }
    while (out < decoded.length && decoded[out] == 0) {
      out++;
    }
    return Arrays.copyOfRange(decoded, out - zeros, decoded.length);
  }
}

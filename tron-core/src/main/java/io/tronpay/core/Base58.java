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

  /** 58^5, the largest power of 58 below 2^30: each long division step yields five digits. */
  private static final long BASE_58_POW_5 = 656_356_768L;
  private static final long[] POWERS_OF_58 = {1L, 58L, 3_364L, 195_112L, 11_316_496L, BASE_58_POW_5};

  /** Encodes bytes; each leading zero byte becomes a leading '1'. */
  public static String encode(byte[] input) {
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    int significant = input.length - zeros;
    // The number as big-endian 32-bit words, so division by 58^5 handles 4 bytes per step
    // instead of dividing by 58 once per byte.
    int[] words = new int[(significant + 3) / 4];
    for (int i = 0; i < significant; i++) {
      int fromEnd = significant - 1 - i;
      words[words.length - 1 - fromEnd / 4] |= (input[zeros + i] & 0xFF) << (8 * (fromEnd % 4));
    }
    char[] out = new char[zeros + significant * 138 / 100 + 6];
    int at = out.length;
    int first = 0;
    while (first < words.length) {
      long remainder = 0;
      for (int i = first; i < words.length; i++) {
        long current = (remainder << 32) | (words[i] & 0xFFFFFFFFL);
        words[i] = (int) (current / BASE_58_POW_5);
        remainder = current % BASE_58_POW_5;
      }
      for (int k = 0; k < 5; k++) {
        out[--at] = ALPHABET[(int) (remainder % 58)];
        remainder /= 58;
      }
      while (first < words.length && words[first] == 0) {
        first++;
      }
    }
    // The last group was padded to five digits; those pad zeros are not part of the number.
    while (at < out.length && out[at] == ALPHABET[0]) {
      at++;
    }
    for (int i = 0; i < zeros; i++) {
      out[--at] = ALPHABET[0];
    }
    return new String(out, at, out.length - at);
  }

  /**
   * Decodes a Base58 string.
   *
   * @throws Base58FormatException.InvalidCharacter naming the first character outside the alphabet
   */
  public static byte[] decode(String input) {
    int length = input.length();
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
    int significant = length - zeros;
    // Little-endian 32-bit words; each step multiplies by 58^k and adds k digits at once.
    int[] words = new int[(significant * 733 / 1000 + 1) / 4 + 2];
    int used = 0;
    int at = zeros;
    int group = significant % 5 == 0 ? 5 : significant % 5;
    while (at < length) {
      long groupValue = 0;
      for (int k = 0; k < group; k++) {
        groupValue = groupValue * 58 + digits[at++];
      }
      long carry = groupValue;
      long multiplier = POWERS_OF_58[group];
      for (int i = 0; i < used; i++) {
        long product = (words[i] & 0xFFFFFFFFL) * multiplier + carry;
        words[i] = (int) product;
        carry = product >>> 32;
      }
      if (carry != 0) {
        words[used++] = (int) carry;
      }
      group = 5;
    }
    int byteCount = used * 4;
    while (byteCount > 0 && byteAt(words, byteCount - 1) == 0) {
      byteCount--;
    }
    byte[] out = new byte[zeros + byteCount];
    for (int i = 0; i < byteCount; i++) {
      out[out.length - 1 - i] = (byte) byteAt(words, i);
    }
    return out;
  }

  /** Byte {@code index} of the little-endian word array, 0 being the least significant. */
  private static int byteAt(int[] words, int index) {
    return (words[index / 4] >>> (8 * (index % 4))) & 0xFF;
  }
}

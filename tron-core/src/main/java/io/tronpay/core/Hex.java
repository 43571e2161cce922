package io.tronpay.core;

import java.util.HexFormat;
import java.util.function.Function;

/** Strict lowercase hex, with errors that name the field but never echo its content. */
final class Hex {
  private static final HexFormat FORMAT = HexFormat.of();

  private Hex() {}

  static String encode(byte[] bytes) {
    return FORMAT.formatHex(bytes);
  }

  /** Decodes hex, with an optional {@code 0x}; the message names {@code what} but not the input. */
  static byte[] decode(
      String hex, String what, Function<String, ? extends IllegalArgumentException> error) {
    int offset = hex.startsWith("0x") || hex.startsWith("0X") ? 2 : 0;
    if ((hex.length() - offset) % 2 != 0) {
      throw error.apply(what + " hex has an odd number of digits");
    }
    for (int i = offset; i < hex.length(); i++) {
      char c = hex.charAt(i);
      boolean digit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!digit) {
        throw error.apply(what + " hex has a non-hex character at position " + i);
      }
    }
    return FORMAT.parseHex(hex, offset, hex.length());
  }
}

package io.tronpay.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Shared helpers for the fuzz targets: turning raw fuzzer bytes into the inputs parsers take. */
final class FuzzInputs {
  /**
   * A hang guard, not a timing assertion: Jazzer turns it into libFuzzer's per-input timeout, and
   * every parser here answers in milliseconds, so only a real hang can reach it.
   */
  static final long TIMEOUT_SECONDS = 10;

  private FuzzInputs() {}

  /** The bytes as text; malformed UTF-8 becomes U+FFFD, itself a character parsers must refuse. */
  static String utf8(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }

  /** The bytes before the first {@code separator}, or all of them. */
  static byte[] head(byte[] input, byte separator) {
    int at = indexOf(input, separator);
    return at < 0 ? input : Arrays.copyOf(input, at);
  }

  /** The bytes after the first {@code separator}, or none. */
  static byte[] tail(byte[] input, byte separator) {
    int at = indexOf(input, separator);
    return at < 0 ? new byte[0] : Arrays.copyOfRange(input, at + 1, input.length);
  }

  private static int indexOf(byte[] input, byte separator) {
    for (int i = 0; i < input.length; i++) {
      if (input[i] == separator) {
        return i;
      }
    }
    return -1;
  }

  /** A typed rejection must still say what is wrong. */
  static void requireMessage(IllegalArgumentException e) {
    assertNotNull(e.getMessage(), () -> e.getClass().getName() + " has no message");
    assertFalse(e.getMessage().isBlank(), () -> e.getClass().getName() + " has a blank message");
  }
}

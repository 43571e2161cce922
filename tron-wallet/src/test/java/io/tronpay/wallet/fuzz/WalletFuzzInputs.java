package io.tronpay.wallet.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Shared helpers for the wallet fuzz targets. */
final class WalletFuzzInputs {
  /**
   * A hang guard, not a timing assertion: Jazzer turns it into libFuzzer's per-input timeout. It
   * leaves room for the costliest key derivation a keystore may legitimately ask for.
   */
  static final long TIMEOUT_SECONDS = 30;

  private WalletFuzzInputs() {}

  static String utf8(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }

  /** The bytes before the first newline, or all of them. */
  static byte[] firstLine(byte[] input) {
    int at = newline(input);
    return at < 0 ? input : Arrays.copyOf(input, at);
  }

  /** The bytes after the first newline, or none. */
  static byte[] afterFirstLine(byte[] input) {
    int at = newline(input);
    return at < 0 ? new byte[0] : Arrays.copyOfRange(input, at + 1, input.length);
  }

  private static int newline(byte[] input) {
    for (int i = 0; i < input.length; i++) {
      if (input[i] == '\n') {
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

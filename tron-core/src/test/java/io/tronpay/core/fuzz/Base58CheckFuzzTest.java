package io.tronpay.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tronpay.core.Base58;
import io.tronpay.core.Base58Check;
import io.tronpay.core.Base58FormatException;
import org.junit.jupiter.api.Timeout;

/**
 * Base58 and Base58Check decoding of hostile text. Base58 is canonical (one spelling per byte
 * string), so whatever decodes must encode back to the very same text.
 */
class Base58CheckFuzzTest {

  @FuzzTest
  @Timeout(FuzzInputs.TIMEOUT_SECONDS)
  void decode(byte[] input) {
    String text = FuzzInputs.utf8(input);
    byte[] payload;
    try {
      payload = Base58Check.decode(text);
    } catch (Base58FormatException expected) {
      FuzzInputs.requireMessage(expected);
      return;
    }
    assertEquals(text, Base58Check.encode(payload));
  }

  @FuzzTest
  @Timeout(FuzzInputs.TIMEOUT_SECONDS)
  void decodePlain(byte[] input) {
    String text = FuzzInputs.utf8(input);
    byte[] bytes;
    try {
      bytes = Base58.decode(text);
    } catch (Base58FormatException expected) {
      FuzzInputs.requireMessage(expected);
      return;
    }
    assertEquals(text, Base58.encode(bytes));
    assertArrayEquals(bytes, Base58.decode(Base58.encode(bytes)));
  }
}

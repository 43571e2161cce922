package io.tronpay.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import io.tronpay.core.Signature;
import io.tronpay.core.SignatureFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/** Reading a 65-byte signature, and recovering its signer, from bytes an attacker chose. */
class SignatureFuzzTest {
  private static final byte[] HASH =
      Hashes.sha256("any message: recovery must not depend on it".getBytes(StandardCharsets.UTF_8));

  @FuzzTest
  @Timeout(FuzzInputs.TIMEOUT_SECONDS)
  void fromBytes(byte[] input) {
    Signature signature;
    try {
      signature = Signature.fromBytes(input);
    } catch (SignatureFormatException expected) {
      FuzzInputs.requireMessage(expected);
      return;
    }
    // A parsed signature writes back the v it was read with, so its bytes are its input.
    assertArrayEquals(input, signature.toBytes());
    Address signer;
    try {
      signer = signature.recoverAddress(HASH);
    } catch (SignatureFormatException expected) {
      FuzzInputs.requireMessage(expected);
      return;
    }
    assertEquals(true, signature.verify(HASH, signer));
  }
}

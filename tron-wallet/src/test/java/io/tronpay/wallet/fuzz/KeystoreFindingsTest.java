package io.tronpay.wallet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tronpay.wallet.Keystore;
import io.tronpay.wallet.KeystoreException;
import org.junit.jupiter.api.Test;

/**
 * Keystore faults found while fuzzing {@code importKey}, named. The inputs themselves also sit in
 * the fuzz corpus as {@code KeystoreFuzzTestInputs/importKey/finding-*}.
 */
class KeystoreFindingsTest {

  /** scrypt runs p passes of n·r work: a file could ask for hours with a legal n and r. */
  @Test
  void scryptParams_parallelismBeyondTheWorkBound_isUnsupported() {
    KeystoreException.Unsupported e = assertThrows(KeystoreException.Unsupported.class,
        () -> new Keystore.ScryptParams(1024, 8, 262_143));
    assertEquals(true, e.getMessage().contains("p=262143"), e.getMessage());
  }

  /** BouncyCastle refused this p with a bare IllegalArgumentException, not the typed one. */
  @Test
  void scryptParams_parallelismBeyondBouncyCastlesLimit_isUnsupported() {
    assertThrows(KeystoreException.Unsupported.class,
        () -> new Keystore.ScryptParams(2, 1, 4_000_000));
  }

  @Test
  void scryptParams_gethStandardAndLight_stayAccepted() {
    assertEquals(1 << 18, Keystore.ScryptParams.STANDARD.n());
    assertEquals(6, Keystore.ScryptParams.LIGHT.p());
  }
}

package io.tronpay.wallet.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tronpay.core.PrivateKey;
import io.tronpay.wallet.Keystore;
import io.tronpay.wallet.KeystoreException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Timeout;

/** Importing a Web3 Secret Storage v3 keystore someone else wrote. */
class KeystoreFuzzTest {
  /** The cheapest parameters the writer accepts: the re-import proves format, not strength. */
  private static final Keystore.ScryptParams CHEAP = new Keystore.ScryptParams(2, 1, 1);

  /**
   * Input layout: the password, a newline, then the keystore JSON. The JSON is not canonical, so
   * the property is that a key which imports can be exported and imported back to the same key.
   */
  @FuzzTest
  @Timeout(WalletFuzzInputs.TIMEOUT_SECONDS)
  void importKey(byte[] input) {
    char[] password = WalletFuzzInputs.utf8(WalletFuzzInputs.firstLine(input)).toCharArray();
    String json = WalletFuzzInputs.utf8(WalletFuzzInputs.afterFirstLine(input));
    PrivateKey key;
    try {
      key = Keystore.importKey(json, password);
    } catch (KeystoreException expected) {
      WalletFuzzInputs.requireMessage(expected);
      return;
    }
    String exported = Keystore.export(key, password, CHEAP, new SecureRandom());
    PrivateKey again = Keystore.importKey(exported, password);
    assertArrayEquals(key.revealSecretBytes(), again.revealSecretBytes());
    assertEquals(key.address(), again.address());
    key.destroy();
    again.destroy();
  }
}

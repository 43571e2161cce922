package io.tronpay.wallet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tronpay.wallet.HdKey;
import io.tronpay.wallet.HdKeyFormatException;
import org.junit.jupiter.api.Timeout;

/** BIP32 extended keys ({@code xpub}, {@code xprv}, {@code tpub}, {@code tprv}) from text. */
class HdKeyFuzzTest {

  /** The serialisation is canonical, so an accepted key writes back as the text it came from. */
  @FuzzTest
  @Timeout(WalletFuzzInputs.TIMEOUT_SECONDS)
  void parse(byte[] input) {
    String text = WalletFuzzInputs.utf8(input);
    HdKey key;
    try {
      key = HdKey.parse(text);
    } catch (HdKeyFormatException expected) {
      WalletFuzzInputs.requireMessage(expected);
      return;
    }
    String written = key.hasPrivateKey() ? key.revealXprv() : key.toXpub();
    assertEquals(text.strip(), written);
    HdKey again = HdKey.parse(written);
    assertEquals(key.toXpub(), again.toXpub());
    assertEquals(key.fingerprint(), again.fingerprint());
    key.destroy();
    again.destroy();
  }
}

package io.tronpay.wallet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.MnemonicException;
import io.tronpay.wallet.MnemonicLanguage;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/** BIP39 phrase parsing in every shipped language. */
class MnemonicFuzzTest {

  /**
   * Input layout: byte 0 picks the language (its index in {@link MnemonicLanguage#values()},
   * modulo their count); the rest is the phrase as UTF-8. Spacing and Unicode composition are
   * not canonical, so the property is on the words: the phrase the mnemonic reveals has the same
   * words, in NFKD, as the phrase it was parsed from, and parses back to itself.
   */
  @FuzzTest
  @Timeout(WalletFuzzInputs.TIMEOUT_SECONDS)
  void parse(byte[] input) {
    MnemonicLanguage[] languages = MnemonicLanguage.values();
    MnemonicLanguage language = languages[input.length > 0 ? (input[0] & 0xFF) % languages.length
        : 0];
    String phrase = WalletFuzzInputs.utf8(
        input.length > 0 ? Arrays.copyOfRange(input, 1, input.length) : input);
    Mnemonic mnemonic;
    try {
      mnemonic = Mnemonic.parse(phrase, language);
    } catch (MnemonicException expected) {
      WalletFuzzInputs.requireMessage(expected);
      return;
    }
    String revealed = mnemonic.revealPhrase();
    assertEquals(words(phrase), words(revealed));
    Mnemonic again = Mnemonic.parse(revealed, language);
    assertEquals(revealed, again.revealPhrase());
    mnemonic.destroy();
    again.destroy();
  }

  private static List<String> words(String phrase) {
    return Arrays.asList(Normalizer.normalize(phrase, Normalizer.Form.NFKD).strip().split("\\s+"));
  }
}

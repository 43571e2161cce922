package io.tronpay.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MnemonicTest {
  private static final String ABANDON_ABOUT =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

  /** trezor/python-mnemonic vectors.json: every entry of every language this module ships. */
  @Test
  void trezorVectors_everyEntry_matchPhraseSeedAndMasterKey() {
    Map<String, Object> vectors = Vectors.object("/vectors/bip39/trezor-vectors.json");
    int checked = 0;
    for (MnemonicLanguage language : MnemonicLanguage.values()) {
      List<Object> entries = Vectors.list(vectors.get(language.resourceName()));
      for (Object entry : entries) {
        List<Object> fields = Vectors.list(entry);
        byte[] entropy = Vectors.hex(fields.get(0));
        String phrase = (String) fields.get(1);
        Mnemonic fromEntropy = Mnemonic.fromEntropy(entropy, language);
        assertEquals(phrase, fromEntropy.revealPhrase(), language + " " + fields.get(0));
        Mnemonic parsed = Mnemonic.parse(phrase, language);
        assertEquals(phrase, parsed.revealPhrase());
        Seed seed = parsed.toSeed("TREZOR");
        assertEquals(fields.get(2), Vectors.hex(seed.revealSecretBytes()));
        assertEquals(fields.get(3), HdKey.master(seed).revealXprv());
        checked++;
      }
    }
    assertEquals(240, checked);
  }

  @Test
  void parse_unknownWord_namesPositionAndKeepsTheWordOutOfTheMessage() {
    MnemonicException.UnknownWord e = assertThrows(MnemonicException.UnknownWord.class,
        () -> Mnemonic.parse(ABANDON_ABOUT.replace("about", "abuot")));
    assertEquals(12, e.position());
    assertEquals("abuot", e.word());
    assertEquals("about", e.suggestion());
    assertEquals("word 12 is not in the BIP39 english wordlist", e.getMessage());
  }

  @Test
  void parse_wrongWordCount_namesTheCount() {
    MnemonicException.WrongWordCount e = assertThrows(MnemonicException.WrongWordCount.class,
        () -> Mnemonic.parse("abandon abandon abandon"));
    assertEquals(3, e.wordCount());
  }

  @Test
  void parse_badChecksum_namesTheChecksum() {
    MnemonicException e = assertThrows(MnemonicException.BadChecksum.class,
        () -> Mnemonic.parse(ABANDON_ABOUT.replace("about", "abandon")));
    assertTrue(e.getMessage().contains("checksum"));
    assertFalse(Mnemonic.isValid(ABANDON_ABOUT.replace("about", "abandon")));
  }

  @Test
  void parse_surroundingAndRepeatedWhitespace_isTolerated() {
    Mnemonic parsed = Mnemonic.parse("  \t" + ABANDON_ABOUT.replace(" ", "   ") + "\n");
    assertEquals(ABANDON_ABOUT, parsed.revealPhrase());
  }

  @Test
  void parse_decomposedAccents_matchTheComposedList() {
    // Spanish "ábaco" typed with a combining accent: NFKD makes both forms the same word.
    String composed = Mnemonic.fromEntropy(new byte[16], MnemonicLanguage.SPANISH).revealPhrase();
    String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
    assertEquals(composed, Mnemonic.parse(decomposed, MnemonicLanguage.SPANISH).revealPhrase());
  }

  @Test
  void fromEntropy_wrongLength_isTyped() {
    assertThrows(MnemonicException.WrongEntropyLength.class, () -> Mnemonic.fromEntropy(new byte[17]));
  }

  @Test
  void generate_everyWordCount_roundTripsThroughParse() {
    SecureRandom random = new SecureRandom();
    for (int words : new int[] {12, 15, 18, 21, 24}) {
      Mnemonic generated = Mnemonic.generate(words, MnemonicLanguage.ENGLISH, random);
      assertEquals(words, generated.wordCount());
      assertEquals(generated.revealPhrase(), Mnemonic.parse(generated.revealPhrase()).revealPhrase());
    }
    assertThrows(MnemonicException.WrongWordCount.class, () -> Mnemonic.generate(13));
  }

  @Test
  void toString_andDestroy_neverShowTheSecret() {
    Mnemonic mnemonic = Mnemonic.parse(ABANDON_ABOUT);
    assertEquals("Mnemonic[12 words, english, redacted]", mnemonic.toString());
    Seed seed = mnemonic.toSeed();
    assertEquals("Seed[64 bytes, redacted]", seed.toString());
    mnemonic.destroy();
    seed.destroy();
    assertTrue(mnemonic.isDestroyed());
    assertThrows(IllegalStateException.class, mnemonic::revealPhrase);
    assertThrows(IllegalStateException.class, seed::revealSecretBytes);
    assertEquals("Mnemonic[destroyed]", mnemonic.toString());
  }
}

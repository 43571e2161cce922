package io.tronpay.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tronpay.core.testing.Json;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Base58 against Bitcoin Core's published vectors, and differentially against bitcoinj. */
class Base58Test {
  private static final HexFormat HEX = HexFormat.of();

  @SuppressWarnings("unchecked")
  static Stream<List<String>> bitcoinCoreVectors() {
    return ((List<List<String>>) Json.resource("/vectors/bitcoin/base58_encode_decode.json"))
        .stream();
  }

  @ParameterizedTest
  @MethodSource("bitcoinCoreVectors")
  void encodeAndDecode_matchBitcoinCoreVectors(List<String> vector) {
    byte[] bytes = HEX.parseHex(vector.get(0).toLowerCase());

    assertEquals(vector.get(1), Base58.encode(bytes));
    assertArrayEquals(bytes, Base58.decode(vector.get(1)));
  }

  @Test
  void randomBytes_matchBitcoinjBothWays() {
    Random random = new Random(58);
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = new byte[random.nextInt(60)];
      random.nextBytes(bytes);
      for (int z = random.nextInt(4); z > 0 && bytes.length > z; z--) {
        bytes[z - 1] = 0;
      }
      String expected = org.bitcoinj.base.Base58.encode(bytes);
      assertEquals(expected, Base58.encode(bytes));
      assertArrayEquals(bytes, Base58.decode(expected));
    }
  }

  @Test
  void base58Check_randomPayloads_matchBitcoinjAndRoundTrip() {
    Random random = new Random(59);
    for (int i = 0; i < 5_000; i++) {
      byte[] payload = new byte[1 + random.nextInt(40)];
      random.nextBytes(payload);
      // bitcoinj's encodeChecked takes a version byte plus payload.
      String expected = org.bitcoinj.base.Base58.encodeChecked(payload[0] & 0xFF,
          java.util.Arrays.copyOfRange(payload, 1, payload.length));
      assertEquals(expected, Base58Check.encode(payload));
      assertArrayEquals(payload, Base58Check.decode(expected));
    }
  }

  @Test
  void decode_characterOutsideAlphabet_namesCharacterAndPosition() {
    Base58FormatException.InvalidCharacter e = assertThrows(
        Base58FormatException.InvalidCharacter.class, () -> Base58.decode("abc0def"));

    assertEquals('0', e.character());
    assertEquals(3, e.position());
    assertEquals("invalid Base58 character '0' at position 3", e.getMessage());
  }

  @Test
  void base58CheckDecode_alteredChecksum_isBadChecksum() {
    String encoded = org.bitcoinj.base.Base58.encodeChecked(0x41, new byte[20]);
    char last = encoded.charAt(encoded.length() - 1);
    String altered = encoded.substring(0, encoded.length() - 1) + (last == 'z' ? 'y' : 'z');

    assertThrows(Base58FormatException.BadChecksum.class, () -> Base58Check.decode(altered));
  }

  @Test
  void base58CheckDecode_tooShort_isTyped() {
    assertThrows(Base58FormatException.TooShort.class, () -> Base58Check.decode("2g"));
  }
}

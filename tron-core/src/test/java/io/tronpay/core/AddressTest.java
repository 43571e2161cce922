package io.tronpay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.testing.Json;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Addresses against tronweb's key→address vectors and wallet-core's, plus every error type. */
class AddressTest {
  static Stream<Map<String, Object>> tronwebKeys() {
    return Json.cases("/vectors/tronweb/addresses.json", "cases").stream();
  }

  @ParameterizedTest
  @MethodSource("tronwebKeys")
  void fromPrivateKey_matchesTronweb(Map<String, Object> vector) {
    @SuppressWarnings("unchecked")
    Map<String, Object> address = (Map<String, Object>) vector.get("address");
    PrivateKey key = PrivateKey.fromHex((String) vector.get("privateKey"));

    assertEquals(vector.get("publicKey"), HexFormat.of().formatHex(key.publicKey().toUncompressed()));
    assertEquals(vector.get("publicKeyCompressed"),
        HexFormat.of().formatHex(key.publicKey().toCompressed()));
    assertEquals(address.get("base58"), key.address().toBase58());
    assertEquals(address.get("hex"), key.address().toHex());
    assertEquals(((String) vector.get("ethAddress")).toLowerCase(), key.address().toEvmHex());
  }

  @ParameterizedTest
  @MethodSource("tronwebKeys")
  void threeTextForms_parseToTheSameAddress(Map<String, Object> vector) {
    @SuppressWarnings("unchecked")
    Map<String, Object> address = (Map<String, Object>) vector.get("address");
    Address fromBase58 = Address.parse((String) address.get("base58"));

    assertEquals(fromBase58, Address.parse((String) address.get("hex")));
    assertEquals(fromBase58, Address.parse((String) vector.get("ethAddress")));
    assertEquals(fromBase58, Address.fromPublicKey(
        PublicKey.fromHex((String) vector.get("publicKeyCompressed"))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void walletCoreVectors_keysAndValidity() {
    Map<String, Object> vectors = (Map<String, Object>) Json.resource("/vectors/wallet_core/addresses.json");
    for (Map<String, Object> v : (List<Map<String, Object>>) vectors.get("from_private_key")) {
      assertEquals(v.get("address"),
          PrivateKey.fromHex((String) v.get("private_key")).address().toBase58());
    }
    for (String valid : (List<String>) vectors.get("valid")) {
      assertEquals(valid, Address.fromBase58(valid).toBase58());
    }
    for (String invalid : (List<String>) vectors.get("invalid")) {
      assertThrows(AddressFormatException.class, () -> Address.fromBase58(invalid), invalid);
    }
  }

  @Test
  void invalidCharacter_namesCharacterAndPosition() {
    AddressFormatException.InvalidCharacter e = assertThrows(
        AddressFormatException.InvalidCharacter.class,
        () -> Address.parse("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeO"));

    assertEquals('O', e.character());
    assertEquals(33, e.position());
    assertEquals("invalid Base58 character 'O' at position 33", e.getMessage());
  }

  @Test
  void badChecksum_isReported() {
    AddressFormatException e = assertThrows(AddressFormatException.BadChecksum.class,
        () -> Address.parse("TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeD"));
    assertTrue(e.getMessage().contains("checksum"));
  }

  @Test
  void wrongLength_givesBothLengths() {
    // A valid Base58Check string of a 20-byte payload (a Bitcoin-style hash without prefix).
    String shortOne = org.bitcoinj.base.Base58.encodeChecked(0x41, new byte[19]);
    AddressFormatException.WrongLength e =
        assertThrows(AddressFormatException.WrongLength.class, () -> Address.parse(shortOne));

    assertEquals(20, e.actualLength());
    assertEquals(21, e.expectedLength());
    assertThrows(AddressFormatException.WrongLength.class,
        () -> Address.fromEvmHex("0x7e5f4552091a69125d5dfcb7b8c2659029395b"));
  }

  @Test
  void wrongPrefix_givesThePrefix() {
    // Bitcoin's P2PKH version byte 0x00: a well-formed Base58Check string, not a TRON address.
    String bitcoin = "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L";
    assertThrows(AddressFormatException.class, () -> Address.parse(bitcoin));
    String prefixed = org.bitcoinj.base.Base58.encodeChecked(0x42, new byte[20]);

    AddressFormatException.WrongPrefix e =
        assertThrows(AddressFormatException.WrongPrefix.class, () -> Address.parse(prefixed));

    assertEquals(0x42, e.prefix());
    assertEquals("address prefix is 0x42, expected 0x41", e.getMessage());
    assertThrows(AddressFormatException.WrongPrefix.class,
        () -> Address.fromHex("427e5f4552091a69125d5dfcb7b8c2659029395bdf"));
  }

  @Test
  void hexWithNonAsciiDigit_isInvalidCharacter() {
    // U+0661 ARABIC-INDIC DIGIT ONE is a Unicode digit but not hex.
    assertThrows(AddressFormatException.InvalidCharacter.class,
        () -> Address.fromHex("41\u06615f4552091a69125d5dfcb7b8c2659029395bdf"));
  }

  @Test
  void everySingleCharacterChange_isRejected() {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    int checked = 0;
    for (int k = 0; k < 20; k++) {
      String address = PrivateKey.fromBytes(Hashes.sha256(new byte[] {(byte) k}))
          .address().toBase58();
      for (int position = 0; position < address.length(); position++) {
        for (int c = 0; c < alphabet.length(); c++) {
          char replacement = alphabet.charAt(c);
          if (replacement == address.charAt(position)) {
            continue;
          }
          String changed = address.substring(0, position) + replacement + address.substring(position + 1);
          assertFalse(Address.isValid(changed), changed);
          checked++;
        }
      }
    }
    assertEquals(20 * 34 * 57, checked);
  }

  @Test
  void ordering_isByUnsignedBytes_andEqualityByValue() {
    Address low = Address.fromHex("410000000000000000000000000000000000000001");
    Address high = Address.fromHex("41ff00000000000000000000000000000000000000");
    List<Address> sorted = new ArrayList<>(new TreeSet<>(List.of(high, low)));

    assertEquals(List.of(low, high), sorted);
    assertEquals(low, Address.fromBase58(low.toBase58()));
    assertEquals(low.hashCode(), Address.fromBase58(low.toBase58()).hashCode());
  }
}

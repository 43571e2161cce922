package io.tronpay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Key validation and secret hygiene. */
class KeysTest {
  private static final String SECRET =
      "e127b44799e45f83a84c7fbaa1ba5d2e567cac59c46cf6872453f2b232d43c13";
  private static final String ORDER =
      "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

  @Test
  void toString_neverShowsTheSecret() {
    PrivateKey key = PrivateKey.fromHex(SECRET);
    KeyPair pair = KeyPair.of(key);

    assertFalse(key.toString().contains(SECRET));
    assertFalse(pair.toString().contains(SECRET));
    // tronweb vector tip191.json: this key's address.
    assertEquals("PrivateKey[TXgapdfx9aZBZQdjAtKiKxovmMvzwPRVmC, secret redacted]", key.toString());
  }

  @Test
  void destroy_zeroesAndRefusesToSign() {
    PrivateKey key = PrivateKey.fromHex(SECRET);
    key.destroy();

    assertTrue(key.isDestroyed());
    assertThrows(IllegalStateException.class, () -> key.sign(new byte[32]));
    assertThrows(IllegalStateException.class, key::revealSecretBytes);
    assertEquals("PrivateKey[destroyed]", key.toString());
  }

  @Test
  void revealSecretBytes_returnsACopy() {
    PrivateKey key = PrivateKey.fromHex(SECRET);
    byte[] copy = key.revealSecretBytes();
    copy[0] ^= 1;

    assertEquals(SECRET, key.revealSecretHex());
    assertEquals(SECRET, HexFormat.of().formatHex(PrivateKey.fromBytes(
        HexFormat.of().parseHex(SECRET)).revealSecretBytes()));
  }

  @Test
  void outOfRangeKeys_areRefusedWithoutEchoingThem() {
    KeyFormatException zero = assertThrows(KeyFormatException.class,
        () -> PrivateKey.fromHex("00".repeat(32)));
    KeyFormatException order = assertThrows(KeyFormatException.class,
        () -> PrivateKey.fromHex(ORDER));
    KeyFormatException length = assertThrows(KeyFormatException.class,
        () -> PrivateKey.fromHex(SECRET.substring(2)));
    KeyFormatException notHex = assertThrows(KeyFormatException.class,
        () -> PrivateKey.fromHex(SECRET.substring(2) + "zz"));

    assertEquals("private key is outside the valid range [1, n-1]", zero.getMessage());
    assertEquals("private key is outside the valid range [1, n-1]", order.getMessage());
    assertEquals("private key must be 32 bytes, got 31", length.getMessage());
    assertFalse(notHex.getMessage().contains(SECRET.substring(2, 20)));
  }

  @Test
  void publicKey_offCurvePoint_isRefused() {
    byte[] bogus = new byte[33];
    bogus[0] = 0x02;
    bogus[32] = 0x05; // x = 5 has no point on secp256k1

    assertEquals("public key is not a point on secp256k1",
        assertThrows(KeyFormatException.class, () -> PublicKey.fromBytes(bogus)).getMessage());
  }
}

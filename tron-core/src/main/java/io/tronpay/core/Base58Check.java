package io.tronpay.core;

import java.security.MessageDigest;
import java.util.Arrays;

/** Base58 with a four-byte double-SHA-256 checksum, as used by TRON addresses and BIP32 keys. */
public final class Base58Check {
  private Base58Check() {}

  /** Appends the checksum to {@code payload} and Base58-encodes the result. */
  public static String encode(byte[] payload) {
    byte[] checksum = Hashes.doubleSha256(payload);
    byte[] withChecksum = Arrays.copyOf(payload, payload.length + 4);
    System.arraycopy(checksum, 0, withChecksum, payload.length, 4);
    return Base58.encode(withChecksum);
  }

  /**
   * Decodes and verifies the checksum, returning the payload without it.
   *
   * @throws Base58FormatException (a typed subclass) naming the fault
   */
  public static byte[] decode(String input) {
    byte[] decoded = Base58.decode(input);
    if (decoded.length < 4) {
      throw new Base58FormatException.TooShort(decoded.length);
    }
    byte[] payload = Arrays.copyOf(decoded, decoded.length - 4);
    byte[] expected = Arrays.copyOf(Hashes.doubleSha256(payload), 4);
    byte[] actual = Arrays.copyOfRange(decoded, decoded.length - 4, decoded.length);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new Base58FormatException.BadChecksum();
    }
    return payload;
  }
}

package io.tronpay.core.abi;

import io.tronpay.core.Address;
import java.math.BigInteger;
import java.util.Arrays;

/** 32-byte ABI words: uint256 and address, strictly checked. */
final class AbiWords {
  static final int WORD = 32;
  static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  private AbiWords() {}

  static void putAddress(byte[] out, int offset, Address address) {
    System.arraycopy(address.accountId(), 0, out, offset + 12, 20);
  }

  static void putUint256(byte[] out, int offset, BigInteger value, String name) {
    requireUint256(value, name);
    byte[] magnitude = value.toByteArray();
    int skip = magnitude.length > WORD ? 1 : 0; // the sign byte of a full 256-bit value
    int length = magnitude.length - skip;
    System.arraycopy(magnitude, skip, out, offset + WORD - length, length);
  }

  static void requireUint256(BigInteger value, String name) {
    if (value.signum() < 0 || value.compareTo(UINT256_LIMIT) >= 0) {
      throw new AbiFormatException(name + " must be in [0, 2^256), got " + value);
    }
  }

  static BigInteger uint256(byte[] data, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(data, offset, offset + WORD));
  }

  /**
   * Reads an address word. Its 12 high bytes must be zero; with {@code allowTronPrefix}, byte 11
   * may also be {@code 0x41}, which some TRON wallets write into call data and the TVM ignores.
   */
  static Address address(byte[] data, int offset, String name, boolean allowTronPrefix) {
    for (int i = 0; i < 12; i++) {
      int b = data[offset + i] & 0xFF;
      boolean tronPrefix = allowTronPrefix && i == 11 && b == Address.PREFIX;
      if (b != 0 && !tronPrefix) {
        throw new AbiFormatException(name + " word has a non-zero high byte at offset " + i
            + "; an address word is 12 zero bytes and 20 address bytes");
      }
    }
    return Address.fromAccountId(Arrays.copyOfRange(data, offset + 12, offset + WORD));
  }
}

package io.tronpay.core;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A TRON account or contract address: the byte {@code 0x41} followed by the 20-byte account id.
 *
 * <p>Three text forms are understood: Base58Check ({@code T…}, what wallets show), hex with the
 * prefix ({@code 41…}, what the node's JSON uses with {@code visible:false}), and the 20-byte EVM
 * form ({@code 0x…}, what the TVM and ABI use). Addresses compare by their bytes.
 */
public final class Address implements Comparable<Address> {
  /** The prefix byte of every TRON address. */
  public static final byte PREFIX = 0x41;
  /** Length in bytes, including the prefix. */
  public static final int LENGTH = 21;

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;
  private final int hash;

  private Address(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /**
   * Parses any of the three text forms: {@code T…} Base58Check, {@code 41…} hex (42 digits) or
   * {@code 0x…} EVM hex (40 digits).
   */
  public static Address parse(String text) {
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return fromEvmHex(text);
    }
    if (text.length() == 2 * LENGTH && isHex(text)) {
      return fromHex(text);
    }
    return fromBase58(text);
  }

  /** Parses the Base58Check form, {@code T…}. */
  public static Address fromBase58(String base58) {
    byte[] payload;
    try {
      payload = Base58Check.decode(base58);
    } catch (Base58FormatException.InvalidCharacter e) {
      throw new AddressFormatException.InvalidCharacter("Base58", e.character(), e.position());
    } catch (Base58FormatException.BadChecksum e) {
      throw new AddressFormatException.BadChecksum();
    } catch (Base58FormatException.TooShort e) {
      throw new AddressFormatException.WrongLength("Base58 address", 0, LENGTH);
    }
    return fromBytes(payload);
  }

  /** Parses the 21-byte hex form with its {@code 41} prefix (an optional {@code 0x} is refused). */
  public static Address fromHex(String hex) {
    return fromBytes(parseHex(hex, 0));
  }

  /** Parses the 20-byte EVM form, with or without {@code 0x}. */
  public static Address fromEvmHex(String evmHex) {
    int offset = evmHex.startsWith("0x") || evmHex.startsWith("0X") ? 2 : 0;
    byte[] id = parseHex(evmHex, offset);
    if (id.length != LENGTH - 1) {
      throw new AddressFormatException.WrongLength("EVM address", id.length, LENGTH - 1);
    }
    return fromAccountId(id);
  }

  /** Wraps 21 bytes, checking the length and the prefix. */
  public static Address fromBytes(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new AddressFormatException.WrongLength("address", bytes.length, LENGTH);
    }
    if (bytes[0] != PREFIX) {
      throw new AddressFormatException.WrongPrefix(bytes[0] & 0xFF);
    }
    return new Address(bytes.clone());
  }

  /** Wraps the 20-byte account id, adding the prefix. */
  public static Address fromAccountId(byte[] accountId) {
    if (accountId.length != LENGTH - 1) {
      throw new AddressFormatException.WrongLength("account id", accountId.length, LENGTH - 1);
    }
    byte[] bytes = new byte[LENGTH];
    bytes[0] = PREFIX;
    System.arraycopy(accountId, 0, bytes, 1, LENGTH - 1);
    return new Address(bytes);
  }

  /** The address of a public key: the last 20 bytes of Keccak-256 of its uncompressed X‖Y. */
  public static Address fromPublicKey(PublicKey publicKey) {
    byte[] uncompressed = publicKey.toUncompressed();
    byte[] hash = Hashes.keccak256(Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
    return fromAccountId(Arrays.copyOfRange(hash, 12, 32));
  }

  /** Whether {@code text} parses as an address in any of the three forms. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (AddressFormatException e) {
      return false;
    }
  }

  /** The 21 bytes, prefix first. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The 20 bytes after the prefix, as the TVM sees them. */
  public byte[] accountId() {
    return Arrays.copyOfRange(bytes, 1, LENGTH);
  }

  /** The Base58Check form, {@code T…}. */
  public String toBase58() {
    return Base58Check.encode(bytes);
  }

  /** Lowercase hex with the {@code 41} prefix, as in the node's JSON. */
  public String toHex() {
    return HEX.formatHex(bytes);
  }

  /** The 20-byte EVM form, {@code 0x…}, lowercase. */
  public String toEvmHex() {
    return "0x" + HEX.formatHex(bytes, 1, LENGTH);
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The Base58Check form. */
  @Override
  public String toString() {
    return toBase58();
  }

  private static byte[] parseHex(String text, int offset) {
    for (int i = offset; i < text.length(); i++) {
      if (!isHexDigit(text.charAt(i))) {
        throw new AddressFormatException.InvalidCharacter("hex", text.charAt(i), i);
      }
    }
    if ((text.length() - offset) % 2 != 0) {
      throw new AddressFormatException.WrongLength(
          "hex address of " + (text.length() - offset) + " digits", (text.length() - offset) / 2,
          LENGTH);
    }
    return HEX.parseHex(text, offset, text.length());
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isHexDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}

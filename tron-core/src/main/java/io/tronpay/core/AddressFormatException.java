package io.tronpay.core;

/** A string or byte array that is not a TRON address. The subclasses name the exact fault. */
public class AddressFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  AddressFormatException(String message) {
    super(message);
  }

  /** A character that does not belong to the address's encoding. */
  public static final class InvalidCharacter extends AddressFormatException {
    private static final long serialVersionUID = 1L;
    private final char character;
    private final int position;

    InvalidCharacter(String encoding, char character, int position) {
      super("invalid " + encoding + " character '" + Base58FormatException.printable(character)
          + "' at position " + position);
      this.character = character;
      this.position = position;
    }

    /** The offending character. */
    public char character() {
      return character;
    }

    /** Its zero-based position in the input. */
    public int position() {
      return position;
    }
  }

  /** The Base58Check checksum does not match: most often a mistyped character. */
  public static final class BadChecksum extends AddressFormatException {
    private static final long serialVersionUID = 1L;

    BadChecksum() {
      super("address checksum does not match (a character is wrong or missing)");
    }
  }

  /** The input decodes to the wrong number of bytes. */
  public static final class WrongLength extends AddressFormatException {
    private static final long serialVersionUID = 1L;
    private final int actualLength;
    private final int expectedLength;

    WrongLength(String what, int actualLength, int expectedLength) {
      super(what + " has " + actualLength + " bytes, expected " + expectedLength);
      this.actualLength = actualLength;
      this.expectedLength = expectedLength;
    }

    /** The length found. */
    public int actualLength() {
      return actualLength;
    }

    /** The length a TRON address has in this form. */
    public int expectedLength() {
      return expectedLength;
    }
  }

  /** The first byte is not the TRON mainnet/testnet prefix {@code 0x41}. */
  public static final class WrongPrefix extends AddressFormatException {
    private static final long serialVersionUID = 1L;
    private final int prefix;

    WrongPrefix(int prefix) {
      super(String.format("address prefix is 0x%02x, expected 0x41", prefix));
      this.prefix = prefix;
    }

    /** The prefix byte found, 0-255. */
    public int prefix() {
      return prefix;
    }
  }
}

package io.tronpay.core;

/**
 * A Base58 or Base58Check string that cannot be decoded. The subclasses name the fault; messages
 * never repeat the whole input, because Base58Check also carries secrets such as {@code xprv}.
 */
public class Base58FormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  Base58FormatException(String message) {
    super(message);
  }

  /** A character outside the Base58 alphabet. */
  public static final class InvalidCharacter extends Base58FormatException {
    private static final long serialVersionUID = 1L;
    private final char character;
    private final int position;

    InvalidCharacter(char character, int position) {
      super("invalid Base58 character '" + printable(character) + "' at position " + position);
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

  /** The last four bytes do not match the double-SHA-256 of the payload. */
  public static final class BadChecksum extends Base58FormatException {
    private static final long serialVersionUID = 1L;

    BadChecksum() {
      super("Base58Check checksum does not match");
    }
  }

  /** The decoded bytes are too short to hold a checksum. */
  public static final class TooShort extends Base58FormatException {
    private static final long serialVersionUID = 1L;

    TooShort(int length) {
      super("Base58Check data is " + length + " bytes, shorter than its 4-byte checksum");
    }
  }

  static String printable(char c) {
    return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}

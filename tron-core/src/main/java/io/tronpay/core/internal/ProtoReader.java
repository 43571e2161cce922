package io.tronpay.core.internal;

import java.util.Arrays;

/**
 * A strict protobuf field reader. Every failure names the message path and the byte offset, so a
 * corrupt transaction is reported where it breaks instead of being half-read.
 */
public final class ProtoReader {
  public static final int WIRE_VARINT = 0;
  public static final int WIRE_LENGTH_DELIMITED = 2;

  private final byte[] buf;
  private final String path;
  private int pos;
  private int fieldNumber;
  private int wireType;

  public ProtoReader(byte[] buf, String path) {
    this.buf = buf;
    this.path = path;
  }

  /** Advances to the next field; false at the end of the message. */
  public boolean next() {
    if (pos >= buf.length) {
      return false;
    }
    long tag = readVarint();
    if (tag >>> 32 != 0 || (tag >>> 3) == 0) {
      throw error("invalid field tag " + tag);
    }
    fieldNumber = (int) (tag >>> 3);
    wireType = (int) (tag & 7);
    if (wireType != WIRE_VARINT && wireType != WIRE_LENGTH_DELIMITED) {
      throw error("field " + fieldNumber + " has unsupported wire type " + wireType);
    }
    return true;
  }

  public int field() {
    return fieldNumber;
  }

  public String path() {
    return path;
  }

  public long int64(String name) {
    expect(WIRE_VARINT, name);
    return readVarint();
  }

  public int int32(String name) {
    long value = int64(name);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw error(name + " does not fit in 32 bits: " + value);
    }
    return (int) value;
  }

  public boolean bool(String name) {
    long value = int64(name);
    if (value != 0 && value != 1) {
      throw error(name + " is not a bool: " + value);
    }
    return value == 1;
  }

  public byte[] bytes(String name) {
    expect(WIRE_LENGTH_DELIMITED, name);
    long length = readVarint();
    if (length < 0 || length > buf.length - pos) {
      throw error(name + " declares " + length + " bytes but " + (buf.length - pos) + " remain");
    }
    byte[] value = Arrays.copyOfRange(buf, pos, pos + (int) length);
    pos += (int) length;
    return value;
  }

  /** Fails for the current field: nothing is ever skipped silently. */
  public ProtoFormatException unknownField() {
    return error("unknown field " + fieldNumber);
  }

  public ProtoFormatException error(String message) {
    return new ProtoFormatException(path + ": " + message + " (at byte " + pos + ")");
  }

  private void expect(int expectedWireType, String name) {
    if (wireType != expectedWireType) {
      throw error(name + " (field " + fieldNumber + ") has wire type " + wireType
          + ", expected " + expectedWireType);
    }
  }

  private long readVarint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= buf.length) {
        throw error("truncated varint");
      }
      byte b = buf[pos++];
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (shift == 63 && (b & 0x7F) > 1) {
          throw error("varint overflows 64 bits");
        }
        return result;
      }
    }
    throw error("varint longer than 10 bytes");
  }

  /** Thrown for malformed protobuf bytes; callers wrap it in their public exception type. */
  public static final class ProtoFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProtoFormatException(String message) {
      super(message);
    }
  }
}

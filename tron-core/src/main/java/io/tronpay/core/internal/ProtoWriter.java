package io.tronpay.core.internal;

import java.io.ByteArrayOutputStream;

/**
 * A minimal protobuf encoder. Fields must be written in field-number order and default values
 * skipped by the caller, which gives the canonical encoding that java-tron and tronweb produce.
 */
public final class ProtoWriter {
  private static final int WIRE_VARINT = 0;
  private static final int WIRE_LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

  /** Writes a varint field unless it holds the proto3 default 0. */
  public ProtoWriter int64(int field, long value) {
    if (value != 0) {
      tag(field, WIRE_VARINT);
      varint(value);
    }
    return this;
  }

  /** Writes a bool field unless it is false. */
  public ProtoWriter bool(int field, boolean value) {
    return int64(field, value ? 1 : 0);
  }

  /** Writes a bytes field unless it is empty. */
  public ProtoWriter bytes(int field, byte[] value) {
    if (value.length > 0) {
      tag(field, WIRE_LENGTH_DELIMITED);
      varint(value.length);
      out.writeBytes(value);
    }
    return this;
  }

  /** Writes an embedded message or string; empty messages are still written (presence matters). */
  public ProtoWriter message(int field, byte[] encoded) {
    tag(field, WIRE_LENGTH_DELIMITED);
    varint(encoded.length);
    out.writeBytes(encoded);
    return this;
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  private void varint(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}

package io.tronpay.core;

import io.tronpay.core.internal.Secp256k1;
import org.bouncycastle.math.ec.ECPoint;

/** A secp256k1 public key, readable and writable in compressed (33-byte) and uncompressed form. */
public final class PublicKey {
  private final ECPoint point;
  private volatile Address address;

  private PublicKey(ECPoint point) {
    this.point = point.normalize();
  }

  /**
   * Parses a SEC1 encoding: 33 bytes ({@code 02}/{@code 03} and X) or 65 bytes ({@code 04}, X, Y).
   *
   * @throws KeyFormatException for another length or a point that is not on the curve
   */
  public static PublicKey fromBytes(byte[] encoded) {
    if (encoded.length != 33 && encoded.length != 65) {
      throw new KeyFormatException(
          "public key must be 33 (compressed) or 65 (uncompressed) bytes, got " + encoded.length);
    }
    ECPoint point;
    try {
      point = Secp256k1.CURVE.decodePoint(encoded);
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("public key is not a point on secp256k1");
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new KeyFormatException("public key is not a point on secp256k1");
    }
    return new PublicKey(point);
  }

  /** Parses the hex form of {@link #fromBytes}. */
  public static PublicKey fromHex(String hex) {
    return fromBytes(Hex.decode(hex, "public key", KeyFormatException::new));
  }

  static PublicKey fromPoint(ECPoint point) {
    return new PublicKey(point);
  }

  /** The 33-byte compressed SEC1 form. */
  public byte[] toCompressed() {
    return point.getEncoded(true);
  }

  /** The 65-byte uncompressed SEC1 form, starting with {@code 04}. */
  public byte[] toUncompressed() {
    return point.getEncoded(false);
  }

  /** The TRON address of this key. */
  public Address address() {
    Address result = address;
    if (result == null) {
      result = Address.fromPublicKey(this);
      address = result;
    }
    return result;
  }

  ECPoint point() {
    return point;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKey other && point.equals(other.point);
  }

  @Override
  public int hashCode() {
    return point.hashCode();
  }

  /** The compressed hex form. */
  @Override
  public String toString() {
    return "PublicKey[" + Hex.encode(toCompressed()) + "]";
  }
}

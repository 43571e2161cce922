package io.tronpay.core;

import io.tronpay.core.internal.Secp256k1;
import java.math.BigInteger;
import java.util.Objects;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * A recoverable secp256k1 ECDSA signature: r, s and the recovery id.
 *
 * <p>The 65-byte form is {@code r ‖ s ‖ v}. Reading accepts {@code v} as 0/1 or 27/28; both
 * occur on mainnet and the node accepts both. Signatures made by this SDK write 27/28, as tronweb
 * and TronLink do, so that our bytes are identical to theirs. A parsed signature writes back the
 * {@code v} it was read with, so re-encoding a transaction never changes its bytes.
 *
 * <p>Verification and recovery accept a high S value, because real mainnet transactions carry
 * them; signing in this SDK always produces a low S.
 */
public final class Signature {
  private static final int V_OFFSET_ETHEREUM = 27;

  private final BigInteger r;
  private final BigInteger s;
  private final int recoveryId;
  private final int vOffset;

  private Signature(BigInteger r, BigInteger s, int recoveryId, int vOffset) {
    this.r = r;
    this.s = s;
    this.recoveryId = recoveryId;
    this.vOffset = vOffset;
  }

  /**
   * A signature from its parts, written with {@code v = 27 + recoveryId}.
   *
   * @throws SignatureFormatException if r or s is outside [1, n-1] or the recovery id is not 0-3
   */
  public static Signature of(BigInteger r, BigInteger s, int recoveryId) {
    return create(r, s, recoveryId, V_OFFSET_ETHEREUM);
  }

  /**
   * Parses the 65-byte {@code r ‖ s ‖ v} form, with v as 0/1 or 27/28.
   *
   * @throws SignatureFormatException naming the fault
   */
  public static Signature fromBytes(byte[] bytes) {
    if (bytes.length != 65) {
      throw new SignatureFormatException("signature must be 65 bytes, got " + bytes.length);
    }
    int v = bytes[64] & 0xFF;
    int offset;
    if (v <= 3) {
      offset = 0;
    } else if (v >= V_OFFSET_ETHEREUM && v <= V_OFFSET_ETHEREUM + 3) {
      offset = V_OFFSET_ETHEREUM;
    } else {
      throw new SignatureFormatException("signature v is " + v + ", expected 0/1 or 27/28");
    }
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 0, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 32, 64));
    return create(r, s, v - offset, offset);
  }

  /** Parses the hex form of {@link #fromBytes}, with or without {@code 0x}. */
  public static Signature fromHex(String hex) {
    return fromBytes(Hex.decode(hex, "signature", SignatureFormatException::new));
  }

  private static Signature create(BigInteger r, BigInteger s, int recoveryId, int vOffset) {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    if (r.signum() <= 0 || r.compareTo(Secp256k1.N) >= 0) {
      throw new SignatureFormatException("signature r is outside [1, n-1]");
    }
    if (s.signum() <= 0 || s.compareTo(Secp256k1.N) >= 0) {
      throw new SignatureFormatException("signature s is outside [1, n-1]");
    }
    if (recoveryId < 0 || recoveryId > 3) {
      throw new SignatureFormatException("recovery id is " + recoveryId + ", expected 0-3");
    }
    return new Signature(r, s, recoveryId, vOffset);
  }

  /** The r value. */
  public BigInteger r() {
    return r;
  }

  /** The s value; may be high in signatures read from the chain. */
  public BigInteger s() {
    return s;
  }

  /** The recovery id, 0-3 (in practice 0 or 1). */
  public int recoveryId() {
    return recoveryId;
  }

  /** The v byte as written by {@link #toBytes()}: 27/28, or 0/1 if it was read that way. */
  public int v() {
    return recoveryId + vOffset;
  }

  /** Whether s ≤ n/2, the canonical form that this SDK's signers produce. */
  public boolean isLowS() {
    return s.compareTo(Secp256k1.HALF_N) <= 0;
  }

  /** The 65-byte {@code r ‖ s ‖ v} form. */
  public byte[] toBytes() {
    byte[] out = new byte[65];
    BigIntegers.asUnsignedByteArray(r, out, 0, 32);
    BigIntegers.asUnsignedByteArray(s, out, 32, 32);
    out[64] = (byte) v();
    return out;
  }

  /** Lowercase hex of {@link #toBytes()}. */
  public String toHex() {
    return Hex.encode(toBytes());
  }

  /**
   * Recovers the public key that made this signature over {@code hash32} (SEC 1, 4.1.6).
   *
   * @throws SignatureFormatException if no key can be recovered from these values
   */
  public PublicKey recoverPublicKey(byte[] hash32) {
    requireHash(hash32);
    BigInteger x = r.add(Secp256k1.N.multiply(BigInteger.valueOf(recoveryId >> 1)));
    if (x.compareTo(Secp256k1.CURVE.getField().getCharacteristic()) >= 0) {
      throw new SignatureFormatException("signature r does not lead to a curve point");
    }
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (0x02 | (recoveryId & 1));
    BigIntegers.asUnsignedByteArray(x, compressed, 1, 32);
    ECPoint bigR;
    try {
      bigR = Secp256k1.CURVE.decodePoint(compressed);
    } catch (IllegalArgumentException e) {
      throw new SignatureFormatException("signature r does not lead to a curve point");
    }
    BigInteger e = new BigInteger(1, hash32);
    BigInteger rInverse = BigIntegers.modOddInverse(Secp256k1.N, r);
    BigInteger u1 = Secp256k1.N.subtract(e).multiply(rInverse).mod(Secp256k1.N);
    BigInteger u2 = s.multiply(rInverse).mod(Secp256k1.N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.G, u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      throw new SignatureFormatException("signature recovers to the point at infinity");
    }
    return PublicKey.fromPoint(q);
  }

  /** The address of the key recovered by {@link #recoverPublicKey}. */
  public Address recoverAddress(byte[] hash32) {
    return recoverPublicKey(hash32).address();
  }

  /** Verifies this signature over {@code hash32} against {@code publicKey}; accepts high S. */
  public boolean verify(byte[] hash32, PublicKey publicKey) {
    requireHash(hash32);
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(publicKey.point(), Secp256k1.DOMAIN));
    return verifier.verifySignature(hash32, r, s);
  }

  /** Whether this signature over {@code hash32} was made by the key of {@code address}. */
  public boolean verify(byte[] hash32, Address address) {
    try {
      return recoverAddress(hash32).equals(address);
    } catch (SignatureFormatException e) {
      return false;
    }
  }

  static void requireHash(byte[] hash32) {
    if (hash32.length != 32) {
      throw new IllegalArgumentException("hash must be 32 bytes, got " + hash32.length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature other
        && r.equals(other.r)
        && s.equals(other.s)
        && recoveryId == other.recoveryId
        && vOffset == other.vOffset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(r, s, recoveryId, vOffset);
  }

  @Override
  public String toString() {
    return "Signature[" + toHex() + "]";
  }
}

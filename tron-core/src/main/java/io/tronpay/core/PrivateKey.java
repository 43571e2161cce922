package io.tronpay.core;

import io.tronpay.core.internal.Secp256k1;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * A secp256k1 private key: a secret.
 *
 * <p>It has no {@code equals} or {@code hashCode} over its bytes, its {@code toString()} shows only
 * the address, and its bytes leave only through {@link #revealSecretBytes()}, a call that is easy
 * to find in a code review. {@link #destroy()} zeroes the bytes; a destroyed key refuses to work.
 *
 * <p>Signing is deterministic (RFC 6979 with HMAC-SHA256) and always yields a low S, so the
 * signature bytes equal tronweb's for the same key and hash.
 */
public final class PrivateKey implements Signer, Destroyable {
  private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();

  private final byte[] secret;
  private final PublicKey publicKey;
  private volatile boolean destroyed;

  private PrivateKey(byte[] secret) {
    this.secret = secret;
    this.publicKey = PublicKey.fromPoint(Secp256k1.multiplyGenerator(new BigInteger(1, secret)));
  }

  /** A fresh key from a shared {@link SecureRandom}. */
  public static PrivateKey generate() {
    return generate(DEFAULT_RANDOM);
  }

  /** A fresh key from {@code random}. */
  public static PrivateKey generate(SecureRandom random) {
    byte[] candidate = new byte[32];
    while (true) {
      random.nextBytes(candidate);
      if (Secp256k1.isValidPrivateScalar(new BigInteger(1, candidate))) {
        return new PrivateKey(candidate);
      }
    }
  }

  /**
   * A key from its 32 bytes (copied).
   *
   * @throws KeyFormatException if it is not 32 bytes, or not in [1, n-1]
   */
  public static PrivateKey fromBytes(byte[] bytes) {
    if (bytes.length != 32) {
      throw new KeyFormatException("private key must be 32 bytes, got " + bytes.length);
    }
    if (!Secp256k1.isValidPrivateScalar(new BigInteger(1, bytes))) {
      throw new KeyFormatException("private key is outside the valid range [1, n-1]");
    }
    return new PrivateKey(bytes.clone());
  }

  /** A key from 64 hex digits, with or without {@code 0x}. The message never echoes the input. */
  public static PrivateKey fromHex(String hex) {
    byte[] bytes = Hex.decode(hex.strip(), "private key", KeyFormatException::new);
    try {
      return fromBytes(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The matching public key. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The TRON address of this key. */
  public Address address() {
    return publicKey.address();
  }

  /**
   * Signs a 32-byte hash with RFC 6979 nonces and a low S.
   *
   * <p>The recovery id comes straight from the nonce point R (the parity of its y, and whether
   * its x overflowed n), so no trial recovery is needed.
   */
  @Override
  public Signature sign(byte[] hash32) {
    Signature.requireHash(hash32);
    checkNotDestroyed();
    BigInteger d = new BigInteger(1, secret);
    BigInteger e = new BigInteger(1, hash32);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(Secp256k1.N, d, hash32);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint point = Secp256k1.multiplyGenerator(k);
      BigInteger x = point.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(Secp256k1.N);
      if (r.signum() == 0) {
        continue;
      }
      BigInteger s = BigIntegers.modOddInverse(Secp256k1.N, k)
          .multiply(e.add(d.multiply(r)))
          .mod(Secp256k1.N);
      if (s.signum() == 0) {
        continue;
      }
      int recoveryId = (point.getAffineYCoord().testBitZero() ? 1 : 0)
          | (x.compareTo(Secp256k1.N) >= 0 ? 2 : 0);
      if (s.compareTo(Secp256k1.HALF_N) > 0) {
        // Negating s mirrors R, which flips the parity of its y.
        s = Secp256k1.N.subtract(s);
        recoveryId ^= 1;
      }
      return Signature.of(r, s, recoveryId);
    }
  }

  /**
   * The 32 secret bytes. This is the single way out for key material: keep the call visible.
   *
   * @throws IllegalStateException if the key was destroyed
   */
  public byte[] revealSecretBytes() {
    checkNotDestroyed();
    return secret.clone();
  }

  /** The secret as 64 lowercase hex digits; see {@link #revealSecretBytes()}. */
  public String revealSecretHex() {
    checkNotDestroyed();
    return Hex.encode(secret);
  }

  /** Zeroes the secret bytes; every later use throws {@link IllegalStateException}. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(secret, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("private key has been destroyed");
    }
  }

  /** Shows the address only; the secret is never printed. */
  @Override
  public String toString() {
    return destroyed ? "PrivateKey[destroyed]" : "PrivateKey[" + address() + ", secret redacted]";
  }
}

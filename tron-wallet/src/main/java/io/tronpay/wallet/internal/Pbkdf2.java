package io.tronpay.wallet.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PBKDF2 (RFC 8018). BIP39's PBKDF2-HMAC-SHA512 runs on the JDK's SHA-512, which has CPU
 * intrinsics. HMAC is computed by hand so that the key's inner and outer pad blocks are hashed
 * once and their digest states cloned for each of the 2048 rounds: two SHA-512 compressions per
 * round instead of the four a fresh HMAC costs. Keystores' PBKDF2-HMAC-SHA256 stays on
 * BouncyCastle.
 */
public final class Pbkdf2 {
  private static final int SHA512_BLOCK = 128;
  private static final int SHA512_LENGTH = 64;

  private Pbkdf2() {}

  /** PBKDF2-HMAC-SHA512; the caller owns and zeroes {@code password}. */
  public static byte[] hmacSha512(byte[] password, byte[] salt, int iterations, int length) {
    byte[] key = password.length > SHA512_BLOCK ? sha512().digest(password) : password.clone();
    byte[] pad = new byte[SHA512_BLOCK];
    MessageDigest innerStart = sha512();
    MessageDigest outerStart = sha512();
    for (int i = 0; i < SHA512_BLOCK; i++) {
      pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
    }
    innerStart.update(pad);
    for (int i = 0; i < SHA512_BLOCK; i++) {
      pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
    }
    outerStart.update(pad);
    Arrays.fill(pad, (byte) 0);
    Arrays.fill(key, (byte) 0);

    byte[] out = new byte[length];
    byte[] u = new byte[SHA512_LENGTH];
    byte[] t = new byte[SHA512_LENGTH];
    byte[] inner = new byte[SHA512_LENGTH];
    byte[] blockIndex = new byte[4];
    try {
      for (int block = 1, offset = 0; offset < length; block++, offset += SHA512_LENGTH) {
        blockIndex[0] = (byte) (block >>> 24);
        blockIndex[1] = (byte) (block >>> 16);
        blockIndex[2] = (byte) (block >>> 8);
        blockIndex[3] = (byte) block;
        MessageDigest first = copy(innerStart);
        first.update(salt);
        first.update(blockIndex);
        first.digest(inner, 0, SHA512_LENGTH);
        MessageDigest firstOuter = copy(outerStart);
        firstOuter.update(inner);
        firstOuter.digest(u, 0, SHA512_LENGTH);
        System.arraycopy(u, 0, t, 0, SHA512_LENGTH);
        for (int i = 1; i < iterations; i++) {
          MessageDigest in = copy(innerStart);
          in.update(u);
          in.digest(inner, 0, SHA512_LENGTH);
          MessageDigest outer = copy(outerStart);
          outer.update(inner);
          outer.digest(u, 0, SHA512_LENGTH);
          for (int k = 0; k < SHA512_LENGTH; k++) {
            t[k] ^= u[k];
          }
        }
        System.arraycopy(t, 0, out, offset, Math.min(SHA512_LENGTH, length - offset));
      }
      return out;
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(u, (byte) 0);
      Arrays.fill(t, (byte) 0);
      Arrays.fill(inner, (byte) 0);
    }
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-512", e);
    }
  }

  private static MessageDigest copy(MessageDigest started) {
    try {
      return (MessageDigest) started.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the platform's SHA-512 cannot be cloned", e);
    }
  }

  /** PBKDF2-HMAC-SHA256; the caller owns and zeroes {@code password}. */
  public static byte[] hmacSha256(byte[] password, byte[] salt, int iterations, int length) {
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
    generator.init(password, salt, iterations);
    return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
  }
}

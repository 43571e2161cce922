package io.tronpay.wallet.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PBKDF2 (RFC 8018). BIP39's PBKDF2-HMAC-SHA512 runs on the JDK's HMAC, whose SHA-512 has CPU
 * intrinsics; on JDK 17 it measured faster than BouncyCastle's PKCS5S2ParametersGenerator for the
 * 2048 rounds of a seed. Keystores' PBKDF2-HMAC-SHA256 stays on BouncyCastle.
 */
public final class Pbkdf2 {
  private Pbkdf2() {}

  /** PBKDF2-HMAC-SHA512; the caller owns and zeroes {@code password}. */
  public static byte[] hmacSha512(byte[] password, byte[] salt, int iterations, int length) {
    Mac mac;
    RawKey key = new RawKey(password);
    try {
      mac = Mac.getInstance("HmacSHA512");
      mac.init(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks HmacSHA512", e);
    } finally {
      key.destroy();
    }
    int hashLength = mac.getMacLength();
    byte[] out = new byte[length];
    byte[] u = new byte[hashLength];
    byte[] t = new byte[hashLength];
    byte[] blockIndex = new byte[4];
    try {
      for (int block = 1, offset = 0; offset < length; block++, offset += hashLength) {
        blockIndex[0] = (byte) (block >>> 24);
        blockIndex[1] = (byte) (block >>> 16);
        blockIndex[2] = (byte) (block >>> 8);
        blockIndex[3] = (byte) block;
        mac.update(salt);
        mac.update(blockIndex);
        mac.doFinal(u, 0);
        System.arraycopy(u, 0, t, 0, hashLength);
        for (int i = 1; i < iterations; i++) {
          mac.update(u);
          mac.doFinal(u, 0);
          for (int k = 0; k < hashLength; k++) {
            t[k] ^= u[k];
          }
        }
        System.arraycopy(t, 0, out, offset, Math.min(hashLength, length - offset));
      }
      return out;
    } catch (javax.crypto.ShortBufferException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(u, (byte) 0);
      Arrays.fill(t, (byte) 0);
    }
  }

  /** PBKDF2-HMAC-SHA256; the caller owns and zeroes {@code password}. */
  public static byte[] hmacSha256(byte[] password, byte[] salt, int iterations, int length) {
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
    generator.init(password, salt, iterations);
    return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
  }

  /**
   * A MAC key over a copy of the password that can be zeroed, unlike {@code SecretKeySpec}, which
   * keeps its copy until garbage collection.
   */
  private static final class RawKey implements SecretKey {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;
    private boolean destroyed;

    RawKey(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public String getAlgorithm() {
      return "HmacSHA512";
    }

    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      return bytes.clone();
    }

    @Override
    public void destroy() {
      destroyed = true;
      Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
      return destroyed;
    }

    @Override
    public String toString() {
      return "RawKey[redacted]";
    }
  }
}

package io.tronpay.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** The hash functions TRON uses: SHA-256 for transaction ids and checksums, Keccak-256 for keys. */
public final class Hashes {
  private Hashes() {}

  /** SHA-256 of {@code data}. */
  public static byte[] sha256(byte[] data) {
    return sha256(data, 0, data.length);
  }

  /** SHA-256 of {@code length} bytes of {@code data} starting at {@code offset}. */
  public static byte[] sha256(byte[] data, int offset, int length) {
    MessageDigest digest = newSha256();
    digest.update(data, offset, length);
    return digest.digest();
  }

  /** SHA-256 applied twice, as in Base58Check checksums. */
  public static byte[] doubleSha256(byte[] data) {
    MessageDigest digest = newSha256();
    return digest.digest(digest.digest(data));
  }

  /** The JDK's SHA-256, which uses the CPU's SHA instructions where the JIT has them. */
  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** Keccak-256 (the original Keccak padding that Ethereum and TRON use, not SHA3-256). */
  public static byte[] keccak256(byte[] data) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(data, 0, data.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}

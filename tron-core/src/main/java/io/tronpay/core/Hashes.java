package io.tronpay.core;

import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** The hash functions TRON uses: SHA-256 for transaction ids and checksums, Keccak-256 for keys. */
public final class Hashes {
  private Hashes() {}

  /** SHA-256 of {@code data}. */
  public static byte[] sha256(byte[] data) {
    return sha256(data, 0, data.length);
  }

  /** SHA-256 of {@code length} bytes of {@code data} starting at {@code offset}. */
  public static byte[] sha256(byte[] data, int offset, int length) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(data, offset, length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  /** SHA-256 applied twice, as in Base58Check checksums. */
  public static byte[] doubleSha256(byte[] data) {
    return sha256(sha256(data));
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

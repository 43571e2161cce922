package io.tronpay.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Fixed, reproducible benchmark inputs.
 *
 * <p>Every benchmark rotates through {@link #COUNT} different keys or payloads, so that neither
 * side profits from a cache that holds one value, and every run measures the same inputs. The
 * values come from the JDK's SHA-256 of a label, so they depend on no library under test.
 */
final class Inputs {
  /** How many distinct inputs each benchmark rotates through; a power of two for cheap masking. */
  static final int COUNT = 16;

  private Inputs() {}

  /** {@link #COUNT} distinct 32-byte values: SHA-256 of {@code label + "/" + i}. */
  static byte[][] digests(String label) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
    byte[][] out = new byte[COUNT][];
    for (int i = 0; i < COUNT; i++) {
      out[i] = sha256.digest((label + "/" + i).getBytes(StandardCharsets.US_ASCII));
    }
    return out;
  }

  /** Private keys for the benchmarks; SHA-256 outputs are below the curve order n in practice. */
  static byte[][] privateKeys() {
    return digests("tronpay-benchmarks/private-key");
  }

  /** The 32-byte hashes that get signed. */
  static byte[][] hashes() {
    return digests("tronpay-benchmarks/hash");
  }

  /** 21-byte TRON address payloads: the 0x41 prefix and 20 bytes of a digest. */
  static byte[][] addressPayloads() {
    byte[][] digests = digests("tronpay-benchmarks/address");
    byte[][] out = new byte[COUNT][];
    for (int i = 0; i < COUNT; i++) {
      byte[] payload = new byte[21];
      payload[0] = 0x41;
      System.arraycopy(digests[i], 0, payload, 1, 20);
      out[i] = payload;
    }
    return out;
  }
}

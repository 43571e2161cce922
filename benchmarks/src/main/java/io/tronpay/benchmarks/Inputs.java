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

  /** The passphrase of the mnemonic → seed benchmarks: non-empty, so the salt is not the bare prefix. */
  static final String PASSPHRASE = "tronpay-benchmarks passphrase";

  /** How many address indexes the derivation benchmarks rotate through under each account. */
  static final int INDEX_COUNT = 64;

  /** 32-byte mnemonic entropies: each is the entropy of a 24-word BIP39 phrase. */
  static byte[][] mnemonicEntropies() {
    return digests("tronpay-benchmarks/mnemonic-entropy");
  }

  /** 32-byte BIP32 master seeds for the HD derivation benchmarks. */
  static byte[][] hdSeeds() {
    return digests("tronpay-benchmarks/hd-seed");
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

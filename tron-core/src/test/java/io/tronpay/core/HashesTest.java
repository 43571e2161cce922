package io.tronpay.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** Hashes against published digests and web3j. */
class HashesTest {
  @Test
  void sha256_matchesFips180Example() {
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HexFormat.of().formatHex(Hashes.sha256("abc".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void keccak256_ofEmptyInput_isTheKnownConstant() {
    // Keccak-256("") as published with the Keccak reference (not SHA3-256's a7ffc6f8…).
    assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        HexFormat.of().formatHex(Hashes.keccak256(new byte[0])));
  }

  @Test
  void keccak256_matchesWeb3j() {
    Random random = new Random(256);
    for (int i = 0; i < 2_000; i++) {
      byte[] data = new byte[random.nextInt(300)];
      random.nextBytes(data);
      assertArrayEquals(Hash.sha3(data), Hashes.keccak256(data));
      assertArrayEquals(Hash.sha256(Hash.sha256(data)), Hashes.doubleSha256(data));
    }
  }
}

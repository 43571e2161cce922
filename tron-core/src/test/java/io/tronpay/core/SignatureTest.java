package io.tronpay.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/** Signatures checked differentially against web3j-crypto, an independent implementation. */
class SignatureTest {
  private static final BigInteger N = new BigInteger(
      "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  @Test
  void sign_matchesWeb3jByteForByte() {
    Random random = new Random(6979);
    for (int i = 0; i < 2_000; i++) {
      byte[] secret = randomScalar(random);
      byte[] hash = new byte[32];
      random.nextBytes(hash);

      Sign.SignatureData expected =
          Sign.signMessage(hash, ECKeyPair.create(new BigInteger(1, secret)), false);
      Signature actual = PrivateKey.fromBytes(secret).sign(hash);

      assertArrayEquals(expected.getR(), Arrays.copyOfRange(actual.toBytes(), 0, 32));
      assertArrayEquals(expected.getS(), Arrays.copyOfRange(actual.toBytes(), 32, 64));
      assertArrayEquals(expected.getV(), new byte[] {actual.toBytes()[64]});
      assertTrue(actual.isLowS());
    }
  }

  @Test
  void recover_matchesWeb3jAndGivesTheSigner() throws Exception {
    Random random = new Random(4161);
    for (int i = 0; i < 2_000; i++) {
      PrivateKey key = PrivateKey.fromBytes(randomScalar(random));
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      Signature signature = key.sign(hash);

      PublicKey recovered = signature.recoverPublicKey(hash);
      BigInteger web3jKey = Sign.signedMessageHashToKey(hash, new Sign.SignatureData(
          signature.toBytes()[64], Arrays.copyOfRange(signature.toBytes(), 0, 32),
          Arrays.copyOfRange(signature.toBytes(), 32, 64)));

      assertEquals(key.publicKey(), recovered);
      assertEquals(web3jKey, new BigInteger(1, Arrays.copyOfRange(recovered.toUncompressed(), 1, 65)));
      assertTrue(signature.verify(hash, key.publicKey()));
      assertTrue(signature.verify(hash, key.address()));
    }
  }

  @Test
  void highS_isAcceptedByVerifyAndRecovery() {
    PrivateKey key = PrivateKey.fromBytes(Hashes.sha256(new byte[] {1}));
    byte[] hash = Hashes.sha256(new byte[] {2});
    Signature low = key.sign(hash);
    // (r, n - s) with the other recovery parity is the same signature in its high-S form.
    Signature high = Signature.of(low.r(), N.subtract(low.s()), low.recoveryId() ^ 1);

    assertFalse(high.isLowS());
    assertTrue(high.verify(hash, key.publicKey()));
    assertEquals(key.address(), high.recoverAddress(hash));
  }

  @Test
  void fromBytes_readsVAsZeroOneOrTwentySevenTwentyEight_andWritesItBack() {
    PrivateKey key = PrivateKey.fromBytes(Hashes.sha256(new byte[] {3}));
    byte[] hash = Hashes.sha256(new byte[] {4});
    byte[] ethereumStyle = key.sign(hash).toBytes();
    byte[] zeroOne = ethereumStyle.clone();
    zeroOne[64] -= 27;

    assertTrue(ethereumStyle[64] == 27 || ethereumStyle[64] == 28, "we write v as 27/28");
    Signature a = Signature.fromBytes(ethereumStyle);
    Signature b = Signature.fromBytes(zeroOne);
    assertEquals(a.recoveryId(), b.recoveryId());
    assertEquals(key.address(), b.recoverAddress(hash));
    assertArrayEquals(zeroOne, b.toBytes());
    assertArrayEquals(ethereumStyle, a.toBytes());
  }

  @Test
  void fromBytes_badInput_namesTheFault() {
    assertEquals("signature must be 65 bytes, got 64",
        assertThrows(SignatureFormatException.class, () -> Signature.fromBytes(new byte[64]))
            .getMessage());
    byte[] badV = new byte[65];
    badV[31] = 1;
    badV[63] = 1;
    badV[64] = 5;
    assertEquals("signature v is 5, expected 0/1 or 27/28",
        assertThrows(SignatureFormatException.class, () -> Signature.fromBytes(badV)).getMessage());
    byte[] zeroR = new byte[65];
    zeroR[63] = 1;
    assertEquals("signature r is outside [1, n-1]",
        assertThrows(SignatureFormatException.class, () -> Signature.fromBytes(zeroR)).getMessage());
  }

  @Test
  void walletCoreSigningVector_matches() {
    // Trust Wallet Core TronSignerTests "SignTransferAsset": the key signs txID 546a3d07….
    PrivateKey key = PrivateKey.fromHex(
        "2d8f68944bdbfbc0769542fba8fc2d2a3de67393334471624364c7006da2aa54");
    byte[] txId = HexFormat.of().parseHex(
        "546a3d07164c624809cf4e564a083a7a7974bb3c4eff6bb3e278b0ca21083fcb");

    Signature signature = key.sign(txId);

    // wallet-core writes v as 0/1; we write 27/28, so compare r, s and the recovery id.
    String expected = "77f5eabde31e739d34a66914540f1756981dc7d782c9656f5e14e53b59a15371"
        + "603a183aa12124adeee7991bf55acc8e488a6ca04fb393b1a8ac16610eeafdfc00";
    assertEquals(expected.substring(0, 128), signature.toHex().substring(0, 128));
    assertEquals(Integer.parseInt(expected.substring(128), 16), signature.recoveryId());
  }

  static byte[] randomScalar(Random random) {
    byte[] secret = new byte[32];
    do {
      random.nextBytes(secret);
    } while (new BigInteger(1, secret).signum() == 0 || new BigInteger(1, secret).compareTo(N) >= 0);
    return secret;
  }
}

package io.tronpay.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tronpay.core.Address;
import io.tronpay.core.Base58Check;
import io.tronpay.core.Hashes;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.PublicKey;
import io.tronpay.core.Signature;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SignatureException;
import java.util.Arrays;
import org.bitcoinj.base.Base58;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A ratio only means something if both sides compute the same thing. These tests check, on the
 * exact benchmark inputs, that tron-core and each baseline produce identical results.
 */
class BaselineEquivalenceTest {
  private static final int TRON_PREFIX = 0x41;

  @Test
  void sign_everyBenchmarkInput_matchesWeb3jBytes() {
    byte[][] secrets = Inputs.privateKeys();
    byte[][] hashes = Inputs.hashes();
    for (int i = 0; i < Inputs.COUNT; i++) {
      Sign.SignatureData expected =
          Sign.signMessage(hashes[i], ECKeyPair.create(new BigInteger(1, secrets[i])), false);
      Signature actual = PrivateKey.fromBytes(secrets[i]).sign(hashes[i]);
      assertArrayEquals(concat(expected.getR(), expected.getS(), expected.getV()),
          actual.toBytes(), "input " + i);
    }
  }

  @Test
  void recoverPublicKey_everyBenchmarkInput_matchesWeb3j() throws SignatureException {
    byte[][] secrets = Inputs.privateKeys();
    byte[][] hashes = Inputs.hashes();
    for (int i = 0; i < Inputs.COUNT; i++) {
      Sign.SignatureData web3jSignature =
          Sign.signMessage(hashes[i], ECKeyPair.create(new BigInteger(1, secrets[i])), false);
      BigInteger expected = Sign.signedMessageHashToKey(hashes[i], web3jSignature);
      Signature coreSignature = Signature.fromBytes(concat(
          web3jSignature.getR(), web3jSignature.getS(), web3jSignature.getV()));
      PublicKey actual = coreSignature.recoverPublicKey(hashes[i]);
      assertEquals(expected, new BigInteger(1, withoutTag(actual.toUncompressed())), "input " + i);
    }
  }

  @Test
  void base58CheckEncode_everyBenchmarkPayload_matchesBitcoinj() {
    for (byte[] payload : Inputs.addressPayloads()) {
      String expected =
          Base58.encodeChecked(TRON_PREFIX, Arrays.copyOfRange(payload, 1, payload.length));
      assertEquals(expected, Base58Check.encode(payload));
    }
  }

  @Test
  void base58CheckDecode_everyBenchmarkPayload_matchesBitcoinj() {
    for (byte[] payload : Inputs.addressPayloads()) {
      String text =
          Base58.encodeChecked(TRON_PREFIX, Arrays.copyOfRange(payload, 1, payload.length));
      assertArrayEquals(Base58.decodeChecked(text), Base58Check.decode(text));
    }
  }

  @Test
  void addressFromPublicKey_everyBenchmarkKey_matchesWeb3jAndBitcoinj() {
    for (byte[] secret : Inputs.privateKeys()) {
      ECKeyPair web3jKey = ECKeyPair.create(new BigInteger(1, secret));
      byte[] rawPublicKey = Numeric.toBytesPadded(web3jKey.getPublicKey(), 64);
      String expected = Base58.encodeChecked(TRON_PREFIX, Keys.getAddress(rawPublicKey));
      PublicKey publicKey = PrivateKey.fromBytes(secret).publicKey();
      assertEquals(expected, Address.fromPublicKey(publicKey).toBase58());
    }
  }

  @Test
  void doubleSha256_everyBenchmarkPayload_matchesJdkMessageDigest() throws Exception {
    for (byte[] payload : Inputs.addressPayloads()) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] expected = sha256.digest(sha256.digest(payload));
      assertArrayEquals(expected, Hashes.doubleSha256(payload));
    }
  }

  @Test
  void inputs_areDistinct_soNoCacheSeesOneValue() {
    byte[][][] sets = {Inputs.privateKeys(), Inputs.hashes(), Inputs.addressPayloads()};
    for (byte[][] set : sets) {
      long distinct = Arrays.stream(set).map(BigInteger::new).distinct().count();
      assertEquals(Inputs.COUNT, distinct);
    }
  }

  private static byte[] withoutTag(byte[] uncompressed) {
    return Arrays.copyOfRange(uncompressed, 1, uncompressed.length);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }
}

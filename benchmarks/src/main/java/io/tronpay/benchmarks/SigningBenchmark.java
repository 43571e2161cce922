package io.tronpay.benchmarks;

import io.tronpay.core.PrivateKey;
import io.tronpay.core.Signature;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * Recoverable secp256k1 signing and public-key recovery: tron-core against web3j.
 *
 * <p>Both sides sign the same 32-byte hashes with the same keys and produce the same bytes
 * (RFC 6979 nonces, low S, a recovery id), which the module's tests check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SigningBenchmark {
  private static final int MASK = Inputs.COUNT - 1;

  private byte[][] hashes;
  private PrivateKey[] coreKeys;
  private ECKeyPair[] web3jKeys;
  private Signature[] coreSignatures;
  private Sign.SignatureData[] web3jSignatures;
  private int next;

  /** Builds the keys and the signatures to recover from, outside the measured code. */
  @Setup
  public void setUp() {
    byte[][] secrets = Inputs.privateKeys();
    hashes = Inputs.hashes();
    coreKeys = new PrivateKey[Inputs.COUNT];
    web3jKeys = new ECKeyPair[Inputs.COUNT];
    coreSignatures = new Signature[Inputs.COUNT];
    web3jSignatures = new Sign.SignatureData[Inputs.COUNT];
    for (int i = 0; i < Inputs.COUNT; i++) {
      coreKeys[i] = PrivateKey.fromBytes(secrets[i]);
      web3jKeys[i] = ECKeyPair.create(new BigInteger(1, secrets[i]));
      coreSignatures[i] = coreKeys[i].sign(hashes[i]);
      web3jSignatures[i] = Sign.signMessage(hashes[i], web3jKeys[i], false);
    }
  }

  /** tron-core: {@code PrivateKey.sign(hash32)}. */
  @Benchmark
  public void signCore(Blackhole blackhole) {
    int i = next++ & MASK;
    blackhole.consume(coreKeys[i].sign(hashes[i]));
  }

  /** web3j: {@code Sign.signMessage(hash, keyPair, false)}. */
  @Benchmark
  public void signWeb3j(Blackhole blackhole) {
    int i = next++ & MASK;
    blackhole.consume(Sign.signMessage(hashes[i], web3jKeys[i], false));
  }

  /** tron-core: {@code Signature.recoverPublicKey(hash32)}. */
  @Benchmark
  public void recoverCore(Blackhole blackhole) {
    int i = next++ & MASK;
    blackhole.consume(coreSignatures[i].recoverPublicKey(hashes[i]));
  }

  /** web3j: {@code Sign.signedMessageHashToKey(hash, signature)}. */
  @Benchmark
  public void recoverWeb3j(Blackhole blackhole) throws SignatureException {
    int i = next++ & MASK;
    blackhole.consume(Sign.signedMessageHashToKey(hashes[i], web3jSignatures[i]));
  }

  /** tron-core: {@code Signature.verify(hash32, publicKey)}, for information. */
  @Benchmark
  public void verifyCore(Blackhole blackhole) {
    int i = next++ & MASK;
    blackhole.consume(coreSignatures[i].verify(hashes[i], coreKeys[i].publicKey()));
  }
}

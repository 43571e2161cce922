package io.tronpay.benchmarks;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.PublicKey;
import java.util.Arrays;
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
import org.web3j.crypto.Keys;

/**
 * A public key to its {@code T…} address (Keccak-256, then Base58Check): tron-core against web3j's
 * {@code Keys.getAddress} followed by bitcoinj's Base58Check. For information; there is no
 * target.
 *
 * <p>The core side calls {@link Address#fromPublicKey} rather than {@link PublicKey#address()},
 * because the latter caches its result and would measure a field read.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AddressBenchmark {
  private static final int MASK = Inputs.COUNT - 1;
  private static final int TRON_PREFIX = 0x41;

  private PublicKey[] publicKeys;
  private byte[][] rawPublicKeys;
  private int next;

  /** Derives the public keys once; web3j wants the 64-byte X‖Y form without the 04 tag. */
  @Setup
  public void setUp() {
    byte[][] secrets = Inputs.privateKeys();
    publicKeys = new PublicKey[Inputs.COUNT];
    rawPublicKeys = new byte[Inputs.COUNT][];
    for (int i = 0; i < Inputs.COUNT; i++) {
      PrivateKey key = PrivateKey.fromBytes(secrets[i]);
      publicKeys[i] = key.publicKey();
      byte[] uncompressed = publicKeys[i].toUncompressed();
      rawPublicKeys[i] = Arrays.copyOfRange(uncompressed, 1, uncompressed.length);
      key.destroy();
    }
  }

  /** tron-core: {@code Address.fromPublicKey(publicKey).toBase58()}. */
  @Benchmark
  public void addressCore(Blackhole blackhole) {
    blackhole.consume(Address.fromPublicKey(publicKeys[next++ & MASK]).toBase58());
  }

  /** web3j {@code Keys.getAddress(byte[])}, then bitcoinj {@code Base58.encodeChecked(0x41, …)}. */
  @Benchmark
  public void addressWeb3jBitcoinj(Blackhole blackhole) {
    byte[] accountId = Keys.getAddress(rawPublicKeys[next++ & MASK]);
    blackhole.consume(org.bitcoinj.base.Base58.encodeChecked(TRON_PREFIX, accountId));
  }
}

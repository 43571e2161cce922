package io.tronpay.benchmarks;

import io.tronpay.core.Hashes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

/**
 * The Base58Check checksum on its own: tron-core's {@code Hashes.doubleSha256} against the JDK's
 * {@code MessageDigest}, which HotSpot compiles to the CPU's SHA instructions where they exist and
 * which bitcoinj uses. tron-core first used BouncyCastle's pure-Java SHA-256, which this pair showed
 * to be about 4× slower; it now calls the JDK too, so the pair checks that the gap stays closed. A
 * diagnostic for the Base58Check ratio; there is no target.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HashBenchmark {
  private static final int MASK = Inputs.COUNT - 1;

  private byte[][] payloads;
  private int next;

  /** Uses the 21-byte address payloads, the input Base58Check hashes for a TRON address. */
  @Setup
  public void setUp() {
    payloads = Inputs.addressPayloads();
  }

  /** tron-core: {@code Hashes.doubleSha256(payload21)}. */
  @Benchmark
  public void doubleSha256Core(Blackhole blackhole) {
    blackhole.consume(Hashes.doubleSha256(payloads[next++ & MASK]));
  }

  /** The JDK: a fresh {@code MessageDigest} per call, applied twice, as bitcoinj does it. */
  @Benchmark
  public void doubleSha256Jdk(Blackhole blackhole) throws NoSuchAlgorithmException {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] once = sha256.digest(payloads[next++ & MASK]);
    blackhole.consume(sha256.digest(once));
  }
}

package io.tronpay.benchmarks;

import io.tronpay.core.Base58Check;
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

/**
 * Base58Check of a 21-byte TRON address payload ({@code 0x41} and the account id): tron-core
 * against bitcoinj.
 *
 * <p>bitcoinj takes the prefix as a separate version byte, so it is handed the 20-byte account id
 * with version {@code 0x41}; both produce the same {@code T…} string, as the tests check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Base58CheckBenchmark {
  private static final int MASK = Inputs.COUNT - 1;
  private static final int TRON_PREFIX = 0x41;

  private byte[][] payloads;
  private byte[][] accountIds;
  private String[] encoded;
  private int next;

  /** Prepares the payloads, and their encodings for the decode benchmarks. */
  @Setup
  public void setUp() {
    payloads = Inputs.addressPayloads();
    accountIds = new byte[Inputs.COUNT][];
    encoded = new String[Inputs.COUNT];
    for (int i = 0; i < Inputs.COUNT; i++) {
      accountIds[i] = Arrays.copyOfRange(payloads[i], 1, payloads[i].length);
      encoded[i] = org.bitcoinj.base.Base58.encodeChecked(TRON_PREFIX, accountIds[i]);
    }
  }

  /** tron-core: {@code Base58Check.encode(payload21)}. */
  @Benchmark
  public void encodeCore(Blackhole blackhole) {
    blackhole.consume(Base58Check.encode(payloads[next++ & MASK]));
  }

  /** bitcoinj: {@code Base58.encodeChecked(0x41, accountId20)}. */
  @Benchmark
  public void encodeBitcoinj(Blackhole blackhole) {
    blackhole.consume(org.bitcoinj.base.Base58.encodeChecked(TRON_PREFIX, accountIds[next++ & MASK]));
  }

  /** tron-core: {@code Base58Check.decode(text)}, checksum verified. */
  @Benchmark
  public void decodeCore(Blackhole blackhole) {
    blackhole.consume(Base58Check.decode(encoded[next++ & MASK]));
  }

  /** bitcoinj: {@code Base58.decodeChecked(text)}, checksum verified. */
  @Benchmark
  public void decodeBitcoinj(Blackhole blackhole) {
    blackhole.consume(org.bitcoinj.base.Base58.decodeChecked(encoded[next++ & MASK]));
  }
}

package io.tronpay.benchmarks;

import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.WatchOnlyAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.MnemonicCode;
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
import org.web3j.crypto.Hash;

/**
 * tron-wallet against bitcoinj (with web3j's Keccak), as a TRON developer on bitcoinj would write
 * it: watch-only address derivation from an account {@code xpub}, and BIP39 mnemonic to seed.
 *
 * <p>Derivation: {@link WatchOnlyAccount} keeps the change-level node ({@code …/0}) of each
 * instance and nothing per index, so the held-account pair gives bitcoinj the same head start: its
 * change key is derived once in setup, and each call derives one fresh child on both sides. The
 * calls rotate over {@link Inputs#COUNT} accounts times {@link Inputs#INDEX_COUNT} indexes. Both
 * sides end with the {@code T…} string, so both pay the Base58Check. The cold pair parses the
 * {@code xpub} on every call as well, for a caller that does not keep the account.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WalletBenchmark {
  private static final int MASK = Inputs.COUNT - 1;
  private static final int INDEX_MASK = Inputs.INDEX_COUNT - 1;
  private static final int TRON_PREFIX = 0x41;

  private String[] xpubs;
  private WatchOnlyAccount[] coreAccounts;
  private DeterministicKey[] bitcoinjReceivingChains;
  private Mnemonic[] coreMnemonics;
  private List<List<String>> bitcoinjMnemonics;
  private int next;

  /**
   * Parses the accounts on both sides and asks each for one address, so that tron-wallet's
   * change-level node and its generator table exist before the first measured call, as bitcoinj's
   * receiving-chain key does; builds the same mnemonics on both sides.
   */
  @Setup
  public void setUp() {
    xpubs = accountXpubs();
    coreAccounts = new WatchOnlyAccount[Inputs.COUNT];
    bitcoinjReceivingChains = new DeterministicKey[Inputs.COUNT];
    for (int i = 0; i < Inputs.COUNT; i++) {
      coreAccounts[i] = WatchOnlyAccount.fromXpub(xpubs[i]);
      coreAccounts[i].address(0);
      bitcoinjReceivingChains[i] = HDKeyDerivation.deriveChildKey(
          DeterministicKey.deserializeB58(xpubs[i], BitcoinNetwork.MAINNET), 0);
    }
    byte[][] entropies = Inputs.mnemonicEntropies();
    coreMnemonics = new Mnemonic[Inputs.COUNT];
    List<List<String>> phrases = new ArrayList<>(Inputs.COUNT);
    for (int i = 0; i < Inputs.COUNT; i++) {
      coreMnemonics[i] = Mnemonic.fromEntropy(entropies[i]);
      phrases.add(MnemonicCode.INSTANCE.toMnemonic(entropies[i]));
    }
    bitcoinjMnemonics = List.copyOf(phrases);
  }

  /** tron-wallet, account held: {@code account.address(index).toBase58()}. */
  @Benchmark
  public void deriveAddressCore(Blackhole blackhole) {
    int n = next++;
    blackhole.consume(coreAccounts[n & MASK].address((n >>> 4) & INDEX_MASK).toBase58());
  }

  /**
   * bitcoinj, receiving-chain key held: {@code HDKeyDerivation.deriveChildKey(chain, index)}, then
   * Keccak-256 of the uncompressed point and Base58Check with {@code 0x41}.
   */
  @Benchmark
  public void deriveAddressBitcoinj(Blackhole blackhole) {
    int n = next++;
    DeterministicKey child =
        HDKeyDerivation.deriveChildKey(bitcoinjReceivingChains[n & MASK], (n >>> 4) & INDEX_MASK);
    blackhole.consume(tronAddress(child));
  }

  /** tron-wallet, cold: {@code WatchOnlyAccount.fromXpub(xpub).address(index).toBase58()}. */
  @Benchmark
  public void xpubToAddressCore(Blackhole blackhole) {
    int n = next++;
    blackhole.consume(
        WatchOnlyAccount.fromXpub(xpubs[n & MASK]).address((n >>> 4) & INDEX_MASK).toBase58());
  }

  /** bitcoinj, cold: {@code deserializeB58}, the receiving chain, the child, the address. */
  @Benchmark
  public void xpubToAddressBitcoinj(Blackhole blackhole) {
    int n = next++;
    DeterministicKey account = DeterministicKey.deserializeB58(xpubs[n & MASK],
        BitcoinNetwork.MAINNET);
    DeterministicKey child = HDKeyDerivation.deriveChildKey(
        HDKeyDerivation.deriveChildKey(account, 0), (n >>> 4) & INDEX_MASK);
    blackhole.consume(tronAddress(child));
  }

  /** tron-wallet: {@code mnemonic.toSeed(passphrase)}, 24 words. */
  @Benchmark
  public void toSeedCore(Blackhole blackhole) {
    blackhole.consume(coreMnemonics[next++ & MASK].toSeed(Inputs.PASSPHRASE));
  }

  /** bitcoinj: {@code MnemonicCode.toSeed(words, passphrase)}, the same 24 words. */
  @Benchmark
  public void toSeedBitcoinj(Blackhole blackhole) {
    blackhole.consume(MnemonicCode.toSeed(bitcoinjMnemonics.get(next++ & MASK), Inputs.PASSPHRASE));
  }

  /** The {@code T…} address of a bitcoinj key, from bitcoinj and web3j primitives. */
  static String tronAddress(DeterministicKey key) {
    byte[] uncompressed = key.getPubKeyPoint().getEncoded(false);
    byte[] hash = Hash.sha3(uncompressed, 1, 64);
    byte[] accountId = new byte[20];
    System.arraycopy(hash, 12, accountId, 0, 20);
    return org.bitcoinj.base.Base58.encodeChecked(TRON_PREFIX, accountId);
  }

  /**
   * The {@code xpub} of {@code m/44'/195'/0'} for each of {@link Inputs#hdSeeds()}, made by
   * bitcoinj; the module's tests check that tron-wallet derives the same strings.
   */
  static String[] accountXpubs() {
    byte[][] seeds = Inputs.hdSeeds();
    String[] out = new String[Inputs.COUNT];
    for (int i = 0; i < Inputs.COUNT; i++) {
      DeterministicKey key = HDKeyDerivation.createMasterPrivateKey(seeds[i]);
      for (ChildNumber step : List.of(new ChildNumber(44, true), new ChildNumber(195, true),
          new ChildNumber(0, true))) {
        key = HDKeyDerivation.deriveChildKey(key, step);
      }
      out[i] = key.serializePubB58(BitcoinNetwork.MAINNET);
    }
    return out;
  }
}

package io.tronpay.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tronpay.wallet.HdKey;
import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.Seed;
import io.tronpay.wallet.WatchOnlyAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.MnemonicCode;
import org.junit.jupiter.api.Test;

/**
 * {@link WalletBenchmark}'s pairs must compute the same thing: the same {@code T…} address for
 * every account and index the benchmark rotates through, and the same seed bytes for every
 * mnemonic. The tronweb rows check both sides against an outside implementation as well.
 */
class WalletEquivalenceTest {

  @Test
  void accountXpub_everyBenchmarkSeed_matchesTronWalletDerivation() {
    String[] expected = WalletBenchmark.accountXpubs();
    byte[][] seeds = Inputs.hdSeeds();
    for (int i = 0; i < Inputs.COUNT; i++) {
      HdKey account = HdKey.master(Seed.fromBytes(seeds[i])).derive("m/44'/195'/0'");
      assertEquals(expected[i], account.neuter().toXpub(), "seed " + i);
      account.destroy();
    }
  }

  @Test
  void deriveAddress_everyBenchmarkAccountAndIndex_matchesBitcoinj() {
    String[] xpubs = WalletBenchmark.accountXpubs();
    for (int i = 0; i < Inputs.COUNT; i++) {
      WatchOnlyAccount account = WatchOnlyAccount.fromXpub(xpubs[i]);
      DeterministicKey receiving = HDKeyDerivation.deriveChildKey(
          DeterministicKey.deserializeB58(xpubs[i], BitcoinNetwork.MAINNET), 0);
      for (int index = 0; index < Inputs.INDEX_COUNT; index++) {
        String expected =
            WalletBenchmark.tronAddress(HDKeyDerivation.deriveChildKey(receiving, index));
        assertEquals(expected, account.address(index).toBase58(), "account " + i + " index " + index);
      }
    }
  }

  @Test
  void xpubToAddress_freshAccountPerCall_matchesHeldAccount() {
    String[] xpubs = WalletBenchmark.accountXpubs();
    for (int i = 0; i < Inputs.COUNT; i++) {
      WatchOnlyAccount held = WatchOnlyAccount.fromXpub(xpubs[i]);
      for (int index = 0; index < Inputs.INDEX_COUNT; index += 7) {
        assertEquals(held.address(index), WatchOnlyAccount.fromXpub(xpubs[i]).address(index));
      }
    }
  }

  @Test
  void toSeed_everyBenchmarkMnemonic_matchesBitcoinjSeedBytes() {
    byte[][] entropies = Inputs.mnemonicEntropies();
    for (int i = 0; i < Inputs.COUNT; i++) {
      List<String> words = MnemonicCode.INSTANCE.toMnemonic(entropies[i]);
      Mnemonic mnemonic = Mnemonic.fromEntropy(entropies[i]);
      assertEquals(String.join(" ", words), mnemonic.revealPhrase(), "entropy " + i);
      byte[] expected = MnemonicCode.toSeed(words, Inputs.PASSPHRASE);
      Seed seed = mnemonic.toSeed(Inputs.PASSPHRASE);
      assertArrayEquals(expected, seed.revealSecretBytes(), "entropy " + i);
      seed.destroy();
      mnemonic.destroy();
    }
  }

  @Test
  void toSeed_tronwebVectors_bothSidesMatchTronweb() throws IOException {
    for (String[] row : tronwebRows()) {
      byte[] expected = HexFormat.of().parseHex(row[2]);
      List<String> words = Arrays.asList(row[0].split(" "));
      assertArrayEquals(expected, MnemonicCode.toSeed(words, row[1]), "bitcoinj, " + row[0]);
      Mnemonic mnemonic = Mnemonic.parse(row[0]);
      Seed seed = mnemonic.toSeed(row[1]);
      assertArrayEquals(expected, seed.revealSecretBytes(), "tron-wallet, " + row[0]);
      seed.destroy();
      mnemonic.destroy();
    }
  }

  @Test
  void deriveAddress_tronwebVectors_bothSidesMatchTronweb() throws IOException {
    for (String[] row : tronwebRows()) {
      String xpub = row[3];
      String[] changeAndIndex = row[4].split("/");
      int change = Integer.parseInt(changeAndIndex[0]);
      int index = Integer.parseInt(changeAndIndex[1]);
      String expected = row[5];
      DeterministicKey chain = HDKeyDerivation.deriveChildKey(
          DeterministicKey.deserializeB58(xpub, BitcoinNetwork.MAINNET), change);
      assertEquals(expected,
          WalletBenchmark.tronAddress(HDKeyDerivation.deriveChildKey(chain, index)),
          "bitcoinj, " + row[4]);
      assertEquals(expected,
          WatchOnlyAccount.fromXpub(xpub).address(change, index).toBase58(),
          "tron-wallet, " + row[4]);
    }
  }

  @Test
  void walletInputs_areDistinct_soNoCacheSeesOneValue() {
    byte[][][] sets = {Inputs.mnemonicEntropies(), Inputs.hdSeeds()};
    for (byte[][] set : sets) {
      long distinct = Arrays.stream(set).map(BigInteger::new).distinct().count();
      assertEquals(Inputs.COUNT, distinct);
    }
    assertEquals(Inputs.COUNT,
        Arrays.stream(WalletBenchmark.accountXpubs()).distinct().count());
  }

  private static List<String[]> tronwebRows() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = WalletEquivalenceTest.class.getResourceAsStream(
        "/vectors/tronweb-hd.tsv")) {
      assertNotNull(in, "vectors/tronweb-hd.tsv is missing from the test classpath");
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.startsWith("#") && !line.isBlank()) {
          rows.add(line.split("\t", -1));
        }
      }
    }
    assertFalse(rows.isEmpty(), "no tronweb rows");
    return rows;
  }
}

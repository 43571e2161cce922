package io.tronpay.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.MnemonicCode;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.MnemonicUtils;

/** This module against bitcoinj-core and web3j-crypto, on inputs from a fixed-seed PRNG. */
class DifferentialTest {
  private static final int CASES = 25;

  private static byte[] entropy(Random random, int index) {
    byte[] entropy = new byte[16 + 4 * (index % 5)];
    random.nextBytes(entropy);
    return entropy;
  }

  /** The TRON address of a bitcoinj key: Keccak (web3j) of X||Y, Base58Check (bitcoinj), 0x41. */
  private static String tronAddress(DeterministicKey key) {
    byte[] uncompressed = key.getPubKeyPoint().getEncoded(false);
    byte[] hash = Hash.sha3(Arrays.copyOfRange(uncompressed, 1, 65));
    return Base58.encodeChecked(0x41, Arrays.copyOfRange(hash, 12, 32));
  }

  @Test
  void mnemonicAndSeed_matchBitcoinjMnemonicCode() throws Exception {
    Random random = new Random(195);
    for (int i = 0; i < CASES; i++) {
      byte[] entropy = entropy(random, i);
      List<String> words = MnemonicCode.INSTANCE.toMnemonic(entropy);
      Mnemonic mnemonic = Mnemonic.fromEntropy(entropy);
      assertEquals(String.join(" ", words), mnemonic.revealPhrase());
      String passphrase = i % 2 == 0 ? "" : "pass " + i;
      assertEquals(Vectors.hex(MnemonicCode.toSeed(words, passphrase)),
          Vectors.hex(mnemonic.toSeed(passphrase).revealSecretBytes()));
    }
  }

  @Test
  void mnemonicAndSeed_matchWeb3jMnemonicUtils() {
    Random random = new Random(44);
    for (int i = 0; i < CASES; i++) {
      byte[] entropy = entropy(random, i);
      String phrase = MnemonicUtils.generateMnemonic(entropy);
      Mnemonic mnemonic = Mnemonic.parse(phrase);
      assertEquals(phrase, mnemonic.revealPhrase());
      assertEquals(Vectors.hex(MnemonicUtils.generateSeed(phrase, "TREZOR")),
          Vectors.hex(mnemonic.toSeed("TREZOR").revealSecretBytes()));
    }
  }

  @Test
  void hdDerivation_matchesBitcoinjKeysXpubsAndAddresses() {
    Random random = new Random(2147483647);
    for (int i = 0; i < CASES; i++) {
      byte[] seedBytes = new byte[64];
      random.nextBytes(seedBytes);
      int account = random.nextInt(5);
      int change = random.nextInt(2);
      int index = i == 0 ? Integer.MAX_VALUE : random.nextInt(Integer.MAX_VALUE);

      DeterministicKey theirs = HDKeyDerivation.createMasterPrivateKey(seedBytes);
      for (ChildNumber step : List.of(new ChildNumber(44, true), new ChildNumber(195, true),
          new ChildNumber(account, true))) {
        theirs = HDKeyDerivation.deriveChildKey(theirs, step);
      }
      HdKey ours = HdKey.master(Seed.fromBytes(seedBytes)).derive(HdPath.parse("m/44'/195'/" + account + "'"));
      assertEquals(theirs.serializePrivB58(BitcoinNetwork.MAINNET), ours.revealXprv());
      assertEquals(theirs.serializePubB58(BitcoinNetwork.MAINNET), ours.toXpub());

      DeterministicKey theirsPublic = DeterministicKey.deserializeB58(
          theirs.serializePubB58(BitcoinNetwork.MAINNET), BitcoinNetwork.MAINNET);
      DeterministicKey theirLeaf = HDKeyDerivation.deriveChildKey(
          HDKeyDerivation.deriveChildKey(theirsPublic, new ChildNumber(change, false)),
          new ChildNumber(index, false));
      WatchOnlyAccount watch = WatchOnlyAccount.fromXpub(ours.toXpub());
      assertEquals(tronAddress(theirLeaf), watch.address(change, index).toBase58());
      assertEquals(theirLeaf.serializePubB58(BitcoinNetwork.MAINNET),
          ours.derive(change + "/" + index).toXpub());
    }
  }

  @Test
  void watchOnlyRange_matchesBitcoinjChildByChild() {
    DeterministicKey account = HDKeyDerivation.createMasterPrivateKey(new byte[32]);
    for (int step : new int[] {44, 195, 0}) {
      account = HDKeyDerivation.deriveChildKey(account, new ChildNumber(step, true));
    }
    DeterministicKey receiving = HDKeyDerivation.deriveChildKey(account, new ChildNumber(0, false));
    WatchOnlyAccount watch = WatchOnlyAccount.fromXpub(account.serializePubB58(BitcoinNetwork.MAINNET));
    List<io.tronpay.core.Address> ours = watch.addresses(1000, 600);
    for (int k = 0; k < 600; k++) {
      DeterministicKey child = HDKeyDerivation.deriveChildKey(receiving, new ChildNumber(1000 + k, false));
      assertEquals(tronAddress(child), ours.get(k).toBase58());
    }
  }

  @Test
  void hdDerivation_matchesWeb3jBip32ECKeyPair() {
    Random random = new Random(7);
    for (int i = 0; i < CASES; i++) {
      byte[] seedBytes = new byte[64];
      random.nextBytes(seedBytes);
      int index = random.nextInt(Integer.MAX_VALUE);
      int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 195 | Bip32ECKeyPair.HARDENED_BIT,
          Bip32ECKeyPair.HARDENED_BIT, 0, index};
      Bip32ECKeyPair theirs = Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(seedBytes), path);
      HdKey ours = HdKey.master(Seed.fromBytes(seedBytes)).derive(HdPath.tron(0, 0, index));
      assertEquals(theirs.getPrivateKey(), new BigInteger(1, ours.privateKey().revealSecretBytes()));
      assertEquals("0x" + org.web3j.crypto.Keys.getAddress(theirs.getPublicKey()),
          ours.address().toEvmHex());
    }
  }
}

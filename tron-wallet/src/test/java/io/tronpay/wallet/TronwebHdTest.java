package io.tronpay.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tronweb 6.5.1 / ethers 6.17.0 vectors from tools/vectors/generate-wallet.mjs. */
class TronwebHdTest {
  private static final Map<String, Object> VECTORS = Vectors.object("/vectors/tronweb/hd.json");

  private static List<Object> cases() {
    return Vectors.list(VECTORS.get("cases"));
  }

  @Test
  void everyCase_mnemonicAndSeed_matchEthers() {
    for (Object c : cases()) {
      Map<String, Object> vector = Vectors.map(c);
      Mnemonic mnemonic = Mnemonic.fromEntropy(Vectors.hex(vector.get("entropy")));
      assertEquals(vector.get("mnemonic"), mnemonic.revealPhrase());
      Seed seed = Mnemonic.parse((String) vector.get("mnemonic")).toSeed((String) vector.get("passphrase"));
      assertEquals(vector.get("seed"), Vectors.hex(seed.revealSecretBytes()));
    }
  }

  @Test
  void everyCase_everyPath_matchesTronWebFromMnemonic() {
    int checked = 0;
    for (Object c : cases()) {
      Map<String, Object> vector = Vectors.map(c);
      HdKey master = HdKey.master(Seed.fromBytes(Vectors.hex(vector.get("seed"))));
      for (Object d : Vectors.list(vector.get("derived"))) {
        Map<String, Object> derived = Vectors.map(d);
        HdKey key = master.derive((String) derived.get("path"));
        assertEquals(derived.get("privateKey"), key.privateKey().revealSecretHex());
        assertEquals(derived.get("publicKey"), Vectors.hex(key.publicKey().toUncompressed()));
        assertEquals(derived.get("address"), key.address().toBase58(), (String) derived.get("path"));
        checked++;
      }
    }
    assertEquals(500, checked);
  }

  @Test
  void everyCase_tronAccount_matchesAccountKeysAndAddresses() {
    for (Object c : cases()) {
      Map<String, Object> vector = Vectors.map(c);
      Map<String, Object> account = Vectors.map(vector.get("account"));
      TronAccount tron = TronAccount.fromMnemonic(
          Mnemonic.parse((String) vector.get("mnemonic")), (String) vector.get("passphrase"), 0);
      assertEquals(account.get("xprv"), tron.revealXprv());
      assertEquals(account.get("xpub"), tron.xpub());
      for (Object d : Vectors.list(vector.get("derived"))) {
        Map<String, Object> derived = Vectors.map(d);
        String path = (String) derived.get("path");
        if (!path.startsWith("m/44'/195'/0'/")) {
          continue;
        }
        String[] tail = path.substring("m/44'/195'/0'/".length()).split("/");
        int change = Integer.parseInt(tail[0]);
        int index = Integer.parseInt(tail[1]);
        assertEquals(path, tron.path(change, index));
        assertEquals(derived.get("address"), tron.address(change, index).toBase58());
        assertEquals(derived.get("privateKey"), tron.privateKey(change, index).revealSecretHex());
      }
    }
  }

  @Test
  void everyCase_watchOnlyFromXpub_reproducesTheDerivedAddresses() {
    for (Object c : cases()) {
      Map<String, Object> vector = Vectors.map(c);
      WatchOnlyAccount watch = WatchOnlyAccount.fromXpub(
          (String) Vectors.map(vector.get("account")).get("xpub"));
      for (Object d : Vectors.list(vector.get("derived"))) {
        Map<String, Object> derived = Vectors.map(d);
        String path = (String) derived.get("path");
        if (!path.startsWith("m/44'/195'/0'/")) {
          continue;
        }
        String[] tail = path.substring("m/44'/195'/0'/".length()).split("/");
        int change = Integer.parseInt(tail[0]);
        int index = Integer.parseInt(tail[1]);
        assertEquals(derived.get("address"), watch.address(change, index).toBase58(), path);
        assertEquals(derived.get("address"),
            watch.addresses(change, index, 1).get(0).toBase58(), path);
        assertEquals(path, watch.path(change, index));
      }
    }
  }

  @Test
  void firstCase_defaultPath_isTheFirstReceivingAddress() {
    Map<String, Object> vector = Vectors.map(cases().get(0));
    Map<String, Object> first = Vectors.map(Vectors.list(vector.get("derived")).get(0));
    assertEquals(TronAccount.DEFAULT_PATH, first.get("path"));
    TronAccount tron = TronAccount.fromSeed(Seed.fromBytes(Vectors.hex(vector.get("seed"))), 0);
    assertEquals(first.get("address"), tron.address(0, 0).toBase58());
  }
}

package io.tronpay.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import io.tronpay.core.Signature;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Uses the first case of the tronweb vectors (account 0 xpub, addresses 0/0 and 0/1). */
class WatchOnlyAccountTest {
  private static final Map<String, Object> CASE =
      Vectors.map(Vectors.list(Vectors.object("/vectors/tronweb/hd.json").get("cases")).get(0));
  private static final String XPUB = (String) Vectors.map(CASE.get("account")).get("xpub");
  private static final String XPRV = (String) Vectors.map(CASE.get("account")).get("xprv");

  private static String expectedAddress(int n) {
    return (String) Vectors.map(Vectors.list(CASE.get("derived")).get(n)).get("address");
  }

  @Test
  void stream_yieldsIndexPathAndAddress() {
    List<DerivedAddress> first = WatchOnlyAccount.fromXpub(XPUB).stream(0, 0, 2).collect(Collectors.toList());
    assertEquals(2, first.size());
    assertEquals(new DerivedAddress(0, 0, "m/44'/195'/0'/0/0", Address.fromBase58(expectedAddress(0))),
        first.get(0));
    assertEquals(expectedAddress(1), first.get(1).address().toBase58());
  }

  @Test
  void stream_largeRange_isLazyAndOrdered() {
    WatchOnlyAccount watch = WatchOnlyAccount.fromXpub(XPUB);
    DerivedAddress at = watch.stream(0, 0, 1_000_000).skip(700).findFirst().orElseThrow();
    assertEquals(700, at.index());
    assertEquals(watch.address(700), at.address());
  }

  @Test
  void xprv_isRefusedByWatchOnly() {
    assertThrows(HdKeyFormatException.PrivateKeyNotAccepted.class, () -> WatchOnlyAccount.fromXpub(XPRV));
  }

  @Test
  void range_outsideIndices_isTyped() {
    WatchOnlyAccount watch = WatchOnlyAccount.fromXpub(XPUB);
    assertThrows(HdPathException.class, () -> watch.address(-1));
    assertThrows(HdPathException.class, () -> watch.addresses(Integer.MAX_VALUE, 2));
  }

  @Test
  void gapLimit_findsLastUsedAndFirstUnused() {
    WatchOnlyAccount watch = WatchOnlyAccount.fromXpub(XPUB);
    Set<Address> used = Set.of(watch.address(0), watch.address(1), watch.address(3), watch.address(22));
    GapLimit.Result result = GapLimit.scan(watch, used::contains, 20);
    assertEquals(OptionalInt.of(22), result.lastUsed());
    assertEquals(2, result.firstUnused());
    assertEquals(23, result.nextIndex());
    assertEquals(43, result.scanned());

    GapLimit.Result none = GapLimit.scan(watch, a -> false, 5);
    assertEquals(new GapLimit.Result(OptionalInt.empty(), 0, 0, 5), none);
    assertThrows(GapLimit.GapLimitException.class, () -> GapLimit.scan(watch, a -> false, 0));
  }

  @Test
  void hdSigner_signsAsTheDerivedAddress() {
    TronAccount account = TronAccount.fromAccountKey(HdKey.parse(XPRV));
    HdSigner signer = account.signer(0, 1);
    assertEquals(expectedAddress(1), signer.address().toBase58());
    byte[] hash = Hashes.sha256("payout".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Signature signature = signer.sign(hash);
    assertEquals(expectedAddress(1), signature.recoverAddress(hash).toBase58());
    assertFalse(signer.toString().contains(XPRV));
    signer.destroy();
    assertTrue(signer.isDestroyed());
    account.destroy();
    assertThrows(IllegalStateException.class, account::revealXprv);
    assertEquals("TronAccount[m/44'/195'/0', destroyed]", account.toString());
  }
}

package io.tronpay.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** BIP-0032 test vectors 1 to 5, transcribed in vectors/bip32/bip32-vectors.json. */
class Bip32VectorsTest {
  private static final Map<String, Object> VECTORS =
      Vectors.object("/vectors/bip32/bip32-vectors.json");

  @Test
  void validVectors_derivePrivateChain_matchesXprvAndXpub() {
    int chains = 0;
    for (Object v : Vectors.list(VECTORS.get("valid"))) {
      Map<String, Object> vector = Vectors.map(v);
      HdKey master = HdKey.master(Seed.fromBytes(Vectors.hex(vector.get("seed"))));
      for (Object c : Vectors.list(vector.get("chains"))) {
        Map<String, Object> chain = Vectors.map(c);
        HdKey key = master.derive((String) chain.get("path"));
        assertEquals(chain.get("xprv"), key.revealXprv(), (String) chain.get("path"));
        assertEquals(chain.get("xpub"), key.toXpub(), (String) chain.get("path"));
        chains++;
      }
    }
    assertEquals(17, chains);
  }

  @Test
  void validVectors_parseAndSerialize_roundTrip() {
    for (Object v : Vectors.list(VECTORS.get("valid"))) {
      for (Object c : Vectors.list(Vectors.map(v).get("chains"))) {
        Map<String, Object> chain = Vectors.map(c);
        assertEquals(chain.get("xprv"), HdKey.parse((String) chain.get("xprv")).revealXprv());
        assertEquals(chain.get("xpub"), HdKey.parse((String) chain.get("xpub")).toXpub());
        assertEquals(chain.get("xpub"), HdKey.parse((String) chain.get("xprv")).neuter().toXpub());
      }
    }
  }

  @Test
  void vector1_publicDerivationOfNormalChild_matchesPrivateDerivation() {
    // m/0'/1/2'/2 from the xpub of m/0'/1/2', as published in vector 1.
    HdKey parent = HdKey.parse("xpub6D4BDPcP2GT577Vvch3R8wDkScZWzQzMMUm3PWbmWvVJrZwQY4VUNgqFJPMM3No2dFDFGTsxxpG5uJh7n7epu4trkrX7x7DogT5Uv6fcLW5");
    assertEquals("xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV",
        parent.derive("2").toXpub());
    assertEquals("xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy",
        parent.derive("2/1000000000").toXpub());
  }

  @Test
  void vector5_everyInvalidKey_isRejectedWithTheNamedFault() {
    int checked = 0;
    for (Object i : Vectors.list(VECTORS.get("invalid"))) {
      Map<String, Object> invalid = Vectors.map(i);
      String reason = (String) invalid.get("reason");
      Class<? extends HdKeyFormatException> expected = expectedFault(reason);
      assertThrows(expected, () -> HdKey.parse((String) invalid.get("key")), reason);
      checked++;
    }
    assertEquals(16, checked);
  }

  private static Class<? extends HdKeyFormatException> expectedFault(String reason) {
    if (reason.contains("mismatch") || reason.contains("prefix")) {
      return HdKeyFormatException.WrongKeyPrefix.class;
    }
    if (reason.startsWith("zero depth")) {
      return HdKeyFormatException.InconsistentMasterKey.class;
    }
    if (reason.startsWith("unknown extended key version")) {
      return HdKeyFormatException.UnknownVersion.class;
    }
    if (reason.startsWith("private key")) {
      return HdKeyFormatException.PrivateKeyOutOfRange.class;
    }
    if (reason.startsWith("invalid pubkey")) {
      return HdKeyFormatException.KeyNotOnCurve.class;
    }
    if (reason.equals("invalid checksum")) {
      return HdKeyFormatException.BadChecksum.class;
    }
    throw new AssertionError("unmapped vector 5 reason: " + reason);
  }

  @Test
  void hardenedChildOfPublicKey_isTypedPathError() {
    HdKey xpub = HdKey.parse("xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8");
    assertThrows(HdPathException.class, () -> xpub.derive("0'"));
  }

  @Test
  void parsePath_badSteps_nameTheFault() {
    assertEquals("m/44'/195'/0'/0/5", HdPath.parse("m/44h/195H/0'/0/5").toString());
    assertEquals("0/5", HdPath.parse("0/5").toString());
    HdPathException notNumber = assertThrows(HdPathException.class, () -> HdPath.parse("m/44'/x/0"));
    assertEquals("step 2 \"x\" of path \"m/44'/x/0\" is not an index (digits, optionally followed by ', h or H)",
        notNumber.getMessage());
    assertThrows(HdPathException.class, () -> HdPath.parse("m/2147483648"));
    assertThrows(HdPathException.class, () -> HdPath.parse("m//1"));
    assertThrows(HdPathException.class, () -> HdPath.parse("m/"));
    assertThrows(HdPathException.class, () -> HdPath.parse(""));
    assertThrows(HdPathException.class, () -> HdPath.parse("44'/0"
        + "/-1"));
  }

  @Test
  void privateKey_toString_isRedacted() {
    HdKey master = HdKey.master(Seed.fromBytes(Vectors.hex("000102030405060708090a0b0c0d0e0f")));
    String xprv = master.revealXprv();
    String text = master.toString();
    org.junit.jupiter.api.Assertions.assertTrue(text.endsWith("secret redacted]"), text);
    org.junit.jupiter.api.Assertions.assertFalse(text.contains(xprv.substring(4, 20)), text);
    master.destroy();
    assertThrows(IllegalStateException.class, master::revealXprv);
  }

  @Test
  void fingerprint_ofMaster_isTheParentFingerprintOfItsChild() {
    HdKey master = HdKey.master(Seed.fromBytes(Vectors.hex("000102030405060708090a0b0c0d0e0f")));
    HdKey child = HdKey.parse("xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw");
    assertEquals(child.parentFingerprint(), master.fingerprint());
    assertEquals(1, child.depth());
    assertEquals(0, child.childIndex());
    org.junit.jupiter.api.Assertions.assertTrue(child.isHardened());
  }
}

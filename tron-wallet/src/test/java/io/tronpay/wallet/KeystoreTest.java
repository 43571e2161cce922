package io.tronpay.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tronpay.core.PrivateKey;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeystoreTest {
  private static final String RESOURCE = "/vectors/keystore/keystore-scrypt-n1024.json";
  private static final Keystore.ScryptParams FAST = new Keystore.ScryptParams(1024, 8, 1);

  /** The keystore object exactly as ethers wrote it: the text of the fixture's last member. */
  private static String keystoreJson(String resource) {
    String text = Vectors.text(resource);
    int start = text.indexOf('{', text.indexOf("\"keystore\":"));
    return text.substring(start, text.lastIndexOf('}')).strip();
  }

  private static void assertFixtureDecrypts(String resource) {
    Map<String, Object> fixture = Vectors.object(resource);
    PrivateKey key = Keystore.importKey(keystoreJson(resource),
        ((String) fixture.get("password")).toCharArray());
    assertEquals(fixture.get("privateKey"), key.revealSecretHex());
    assertEquals(fixture.get("address"), key.address().toBase58());
  }

  @Test
  void ethersScrypt_n1024_decryptsToTheFixtureKey() {
    assertFixtureDecrypts("/vectors/keystore/keystore-scrypt-n1024.json");
  }

  @Test
  void ethersScrypt_defaultN_decryptsToTheFixtureKey() {
    assertFixtureDecrypts("/vectors/keystore/keystore-scrypt-default.json");
  }

  @Test
  void ethersScrypt_nonAsciiPassword_decryptsToTheFixtureKey() {
    assertFixtureDecrypts("/vectors/keystore/keystore-scrypt-n4096-unicode.json");
  }

  @Test
  void pbkdf2_decryptsToTheFixtureKey() {
    assertFixtureDecrypts("/vectors/keystore/keystore-pbkdf2.json");
  }

  @Test
  void wrongPassword_isTypedAndReturnsNoKey() {
    Map<String, Object> fixture = Vectors.object(RESOURCE);
    assertThrows(KeystoreException.WrongPassword.class,
        () -> Keystore.importKey(keystoreJson(RESOURCE), "not-the-password".toCharArray()));
  }

  @Test
  void tamperedMac_isRejected() {
    Map<String, Object> fixture = Vectors.object(RESOURCE);
    String json = keystoreJson(RESOURCE);
    String mac = (String) Vectors.map(Vectors.map(fixture.get("keystore")).get("Crypto")).get("mac");
    String flipped = (mac.charAt(0) == '0' ? "1" : "0") + mac.substring(1);
    assertThrows(KeystoreException.WrongPassword.class,
        () -> Keystore.importKey(json.replace(mac, flipped), ((String) fixture.get("password")).toCharArray()));
  }

  @Test
  void tamperedCiphertext_isRejected() {
    Map<String, Object> fixture = Vectors.object(RESOURCE);
    String json = keystoreJson(RESOURCE);
    String ct = (String) Vectors.map(Vectors.map(fixture.get("keystore")).get("Crypto")).get("ciphertext");
    String flipped = ct.substring(0, 10) + (ct.charAt(10) == 'a' ? 'b' : 'a') + ct.substring(11);
    assertThrows(KeystoreException.WrongPassword.class,
        () -> Keystore.importKey(json.replace(ct, flipped), ((String) fixture.get("password")).toCharArray()));
  }

  @Test
  void export_thenImport_roundTrips() {
    PrivateKey key = PrivateKey.generate();
    String json = Keystore.export(key, "pässwörd".toCharArray(), FAST, new SecureRandom());
    assertEquals(key.revealSecretHex(), Keystore.importKey(json, "pässwörd".toCharArray()).revealSecretHex());
  }

  @Test
  void malformedAndUnsupported_areTyped() {
    assertThrows(KeystoreException.Malformed.class, () -> Keystore.importKey("{", new char[0]));
    assertThrows(KeystoreException.Malformed.class,
        () -> Keystore.importKey("{\"version\":3}", new char[0]));
    assertThrows(KeystoreException.Unsupported.class,
        () -> Keystore.importKey("{\"version\":1}", new char[0]));
    Map<String, Object> fixture = Vectors.object(RESOURCE);
    String hostile = keystoreJson(RESOURCE).replace("\"n\": 1024,", "\"n\": 1073741824,");
    assertThrows(KeystoreException.Unsupported.class,
        () -> Keystore.importKey(hostile, "x".toCharArray()));
  }
}

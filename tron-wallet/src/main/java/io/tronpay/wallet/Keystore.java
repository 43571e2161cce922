package io.tronpay.wallet;

import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import io.tronpay.core.PrivateKey;
import io.tronpay.wallet.internal.Json;
import io.tronpay.wallet.internal.Pbkdf2;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.CTRModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Web3 Secret Storage v3 keystore files, as written by geth, ethers, TronLink and wallet-cli:
 * AES-128-CTR under a key from scrypt (or, when reading, PBKDF2-HMAC-SHA256), with a Keccak-256
 * MAC. A wrong password is detected by the MAC and gives {@link KeystoreException.WrongPassword},
 * never a garbage key.
 *
 * <p>Passwords are used as their UTF-8 bytes. When that fails the MAC, the NFKC form is tried too,
 * since ethers normalises passwords to NFKC; new files are written from the NFKC form.
 */
public final class Keystore {
  /** The largest scrypt N·r (1 GiB) and N·r·p accepted: a hostile file can demand no more. */
  private static final long MAX_SCRYPT_COST = 1L << 23;
  private static final int MAX_PBKDF2_ROUNDS = 10_000_000;
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();

  private Keystore() {}

  /**
   * scrypt parameters for writing a keystore.
   *
   * @param n the CPU/memory cost, a power of two above 1
   * @param r the block size
   * @param p the parallelism
   */
  public record ScryptParams(int n, int r, int p) {
    /** geth's standard parameters: N = 2<sup>18</sup>, r = 8, p = 1 (256 MiB, about a second). */
    public static final ScryptParams STANDARD = new ScryptParams(1 << 18, 8, 1);
    /** geth's light parameters: N = 4096, r = 8, p = 6, for constrained devices. */
    public static final ScryptParams LIGHT = new ScryptParams(4096, 8, 6);

    /** Checks the parameters. */
    public ScryptParams {
      if (n < 2 || Integer.bitCount(n) != 1) {
        throw new KeystoreException.Unsupported("scrypt n must be a power of two above 1, got " + n);
      }
      // Memory grows with n·r but time with n·r·p, so p is bounded too: a hostile file must not
      // be able to ask for hours. r·p below 2^21 is BouncyCastle's own limit.
      if (r < 1 || p < 1 || (long) n * r * p > MAX_SCRYPT_COST || (long) r * p >= 1 << 21) {
        throw new KeystoreException.Unsupported("scrypt parameters n=" + n + " r=" + r + " p=" + p
            + " are out of range (n*r*p at most " + MAX_SCRYPT_COST + ")");
      }
    }
  }

  /** Encrypts {@code key} with {@link ScryptParams#STANDARD}; returns the JSON text. */
  public static String export(PrivateKey key, char[] password) {
    return export(key, password, ScryptParams.STANDARD, DEFAULT_RANDOM);
  }

  /** Encrypts {@code key} with the given scrypt parameters and randomness; returns the JSON text. */
  public static String export(
      PrivateKey key, char[] password, ScryptParams params, SecureRandom random) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(password, "password");
    byte[] salt = new byte[32];
    byte[] iv = new byte[16];
    random.nextBytes(salt);
    random.nextBytes(iv);
    byte[] uuid = new byte[16];
    random.nextBytes(uuid);
    uuid[6] = (byte) ((uuid[6] & 0x0F) | 0x40);
    uuid[8] = (byte) ((uuid[8] & 0x3F) | 0x80);
    ByteBuffer uuidBuffer = ByteBuffer.wrap(uuid);
    UUID id = new UUID(uuidBuffer.getLong(), uuidBuffer.getLong());

    byte[] passwordBytes = utf8(Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC));
    byte[] derived = SCrypt.generate(passwordBytes, salt, params.n(), params.r(), params.p(), 32);
    byte[] secret = key.revealSecretBytes();
    try {
      byte[] ciphertext = aesCtr(derived, iv, secret);
      byte[] mac = mac(derived, ciphertext);
      return "{\"address\":\"" + HEX.formatHex(key.address().accountId()) + "\","
          + "\"crypto\":{\"cipher\":\"aes-128-ctr\","
          + "\"cipherparams\":{\"iv\":\"" + HEX.formatHex(iv) + "\"},"
          + "\"ciphertext\":\"" + HEX.formatHex(ciphertext) + "\","
          + "\"kdf\":\"scrypt\",\"kdfparams\":{\"dklen\":32,\"n\":" + params.n()
          + ",\"p\":" + params.p() + ",\"r\":" + params.r()
          + ",\"salt\":\"" + HEX.formatHex(salt) + "\"},"
          + "\"mac\":\"" + HEX.formatHex(mac) + "\"},"
          + "\"id\":\"" + id + "\",\"version\":3}";
    } finally {
      Arrays.fill(secret, (byte) 0);
      Arrays.fill(derived, (byte) 0);
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  /**
   * Decrypts a keystore's private key.
   *
   * @throws KeystoreException.WrongPassword if the MAC does not match
   * @throws KeystoreException.Malformed for a document that is not a v3 keystore
   * @throws KeystoreException.Unsupported for an unknown cipher, KDF or excessive KDF cost
   * @throws KeystoreException.AddressMismatch if the file's address is not the key's
   */
  public static PrivateKey importKey(String json, char[] password) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(password, "password");
    Map<String, Object> root;
    try {
      root = asObject(Json.parse(json), "keystore");
    } catch (Json.JsonException e) {
      throw new KeystoreException.Malformed("keystore is not valid JSON: " + e.getMessage());
    }
    int version = integer(root, "version");
    if (version != 3) {
      throw new KeystoreException.Unsupported("keystore version " + version + " (only 3 is read)");
    }
    Object cryptoValue = root.containsKey("crypto") ? root.get("crypto") : root.get("Crypto");
    if (cryptoValue == null) {
      throw new KeystoreException.Malformed("keystore has no crypto section");
    }
    Map<String, Object> crypto = asObject(cryptoValue, "crypto");
    String cipher = string(crypto, "cipher");
    if (!"aes-128-ctr".equals(cipher)) {
      throw new KeystoreException.Unsupported("keystore cipher " + cipher + " (only aes-128-ctr)");
    }
    byte[] iv = hex(string(asObject(crypto.get("cipherparams"), "cipherparams"), "iv"), "iv");
    if (iv.length != 16) {
      throw new KeystoreException.Malformed("keystore iv must be 16 bytes, got " + iv.length);
    }
    byte[] ciphertext = hex(string(crypto, "ciphertext"), "ciphertext");
    if (ciphertext.length != 32) {
      throw new KeystoreException.Malformed(
          "keystore ciphertext must be 32 bytes (a private key), got " + ciphertext.length);
    }
    byte[] expectedMac = hex(string(crypto, "mac"), "mac");
    Kdf kdf = Kdf.read(crypto);

    byte[] derived = deriveMatching(kdf, password, ciphertext, expectedMac);
    byte[] secret = aesCtr(derived, iv, ciphertext);
    Arrays.fill(derived, (byte) 0);
    PrivateKey key;
    try {
      key = PrivateKey.fromBytes(secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    checkAddress(root.get("address"), key);
    return key;
  }

  private static byte[] deriveMatching(
      Kdf kdf, char[] password, byte[] ciphertext, byte[] expectedMac) {
    byte[] raw = utf8(CharBuffer.wrap(password));
    try {
      byte[] derived = kdf.derive(raw);
      if (MessageDigest.isEqual(expectedMac, mac(derived, ciphertext))) {
        return derived;
      }
      Arrays.fill(derived, (byte) 0);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
    CharSequence nfkc = Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC);
    if (!nfkc.toString().contentEquals(CharBuffer.wrap(password))) {
      byte[] normalized = utf8(nfkc);
      try {
        byte[] derived = kdf.derive(normalized);
        if (MessageDigest.isEqual(expectedMac, mac(derived, ciphertext))) {
          return derived;
        }
        Arrays.fill(derived, (byte) 0);
      } finally {
        Arrays.fill(normalized, (byte) 0);
      }
    }
    throw new KeystoreException.WrongPassword();
  }

  private static void checkAddress(Object field, PrivateKey key) {
    if (!(field instanceof String text) || text.isEmpty()) {
      return;
    }
    Address actual = key.address();
    Address stated;
    try {
      stated = text.startsWith("T") ? Address.fromBase58(text) : Address.fromEvmHex(text);
    } catch (IllegalArgumentException e) {
      throw new KeystoreException.Malformed("keystore address field is not an address");
    }
    if (!stated.equals(actual)) {
      key.destroy();
      throw new KeystoreException.AddressMismatch();
    }
  }

  /** The key derivation of a file, read and bounded before any work is done. */
  private static final class Kdf {
    private final boolean scrypt;
    private final byte[] salt;
    private final int n;
    private final int r;
    private final int p;
    private final int rounds;

    private Kdf(boolean scrypt, byte[] salt, int n, int r, int p, int rounds) {
      this.scrypt = scrypt;
      this.salt = salt;
      this.n = n;
      this.r = r;
      this.p = p;
      this.rounds = rounds;
    }

    static Kdf read(Map<String, Object> crypto) {
      String name = string(crypto, "kdf");
      Map<String, Object> params = asObject(crypto.get("kdfparams"), "kdfparams");
      int dklen = integer(params, "dklen");
      if (dklen != 32) {
        throw new KeystoreException.Unsupported("keystore dklen " + dklen + " (only 32)");
      }
      byte[] salt = hex(string(params, "salt"), "salt");
      if ("scrypt".equals(name)) {
        ScryptParams checked =
            new ScryptParams(integer(params, "n"), integer(params, "r"), integer(params, "p"));
        return new Kdf(true, salt, checked.n(), checked.r(), checked.p(), 0);
      }
      if ("pbkdf2".equals(name)) {
        String prf = string(params, "prf");
        if (!"hmac-sha256".equals(prf)) {
          throw new KeystoreException.Unsupported("keystore pbkdf2 prf " + prf + " (only hmac-sha256)");
        }
        int rounds = integer(params, "c");
        if (rounds < 1 || rounds > MAX_PBKDF2_ROUNDS) {
          throw new KeystoreException.Unsupported("keystore pbkdf2 c=" + rounds + " is out of range");
        }
        return new Kdf(false, salt, 0, 0, 0, rounds);
      }
      throw new KeystoreException.Unsupported("keystore kdf " + name + " (only scrypt and pbkdf2)");
    }

    byte[] derive(byte[] password) {
      return scrypt
          ? SCrypt.generate(password, salt, n, r, p, 32)
          : Pbkdf2.hmacSha256(password, salt, rounds, 32);
    }
  }

  private static byte[] aesCtr(byte[] derived, byte[] iv, byte[] input) {
    CTRModeCipher cipher = SICBlockCipher.newInstance(AESEngine.newInstance());
    KeyParameter key = new KeyParameter(derived, 0, 16);
    cipher.init(true, new ParametersWithIV(key, iv));
    byte[] out = new byte[input.length];
    cipher.processBytes(input, 0, input.length, out, 0);
    Arrays.fill(key.getKey(), (byte) 0);
    return out;
  }

  private static byte[] mac(byte[] derived, byte[] ciphertext) {
    byte[] macInput = new byte[16 + ciphertext.length];
    System.arraycopy(derived, 16, macInput, 0, 16);
    System.arraycopy(ciphertext, 0, macInput, 16, ciphertext.length);
    try {
      return Hashes.keccak256(macInput);
    } finally {
      Arrays.fill(macInput, (byte) 0);
    }
  }

  private static byte[] utf8(CharSequence text) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new KeystoreException.Malformed("keystore " + what + " is missing or not an object");
    }
    return (Map<String, Object>) value;
  }

  private static String string(Map<String, Object> object, String field) {
    if (!(object.get(field) instanceof String value)) {
      throw new KeystoreException.Malformed("keystore field " + field + " is missing or not text");
    }
    return value;
  }

  private static int integer(Map<String, Object> object, String field) {
    Object value = object.get(field);
    if (!(value instanceof BigDecimal number)) {
      throw new KeystoreException.Malformed("keystore field " + field + " is missing or not a number");
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      throw new KeystoreException.Unsupported("keystore field " + field + " is not a 32-bit integer");
    }
  }

  private static byte[] hex(String text, String field) {
    String digits = text.startsWith("0x") ? text.substring(2) : text;
    try {
      return HEX.parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw new KeystoreException.Malformed("keystore field " + field + " is not hex");
    }
  }
}

package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

/** Keystores from ethers ({@code wallet/keystore-*.json}); exports are opened independently. */
class KeystoreCommandTest {
  private static final HexFormat HEX = HexFormat.of();

  @TempDir
  Path dir;

  private Path keystoreFile(String vector) throws IOException {
    Map<String, Object> fixture = Cli.parse(Cli.resource("wallet/" + vector));
    Path file = dir.resolve(vector);
    Files.writeString(file, Cli.write(fixture.get("keystore")));
    return file;
  }

  private static Map<String, Object> fixture(String vector) {
    return Cli.parse(Cli.resource("wallet/" + vector));
  }

  @Test
  void import_ethersScryptKeystore_writesTheKeyOwnerOnly() throws IOException {
    Map<String, Object> vector = fixture("keystore-scrypt-n1024.json");
    Path keystore = keystoreFile("keystore-scrypt-n1024.json");
    Path password = dir.resolve("password.txt");
    Cli.writeKeyFile(password, vector.get("password") + "\n");
    Path out = dir.resolve("key.hex");

    Cli.Result result = Cli.run("keystore", "import", keystore.toString(), "--out",
        out.toString(), "--password-file", password.toString(), "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(vector.get("address"), result.json().get("address"));
    assertEquals(out.toString(), result.json().get("keyFile"));
    assertEquals(vector.get("privateKey") + "\n", Files.readString(out));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertFalse(result.out().contains((String) vector.get("privateKey")));
  }

  @Test
  void import_pbkdf2Keystore_passwordFromStdin() throws IOException {
    Map<String, Object> vector = fixture("keystore-pbkdf2.json");
    Path keystore = keystoreFile("keystore-pbkdf2.json");
    Path out = dir.resolve("key.hex");

    Cli.Result result = Cli.runWithStdin((String) vector.get("password"), "keystore", "import",
        keystore.toString(), "--out", out.toString(), "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(vector.get("address"), result.json().get("address"));
    assertEquals(vector.get("privateKey") + "\n", Files.readString(out));
  }

  @Test
  void import_wrongPassword_namesTheFault_andWritesNothing() throws IOException {
    Path keystore = keystoreFile("keystore-scrypt-n1024.json");
    Path out = dir.resolve("key.hex");

    Cli.Result result = Cli.runWithStdin("not the password\n", "keystore", "import",
        keystore.toString(), "--out", out.toString(), "--json");

    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    assertTrue(((String) result.errorJson().get("error")).contains("wrong password"),
        result.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void import_keystoreAndPasswordBothFromStdin_isAUsageError() {
    Cli.Result result = Cli.run("keystore", "import", "-", "--out",
        dir.resolve("key.hex").toString());

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("--password-file"), result.err());
  }

  @Test
  void import_existingKeyFile_isNeverOverwritten() throws IOException {
    Map<String, Object> vector = fixture("keystore-scrypt-n1024.json");
    Path keystore = keystoreFile("keystore-scrypt-n1024.json");
    Path out = dir.resolve("key.hex");
    Files.writeString(out, "precious\n");

    Cli.Result result = Cli.runWithStdin((String) vector.get("password"), "keystore", "import",
        keystore.toString(), "--out", out.toString());

    assertEquals(1, result.exitCode());
    assertEquals("precious\n", Files.readString(out));
  }

  @Test
  void export_lightKdf_opensWithAnIndependentDecryption() throws Exception {
    Map<String, Object> vector = fixture("keystore-scrypt-n1024.json");
    Path key = dir.resolve("key.hex");
    Cli.writeKeyFile(key, vector.get("privateKey") + "\n");
    Path out = dir.resolve("keystore.json");
    String password = "pässwörd export";

    Cli.Result result = Cli.runWithStdin(password + "\n", "keystore", "export", "--key-file",
        key.toString(), "--out", out.toString(), "--light-kdf", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(vector.get("address"), result.json().get("address"));
    assertEquals(out.toString(), result.json().get("keystoreFile"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    Map<String, Object> keystore = Cli.parse(Files.readString(out));
    assertEquals(BigInteger.valueOf(3), keystore.get("version"));
    Map<String, Object> kdf = Cli.object(Cli.object(keystore, "crypto"), "kdfparams");
    assertEquals(BigInteger.valueOf(4096), kdf.get("n"));
    assertEquals(vector.get("privateKey"),
        HEX.formatHex(decrypt(keystore, password.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void export_defaultCost_isGethStandardScrypt() throws IOException {
    Map<String, Object> vector = fixture("keystore-scrypt-n1024.json");
    Path key = dir.resolve("key.hex");
    Cli.writeKeyFile(key, vector.get("privateKey") + "\n");
    Path password = dir.resolve("password.txt");
    Cli.writeKeyFile(password, "correct horse\n");
    Path out = dir.resolve("keystore.json");

    Cli.Result result = Cli.run("keystore", "export", "--key-file", key.toString(), "--out",
        out.toString(), "--password-file", password.toString());

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> kdf = Cli.object(Cli.object(Cli.parse(Files.readString(out)), "crypto"),
        "kdfparams");
    assertEquals(BigInteger.valueOf(262144), kdf.get("n"));
    assertEquals(BigInteger.valueOf(8), kdf.get("r"));
    assertEquals(BigInteger.valueOf(1), kdf.get("p"));
  }

  @Test
  void export_emptyPassword_isRefused() throws IOException {
    Path key = dir.resolve("key.hex");
    Cli.writeKeyFile(key, fixture("keystore-scrypt-n1024.json").get("privateKey") + "\n");
    Path out = dir.resolve("keystore.json");

    Cli.Result result = Cli.runWithStdin("\n", "keystore", "export", "--key-file",
        key.toString(), "--out", out.toString(), "--light-kdf", "--json");

    assertEquals(1, result.exitCode());
    assertTrue(((String) result.errorJson().get("error")).contains("empty"), result.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void export_passwordIsNeverAnArgument() {
    Cli.Result result = Cli.run("keystore", "export", "--key-file", "k", "--out", "o",
        "--password", "secret");

    assertEquals(2, result.exitCode());
  }

  /**
   * Web3 Secret Storage v3 decryption written out here from the spec: scrypt (BouncyCastle),
   * Keccak-256 MAC over derived[16..32] || ciphertext (web3j), AES-128-CTR (JDK).
   */
  private static byte[] decrypt(Map<String, Object> keystore, byte[] password) throws Exception {
    Map<String, Object> crypto = Cli.object(keystore, "crypto");
    Map<String, Object> kdf = Cli.object(crypto, "kdfparams");
    byte[] derived = SCrypt.generate(password, HEX.parseHex((String) kdf.get("salt")),
        ((BigInteger) kdf.get("n")).intValue(), ((BigInteger) kdf.get("r")).intValue(),
        ((BigInteger) kdf.get("p")).intValue(), ((BigInteger) kdf.get("dklen")).intValue());
    byte[] ciphertext = HEX.parseHex((String) crypto.get("ciphertext"));
    byte[] macInput = new byte[16 + ciphertext.length];
    System.arraycopy(derived, 16, macInput, 0, 16);
    System.arraycopy(ciphertext, 0, macInput, 16, ciphertext.length);
    assertArrayEquals(HEX.parseHex((String) crypto.get("mac")), Hash.sha3(macInput));
    Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derived, 0, 16, "AES"), new IvParameterSpec(
        HEX.parseHex((String) Cli.object(crypto, "cipherparams").get("iv"))));
    return aes.doFinal(ciphertext);
  }
}

package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected values come from tronweb's vectors in {@code vectors/tronweb_addresses.json}. */
class AddressCommandTest {
  private static final List<Map<String, Object>> VECTORS = Cli.cases("tronweb_addresses.json");

  @TempDir
  Path dir;

  private static String base58(Map<String, Object> vector) {
    return (String) Cli.object(vector, "address").get("base58");
  }

  private static String hex(Map<String, Object> vector) {
    return (String) Cli.object(vector, "address").get("hex");
  }

  @Test
  void fromKey_keyFile_givesTronwebAddressAndPublicKey() throws IOException {
    for (Map<String, Object> vector : VECTORS) {
      Path keyFile = dir.resolve("key-" + base58(vector));
      Cli.writeKeyFile(keyFile, vector.get("privateKey") + "\n");

      Cli.Result result = Cli.run("address", "from-key", "--key-file", keyFile.toString(),
          "--json");

      assertEquals(0, result.exitCode(), result.err());
      Map<String, Object> json = result.json();
      assertEquals(base58(vector), json.get("address"));
      assertEquals(hex(vector), json.get("hex"));
      assertEquals(vector.get("publicKey"), json.get("publicKey"));
    }
  }

  @Test
  void fromKey_stdin_givesTronwebAddress() {
    Map<String, Object> vector = VECTORS.get(4);

    Cli.Result result = Cli.runWithStdin((String) vector.get("privateKey"),
        "address", "from-key", "--key-file", "-");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(base58(vector), result.out().strip());
  }

  @Test
  void fromKey_malformedKey_namesTheFaultWithoutEchoingIt() throws IOException {
    String almostKey = "c0ffee" + "ab".repeat(28) + "zz";
    Path keyFile = dir.resolve("bad.key");
    Cli.writeKeyFile(keyFile, almostKey);

    Cli.Result result = Cli.run("address", "from-key", "--key-file", keyFile.toString(),
        "--json");

    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    String error = (String) result.errorJson().get("error");
    assertTrue(error.contains("non-hex character at position 62"), error);
    assertFalse(result.err().contains("c0ffee"), "the key material is never echoed");
  }

  @Test
  void fromKey_keyFileReadableByOthers_warnsOnStderr() throws IOException {
    Map<String, Object> vector = VECTORS.get(4);
    Path keyFile = dir.resolve("shared.key");
    Cli.writeKeyFile(keyFile, (String) vector.get("privateKey"));
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

    Cli.Result result = Cli.run("address", "from-key", "--key-file", keyFile.toString(),
        "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(base58(vector), result.json().get("address"));
    String warning = (String) Cli.parse(result.err()).get("warning");
    assertTrue(warning.startsWith("key file ") && warning.contains("can be read by other users"),
        result.err());
  }

  @Test
  void fromKey_missingFile_exitsOne() {
    Cli.Result result = Cli.run("address", "from-key", "--key-file",
        dir.resolve("absent").toString());

    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("does not exist"), result.err());
  }

  @Test
  void fromKey_keyOnTheCommandLine_isNotAnOption() {
    Cli.Result result = Cli.run("address", "from-key",
        (String) VECTORS.get(4).get("privateKey"));

    assertEquals(2, result.exitCode());
  }

  @Test
  void validate_tronwebAddresses_inEveryForm_areValid() {
    for (Map<String, Object> vector : VECTORS) {
      for (String form : List.of(base58(vector), hex(vector),
          ((String) vector.get("ethAddress")))) {
        Cli.Result result = Cli.run("address", "validate", form, "--json");

        assertEquals(0, result.exitCode(), form + ": " + result.out());
        Map<String, Object> json = result.json();
        assertEquals(true, json.get("valid"));
        assertEquals(base58(vector), json.get("address"));
        assertEquals(hex(vector), json.get("hex"));
      }
    }
  }

  @Test
  void validate_badChecksum_exitsOneAndNamesTheFault() {
    String good = base58(VECTORS.get(0));
    char last = good.charAt(good.length() - 1);
    String bad = good.substring(0, good.length() - 1) + (last == 'C' ? 'D' : 'C');

    Cli.Result result = Cli.run("address", "validate", bad, "--json");

    assertEquals(1, result.exitCode());
    assertEquals(false, result.json().get("valid"));
    assertTrue(((String) result.json().get("error")).contains("checksum"), result.out());
  }

  @Test
  void validate_invalidCharacter_namesCharacterAndPosition() {
    String good = base58(VECTORS.get(0));
    String bad = good.substring(0, 5) + "0" + good.substring(6);

    Cli.Result result = Cli.run("address", "validate", bad);

    assertEquals(1, result.exitCode());
    assertTrue(result.out().contains("'0' at position 5"), result.out());
  }

  @Test
  void convert_givesTronwebForms() {
    for (Map<String, Object> vector : VECTORS) {
      Cli.Result result = Cli.run("address", "convert", hex(vector), "--json");

      assertEquals(0, result.exitCode(), result.err());
      Map<String, Object> json = result.json();
      assertEquals(base58(vector), json.get("address"));
      assertEquals(hex(vector), json.get("hex"));
      assertEquals(((String) vector.get("ethAddress")).toLowerCase(java.util.Locale.ROOT),
          json.get("evm"));
    }
  }

  @Test
  void convert_invalid_exitsOneWithJsonErrorOnStderr() {
    Cli.Result result = Cli.run("address", "convert", "T123", "--json");

    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    assertTrue(result.errorJson().containsKey("error"), result.err());
  }
}

package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

class KeyCommandTest {
  @TempDir
  Path dir;

  @Test
  void keyNew_writesOwnerOnlyHexKey_andPrintsItsAddress() throws IOException {
    Path keyFile = dir.resolve("key.hex");

    Cli.Result result = Cli.run("key", "new", "--out", keyFile.toString(), "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    String content = Files.readString(keyFile, StandardCharsets.US_ASCII);
    assertTrue(content.matches("[0-9a-f]{64}\n"), "key file holds 64 hex digits and a newline");
    // web3j derives the same 20-byte account id independently of this SDK.
    String web3jAccount = Keys.getAddress(
        Sign.publicKeyFromPrivate(new BigInteger(content.strip(), 16)));
    Map<String, Object> json = result.json();
    assertEquals("41" + web3jAccount, json.get("hex"));
    assertEquals(keyFile.toString(), json.get("keyFile"));
    assertTrue(((String) json.get("address")).startsWith("T"));
    assertFalse(result.out().contains(content.strip()), "the secret is never printed");
    assertFalse(result.err().contains(content.strip()), "the secret is never printed");
  }

  @Test
  void keyNew_human_printsTheAddressOnly() throws IOException {
    Path keyFile = dir.resolve("key.hex");

    Cli.Result result = Cli.run("key", "new", "--out", keyFile.toString());

    assertEquals(0, result.exitCode(), result.err());
    String secret = Files.readString(keyFile).strip();
    String web3jAccount = Keys.getAddress(Sign.publicKeyFromPrivate(new BigInteger(secret, 16)));
    String printedAddress = result.out().split("\\s+")[0];
    Cli.Result converted = Cli.run("address", "convert", printedAddress, "--json");
    assertEquals("0x" + web3jAccount, converted.json().get("evm"));
    assertFalse(result.out().contains(secret));
  }

  @Test
  void keyNew_existingFile_isRefusedAndLeftAlone() throws IOException {
    Path keyFile = dir.resolve("key.hex");
    Files.writeString(keyFile, "precious\n");

    Cli.Result result = Cli.run("key", "new", "--out", keyFile.toString(), "--json");

    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    assertTrue(((String) result.errorJson().get("error")).contains("already exists"),
        result.err());
    assertEquals("precious\n", Files.readString(keyFile));
  }

  @Test
  void keyNew_missingDirectory_namesTheFault() {
    Path keyFile = dir.resolve("no-such-dir").resolve("key.hex");

    Cli.Result result = Cli.run("key", "new", "--out", keyFile.toString());

    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("directory does not exist"), result.err());
    assertFalse(Files.exists(keyFile));
  }

  @Test
  void keyNew_withoutOut_isAUsageError() {
    Cli.Result result = Cli.run("key", "new");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("--out"), result.err());
    assertEquals("", result.out());
  }
}

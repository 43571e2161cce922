package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected values come from tronweb's signMessageV2 vectors in {@code tronweb_tip191.json}. */
class MessageCommandTest {
  private static final List<Map<String, Object>> VECTORS = Cli.cases("tronweb_tip191.json");

  @TempDir
  Path dir;

  private Path keyFile(Map<String, Object> vector) throws IOException {
    Path file = dir.resolve("key-" + vector.get("address"));
    if (!Files.exists(file)) {
      Cli.writeKeyFile(file, (String) vector.get("privateKey"));
    }
    return file;
  }

  @Test
  void sign_givesTronwebSignature_forEveryTextVector() throws IOException {
    for (Map<String, Object> vector : VECTORS) {
      String message = (String) vector.get("message");

      Cli.Result result = Cli.run("message", "sign", "--key-file", keyFile(vector).toString(),
          "--json", "--", message);

      assertEquals(0, result.exitCode(), message + ": " + result.err());
      assertEquals("0x" + vector.get("signature"), result.json().get("signature"), message);
      assertEquals(vector.get("address"), result.json().get("address"));
    }
  }

  @Test
  void sign_messageFile_signsItsExactBytes() throws IOException {
    Map<String, Object> vector = VECTORS.get(2);
    Path messageFile = dir.resolve("message.txt");
    Files.write(messageFile, ((String) vector.get("message")).getBytes(StandardCharsets.UTF_8));

    Cli.Result result = Cli.runWithStdin((String) vector.get("privateKey"), "message", "sign",
        "--key-file", "-", "--message-file", messageFile.toString());

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("0x" + vector.get("signature"), result.out().strip());
  }

  @Test
  void sign_keyAndMessageBothFromStdin_isAUsageError() {
    Cli.Result result = Cli.runWithStdin("x", "message", "sign", "--key-file", "-",
        "--message-file", "-");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("standard input"), result.err());
  }

  @Test
  void sign_textAndMessageFile_isAUsageError() throws IOException {
    Map<String, Object> vector = VECTORS.get(1);

    Cli.Result result = Cli.run("message", "sign", "--key-file", keyFile(vector).toString(),
        "--message-file", "-", "hello");

    assertEquals(2, result.exitCode());
  }

  @Test
  void sign_undecodableCommandLineText_isRefused() throws IOException {
    Cli.Result result = Cli.run("message", "sign", "--key-file",
        keyFile(VECTORS.get(1)).toString(), "caf\uFFFD");

    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("--message-file"), result.err());
  }

  @Test
  void verify_recoversTronwebSigner_forEveryTextVector() {
    for (Map<String, Object> vector : VECTORS) {
      String message = (String) vector.get("message");

      Cli.Result result = Cli.run("message", "verify", "--signature",
          "0x" + vector.get("signature"), "--json", "--", message);

      assertEquals(0, result.exitCode(), message + ": " + result.err());
      assertEquals(vector.get("recoveredAddress"), result.json().get("address"));
    }
  }

  @Test
  void verify_expectedAddress_matches() {
    Map<String, Object> vector = VECTORS.get(1);

    Cli.Result result = Cli.run("message", "verify", "--signature",
        (String) vector.get("signature"), "--address", (String) vector.get("address"), "--json",
        (String) vector.get("message"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(true, result.json().get("matches"));
  }

  @Test
  void verify_otherMessage_failsTheAddressCheck() {
    Map<String, Object> vector = VECTORS.get(1);

    Cli.Result result = Cli.run("message", "verify", "--signature",
        (String) vector.get("signature"), "--address", (String) vector.get("address"), "--json",
        vector.get("message") + "!");

    assertEquals(1, result.exitCode());
    assertEquals(false, result.json().get("matches"));
  }

  @Test
  void verify_shortSignature_namesTheFault() {
    Cli.Result result = Cli.run("message", "verify", "--signature", "abcd", "hello");

    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("65 bytes"), result.err());
  }
}

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.MnemonicUtils;

class MnemonicCommandTest {
  /** tronweb vector: a valid 12-word phrase (wallet/tronweb_hd.json, case 0). */
  private static final String VALID =
      (String) Cli.cases("wallet/tronweb_hd.json").get(0).get("mnemonic");
  /**
   * All-zero entropy with checksum bits 0000: the published Trezor vector for that entropy ends
   * in "about" (checksum 0011), so this phrase fails its checksum.
   */
  private static final String BAD_CHECKSUM = "abandon ".repeat(11) + "abandon";

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(ints = {12, 15, 18, 21, 24})
  void new_printsAValidPhraseOfTheAskedLength(int words) {
    Cli.Result result = Cli.run("mnemonic", "new", "--words", Integer.toString(words), "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    String phrase = (String) json.get("mnemonic");
    assertEquals(BigInteger.valueOf(words), json.get("words"));
    assertEquals(words, phrase.split(" ").length);
    assertTrue(MnemonicUtils.validateMnemonic(phrase), "web3j accepts the phrase");
  }

  @Test
  void new_defaultsTo12Words_likeTronweb() {
    Cli.Result result = Cli.run("mnemonic", "new");

    assertEquals(0, result.exitCode(), result.err());
    String phrase = result.out().strip();
    assertEquals(12, phrase.split(" ").length);
    assertTrue(MnemonicUtils.validateMnemonic(phrase));
  }

  @Test
  void new_withOut_writesOwnerOnlyFile_andPrintsOnlyTheWordCount() throws IOException {
    Path file = dir.resolve("phrase.txt");

    Cli.Result result = Cli.run("mnemonic", "new", "--words", "24", "--out", file.toString(),
        "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(Map.of("words", BigInteger.valueOf(24)), result.json());
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String phrase = Files.readString(file, StandardCharsets.UTF_8).strip();
    assertTrue(MnemonicUtils.validateMnemonic(phrase));
    assertEquals(24, phrase.split(" ").length);
    assertFalse(result.out().contains(phrase));
    assertFalse(result.err().contains(phrase));
  }

  @Test
  void new_existingOutFile_isRefused() throws IOException {
    Path file = dir.resolve("phrase.txt");
    Files.writeString(file, "keep me\n");

    Cli.Result result = Cli.run("mnemonic", "new", "--out", file.toString(), "--json");

    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    assertTrue(((String) result.errorJson().get("error")).contains("already exists"));
    assertEquals("keep me\n", Files.readString(file));
  }

  @Test
  void new_13Words_namesTheFault() {
    Cli.Result result = Cli.run("mnemonic", "new", "--words", "13", "--json");

    assertEquals(1, result.exitCode());
    assertTrue(((String) result.errorJson().get("error")).contains("got 13"), result.err());
  }

  @Test
  void validate_vectorPhraseFromStdin_isValid() {
    Cli.Result result = Cli.runWithStdin(VALID + "\n", "mnemonic", "validate", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(Map.of("valid", true), result.json());
  }

  @Test
  void validate_phraseFile_withExtraWhitespace_isValid() throws IOException {
    Path file = dir.resolve("phrase.txt");
    Cli.writeKeyFile(file, "  " + VALID.replace(" ", "   ") + "\n\n");

    Cli.Result result = Cli.run("mnemonic", "validate", file.toString(), "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(Map.of("valid", true), result.json());
  }

  @Test
  void validate_badChecksum_namesTheChecksum() {
    Cli.Result result = Cli.runWithStdin(BAD_CHECKSUM, "mnemonic", "validate", "--json");

    assertEquals(1, result.exitCode());
    Map<String, Object> json = result.json();
    assertEquals(false, json.get("valid"));
    assertTrue(((String) json.get("error")).contains("checksum"), result.out());
  }

  @Test
  void validate_unknownWord_namesItsPositionButNeverTheWords() {
    String[] words = VALID.split(" ");
    String typo = words[2].substring(0, words[2].length() - 1) + "q";
    words[2] = typo;

    Cli.Result result =
        Cli.runWithStdin(String.join(" ", words), "mnemonic", "validate", "--json");

    assertEquals(1, result.exitCode());
    Map<String, Object> json = result.json();
    assertEquals(false, json.get("valid"));
    String error = (String) json.get("error");
    assertTrue(error.contains("word 3"), error);
    assertFalse(result.out().contains(typo), "the mistyped word stays out of the output");
    assertFalse(result.err().contains(VALID.split(" ")[2]), "no suggestion without a terminal");
  }

  @Test
  void validate_unknownWordAtATerminal_suggestsTheClosestWordOnStderr() throws IOException {
    String[] words = VALID.split(" ");
    String original = words[2];
    words[2] = original.substring(0, original.length() - 1) + "q";
    Path file = dir.resolve("phrase.txt");
    Cli.writeKeyFile(file, String.join(" ", words));

    Cli.Result human = Cli.runAtTerminal("mnemonic", "validate", file.toString());
    Cli.Result json = Cli.runAtTerminal("mnemonic", "validate", file.toString(), "--json");

    assertEquals(1, human.exitCode());
    assertTrue(human.err().contains("'" + original + "'"), human.err());
    assertTrue(human.err().contains("word 3"), human.err());
    assertEquals(1, json.exitCode());
    assertFalse(json.err().contains(original), "--json output never carries the suggestion");
  }

  @Test
  void validate_wrongWordCount_namesTheCount() {
    Cli.Result result = Cli.runWithStdin("abandon abandon abandon", "mnemonic", "validate");

    assertEquals(1, result.exitCode());
    assertTrue(result.out().contains("got 3"), result.out());
  }

  @Test
  void validate_missingFile_namesTheFile() {
    Path file = dir.resolve("nope.txt");

    Cli.Result result = Cli.run("mnemonic", "validate", file.toString(), "--json");

    assertEquals(1, result.exitCode());
    assertTrue(((String) result.errorJson().get("error")).contains("does not exist"),
        result.err());
  }
}

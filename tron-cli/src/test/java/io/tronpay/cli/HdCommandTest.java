package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected keys and addresses are tronweb's ({@code wallet/tronweb_hd.json}). */
class HdCommandTest {
  private static final List<Map<String, Object>> CASES = Cli.cases("wallet/tronweb_hd.json");

  @TempDir
  Path dir;

  private Path noPassphraseFile;
  private Path japaneseFile;
  private Path japanesePassphrase;

  @BeforeEach
  void writeSecrets() throws IOException {
    noPassphraseFile = dir.resolve("plain.txt");
    Cli.writeKeyFile(noPassphraseFile, mnemonic(0) + "\n");
    japaneseFile = dir.resolve("japanese.txt");
    Cli.writeKeyFile(japaneseFile, mnemonic(1) + "\n");
    japanesePassphrase = dir.resolve("passphrase.txt");
    Cli.writeKeyFile(japanesePassphrase, (String) CASES.get(1).get("passphrase") + "\n");
  }

  private static String mnemonic(int caseIndex) {
    return (String) CASES.get(caseIndex).get("mnemonic");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> derived(int caseIndex, String path) {
    for (Object item : (List<Object>) CASES.get(caseIndex).get("derived")) {
      Map<String, Object> key = (Map<String, Object>) item;
      if (key.get("path").equals(path)) {
        return key;
      }
    }
    throw new IllegalStateException("no vector for " + path);
  }

  private static Map<String, Object> account(int caseIndex) {
    return Cli.object(CASES.get(caseIndex), "account");
  }

  @Test
  void derive_defaultPath_matchesTronweb_withoutPrivateKey() {
    Cli.Result result = Cli.run("hd", "derive", "--mnemonic-file", noPassphraseFile.toString(),
        "--json");

    assertEquals(0, result.exitCode(), result.err());
    List<Map<String, Object>> keys = Cli.parseArray(result.out());
    assertEquals(1, keys.size());
    Map<String, Object> expected = derived(0, "m/44'/195'/0'/0/0");
    assertEquals(expected.get("path"), keys.get(0).get("path"));
    assertEquals(expected.get("address"), keys.get(0).get("address"));
    assertEquals(expected.get("publicKey"), keys.get(0).get("publicKey"));
    assertFalse(keys.get(0).containsKey("privateKey"));
    assertFalse(result.out().contains((String) expected.get("privateKey")));
  }

  @Test
  void derive_twoKeysWithShowPrivate_matchesTronweb() {
    Cli.Result result = Cli.run("hd", "derive", "--mnemonic-file", noPassphraseFile.toString(),
        "--count", "2", "--show-private", "--json");

    assertEquals(0, result.exitCode(), result.err());
    List<Map<String, Object>> keys = Cli.parseArray(result.out());
    assertEquals(2, keys.size());
    for (int i = 0; i < 2; i++) {
      Map<String, Object> expected = derived(0, "m/44'/195'/0'/0/" + i);
      assertEquals(expected.get("path"), keys.get(i).get("path"));
      assertEquals(expected.get("address"), keys.get(i).get("address"));
      assertEquals(expected.get("privateKey"), keys.get(i).get("privateKey"));
    }
  }

  @Test
  void derive_withPassphraseAccountAndIndex_matchesTronweb() {
    Cli.Result result = Cli.run("hd", "derive", "--mnemonic-file", japaneseFile.toString(),
        "--passphrase-file", japanesePassphrase.toString(), "--account", "1", "--from", "7",
        "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> key = Cli.parseArray(result.out()).get(0);
    Map<String, Object> expected = derived(1, "m/44'/195'/1'/0/7");
    assertEquals(expected.get("path"), key.get("path"));
    assertEquals(expected.get("address"), key.get("address"));
  }

  @Test
  void derive_passphraseFromStdin_changeChain_matchesTronweb() throws IOException {
    Path phrase = dir.resolve("unicode.txt");
    Cli.writeKeyFile(phrase, mnemonic(2));

    Cli.Result result = Cli.runWithStdin((String) CASES.get(2).get("passphrase"), "hd", "derive",
        "--mnemonic-file", phrase.toString(), "--passphrase-file", "-", "--change", "1",
        "--from", "3", "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> key = Cli.parseArray(result.out()).get(0);
    assertEquals(derived(2, "m/44'/195'/0'/1/3").get("address"), key.get("address"));
  }

  @Test
  void derive_lastIndex_matchesTronweb_andOnePastItIsRefused() {
    Cli.Result last = Cli.run("hd", "derive", "--mnemonic-file", noPassphraseFile.toString(),
        "--from", "2147483647", "--json");
    Cli.Result past = Cli.run("hd", "derive", "--mnemonic-file", noPassphraseFile.toString(),
        "--from", "2147483647", "--count", "2", "--json");

    assertEquals(0, last.exitCode(), last.err());
    assertEquals(derived(0, "m/44'/195'/0'/0/2147483647").get("address"),
        Cli.parseArray(last.out()).get(0).get("address"));
    assertEquals(1, past.exitCode());
    assertTrue(((String) past.errorJson().get("error")).contains("2147483647"), past.err());
  }

  @Test
  void derive_withoutPassphrase_differsFromThePassphraseVector() {
    Cli.Result result = Cli.run("hd", "derive", "--mnemonic-file", japaneseFile.toString(),
        "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertFalse(derived(1, "m/44'/195'/0'/0/0").get("address")
        .equals(Cli.parseArray(result.out()).get(0).get("address")));
  }

  @Test
  void derive_mnemonicAndPassphraseBothFromStdin_isAUsageError() {
    Cli.Result result = Cli.run("hd", "derive", "--mnemonic-file", "-", "--passphrase-file", "-");

    assertEquals(2, result.exitCode());
  }

  @Test
  void derive_badMnemonic_namesTheFault_withoutEchoingIt() throws IOException {
    Path bad = dir.resolve("bad.txt");
    Cli.writeKeyFile(bad, mnemonic(0).replace(mnemonic(0).split(" ")[0], "qqqq"));

    Cli.Result result = Cli.run("hd", "derive", "--mnemonic-file", bad.toString(), "--json");

    assertEquals(1, result.exitCode());
    assertTrue(((String) result.errorJson().get("error")).contains("word 1"), result.err());
    assertFalse(result.err().contains("qqqq"));
  }

  @Test
  void xpub_account0_matchesTronweb() {
    Cli.Result result = Cli.run("hd", "xpub", "--mnemonic-file", noPassphraseFile.toString(),
        "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(account(0).get("path"), result.json().get("path"));
    assertEquals(account(0).get("xpub"), result.json().get("xpub"));
  }

  @Test
  void xpub_withPassphrase_matchesTronweb() {
    Cli.Result result = Cli.run("hd", "xpub", "--mnemonic-file", japaneseFile.toString(),
        "--passphrase-file", japanesePassphrase.toString());

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(account(1).get("xpub"), result.out().strip());
  }

  @Test
  void addresses_fromXpub_streamJsonLinesThatMatchTronweb() {
    Cli.Result result = Cli.run("hd", "addresses", "--xpub", (String) account(0).get("xpub"),
        "--count", "2", "--json");

    assertEquals(0, result.exitCode(), result.err());
    String[] lines = result.out().strip().split("\n");
    assertEquals(2, lines.length);
    for (int i = 0; i < 2; i++) {
      Map<String, Object> line = Cli.parse(lines[i]);
      Map<String, Object> expected = derived(0, "m/44'/195'/0'/0/" + i);
      assertEquals(BigInteger.valueOf(i), line.get("index"));
      assertEquals(expected.get("path"), line.get("path"));
      assertEquals(expected.get("address"), line.get("address"));
    }
  }

  @Test
  void addresses_changeChainAndLastIndex_matchTronweb() {
    String xpub = (String) account(1).get("xpub");

    Cli.Result change = Cli.run("hd", "addresses", "--xpub", xpub, "--change", "1", "--from",
        "3", "--count", "1", "--json");
    Cli.Result last = Cli.run("hd", "addresses", "--xpub", xpub, "--from", "2147483640",
        "--count", "8", "--json");

    assertEquals(derived(1, "m/44'/195'/0'/1/3").get("address"),
        Cli.parse(change.out()).get("address"));
    String[] lines = last.out().strip().split("\n");
    assertEquals(8, lines.length);
    Map<String, Object> lastLine = Cli.parse(lines[7]);
    assertEquals(BigInteger.valueOf(2147483647L), lastLine.get("index"));
    assertEquals(derived(1, "m/44'/195'/0'/0/2147483647").get("address"),
        lastLine.get("address"));
  }

  @Test
  void addresses_manyLines_allWrittenWithoutAProgressBarOffTerminal() {
    Cli.Result result = Cli.run("hd", "addresses", "--xpub", (String) account(0).get("xpub"),
        "--count", "20000", "--json");

    assertEquals(0, result.exitCode(), result.err());
    String[] lines = result.out().split("\n");
    assertEquals(20000, lines.length);
    assertEquals(BigInteger.valueOf(19999), Cli.parse(lines[19999]).get("index"));
    assertEquals(derived(0, "m/44'/195'/0'/0/1").get("address"),
        Cli.parse(lines[1]).get("address"));
    assertEquals("", result.err());
  }

  @Test
  void addresses_human_printsPathAndAddress() {
    Cli.Result result = Cli.run("hd", "addresses", "--xpub", (String) account(0).get("xpub"),
        "--count", "1");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> expected = derived(0, "m/44'/195'/0'/0/0");
    assertEquals(expected.get("path") + "  " + expected.get("address"), result.out().strip());
  }

  @Test
  void addresses_rangePastLastIndex_namesTheFault() {
    Cli.Result result = Cli.run("hd", "addresses", "--xpub", (String) account(0).get("xpub"),
        "--from", "2147483647", "--count", "2", "--json");

    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    assertTrue(((String) result.errorJson().get("error")).contains("past the last index"),
        result.err());
  }

  @Test
  void addresses_xpubWithBrokenChecksum_isATypedError() {
    String xpub = (String) account(0).get("xpub");
    char last = xpub.charAt(xpub.length() - 1);
    String broken = xpub.substring(0, xpub.length() - 1) + (last == 'a' ? 'b' : 'a');

    Cli.Result result = Cli.run("hd", "addresses", "--xpub", broken, "--json");

    assertEquals(1, result.exitCode());
    assertTrue(((String) result.errorJson().get("error")).toLowerCase().contains("checksum"),
        result.err());
  }
}

package io.tronpay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateWalletTest {
  @Test
  void run_restoredMnemonic_printsTronwebXpubAndAddresses_withoutThePhrase(@TempDir Path dir)
      throws Exception {
    String vector = Recipes.tronwebVector();
    String mnemonic = Recipes.jsonStrings(vector, "mnemonic").get(0);
    Path file = dir.resolve("words.txt");
    Files.writeString(file, mnemonic + "\n", StandardCharsets.UTF_8);

    Recipes.Run run = Recipes.run(out ->
        GenerateWallet.run(out, "--mnemonic-file", file.toString(), "--count", "2"));

    assertEquals(0, run.status(), run.output());
    assertTrue(run.output().contains(Recipes.jsonStrings(vector, "xpub").get(0)), run.output());
    for (String address : Recipes.jsonStrings(vector, "address")) {
      assertTrue(run.output().contains(address), address + " missing in\n" + run.output());
    }
    assertFalse(run.output().contains(mnemonic.split(" ")[0] + " " + mnemonic.split(" ")[1]),
        "a restored mnemonic is never printed");
    assertFalse(run.output().contains("[FAIL]"), run.output());
  }

  @Test
  void run_newWallet_printsTheMnemonicOnlyUnderTheDevWarning() throws Exception {
    Recipes.Run run = Recipes.run(out -> GenerateWallet.run(out, "--words", "24"));

    assertEquals(0, run.status(), run.output());
    assertTrue(run.output().contains("DEV ONLY"), run.output());
    assertTrue(run.output().contains("All checks passed."), run.output());
  }

  @Test
  void run_unknownOption_isAUsageErrorNamingIt() {
    Args.UsageException e = org.junit.jupiter.api.Assertions.assertThrows(
        Args.UsageException.class, () -> GenerateWallet.run(System.out, "--mnemonic", "x"));
    assertTrue(e.getMessage().contains("--mnemonic"), e.getMessage());
  }
}

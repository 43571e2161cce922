package io.tronpay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineSigningTest {
  @Test
  void run_embeddedDevNode_buildsSignsBroadcasts_andTheRecipientIsPaid(@TempDir Path dir)
      throws Exception {
    Recipes.Run run = Recipes.run(out ->
        OfflineSigning.run(out, "--dir", dir.toString(), "--amount", "2.5"));

    assertEquals(0, run.status(), run.output());
    assertTrue(run.output().contains("[ok] the recipient received 2.5 TRX"), run.output());
    assertTrue(Files.exists(dir.resolve("unsigned.hex")));
    assertTrue(Files.exists(dir.resolve("signed.hex")));
    assertFalse(run.output().contains("dev-only-password"), "the password is never printed");
    assertFalse(run.output().contains("[FAIL]"), run.output());
  }
}

package io.tronpay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookReceiverTest {
  @Test
  void run_acceptsTheSignedEvent_andRefusesBothForgeries() throws Exception {
    Recipes.Run run = Recipes.run(out -> WebhookReceiver.run(out));

    String output = run.output();
    assertEquals(0, run.status(), output);
    assertTrue(output.contains("[ok] the signed event was accepted (200)"), output);
    assertTrue(output.contains("[ok] the event with a changed amount was refused (401)"), output);
    assertTrue(output.contains("[ok] the event signed with a made-up secret was refused (401)"),
        output);
    assertTrue(output.contains("[ok] exactly one event was acted on, the genuine one"), output);
    assertFalse(output.contains("[FAIL]"), output);
  }

  @Test
  void run_secretFromFile_neverPrintsTheSecret(@TempDir Path dir) throws Exception {
    // The secret of the Standard Webhooks specification's signature example.
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    Path file = dir.resolve("secret.txt");
    Files.writeString(file, secret + "\n");

    Recipes.Run run = Recipes.run(out ->
        WebhookReceiver.run(out, "--secret-file", file.toString()));

    assertEquals(0, run.status(), run.output());
    assertFalse(run.output().contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), run.output());
  }
}

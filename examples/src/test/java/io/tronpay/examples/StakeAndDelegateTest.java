package io.tronpay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StakeAndDelegateTest {
  @Test
  void run_embeddedDevNode_delegatesEnergy_thenTakesItBack() throws Exception {
    Recipes.Run run = Recipes.run(out -> StakeAndDelegate.run(out, "--stake", "2500"));

    String output = run.output();
    assertEquals(0, run.status(), output);
    assertTrue(output.contains("[ok] the owner's ENERGY stake grew by 2500 TRX"), output);
    assertTrue(output.contains("[ok] the receiver now exists on chain"), output);
    assertTrue(output.contains("[ok] the receiver's lent energy is gone"), output);
    assertFalse(output.contains("[FAIL]"), output);
  }

  @Test
  void run_embeddedDevNode_receiverShowsEnergyWhileLent_andNoneAfter() throws Exception {
    Recipes.Run run = Recipes.run(out -> StakeAndDelegate.run(out));

    String output = run.output();
    assertEquals(0, run.status(), output);
    Matcher shown = Pattern.compile("receiver's energy \\(getAccountResource\\): (\\d+)")
        .matcher(output);
    assertTrue(shown.find(), output);
    long whileLent = Long.parseLong(shown.group(1));
    assertTrue(shown.find(), output);
    long afterwards = Long.parseLong(shown.group(1));
    assertTrue(whileLent > 0, output);
    assertEquals(0L, afterwards);
  }
}

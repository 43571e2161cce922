package io.tronpay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SendUsdtTest {
  @Test
  void run_embeddedDevNode_paysDirectly_thenPaysTheIdempotentPayoutOnce() throws Exception {
    Recipes.Run run = Recipes.run(out -> SendUsdt.run(out, "--amount", "3.75"));

    String output = run.output();
    assertEquals(0, run.status(), output);
    assertTrue(output.contains("[ok] the recipient's balance rose by exactly 3.75 USDT"), output);
    assertTrue(output.contains("[ok] the recipient's balance rose by 3.75 USDT once, not twice"),
        output);
    assertFalse(output.contains("[FAIL]"), output);
  }

  @Test
  void run_embeddedDevNode_bothSubmitsPrintTheSameTransaction() throws Exception {
    Recipes.Run run = Recipes.run(out -> SendUsdt.run(out));

    String output = run.output();
    assertEquals(0, run.status(), output);
    Matcher first = Pattern.compile("first submit: +(\\S+) \\S+ txID ([0-9a-f]{64})")
        .matcher(output);
    Matcher second = Pattern.compile("second submit: +(\\S+) \\S+ txID ([0-9a-f]{64})")
        .matcher(output);
    assertTrue(first.find(), output);
    assertTrue(second.find(), output);
    assertEquals(first.group(1), second.group(1));
    assertEquals(first.group(2), second.group(2));
  }

  @Test
  void run_unknownOption_namesIt() {
    Args.UsageException e = assertThrows(
        Args.UsageException.class, () -> Recipes.run(out -> SendUsdt.run(out, "--amout", "1")));

    assertTrue(e.getMessage().contains("--amout"), e.getMessage());
  }
}

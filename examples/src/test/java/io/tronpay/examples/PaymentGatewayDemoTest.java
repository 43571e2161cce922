package io.tronpay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaymentGatewayDemoTest {
  private static final List<String> STEPS = List.of(
      " 1. Create the treasury mnemonic",
      " 2. Derive the account xpub",
      " 3. Open the H2 payment store",
      " 4. Start the payment monitor",
      " 5. Create 3 orders with fresh deposit addresses",
      " 6. Show a deposit address as a QR code",
      " 7. Customers pay",
      " 8. Listener events",
      " 9. Wait for confirmations",
      "10. Refund the underpaid order",
      "11. Sweep the deposits to the treasury",
      "12. Final report");

  /** One run serves every test: the story takes several seconds. */
  private static Recipes.Run run;

  @BeforeAll
  static void runTheDemo() throws Exception {
    run = Recipes.run(PaymentGatewayDemo::run);
  }

  @Test
  void run_embeddedDevNode_everyPromisedOutcomeHappens() {
    String output = run.output();
    assertEquals(0, run.status(), output);
    assertFalse(output.contains("[FAIL]"), output);
    assertFalse(output.contains("gave up after"), output);
    assertTrue(output.contains("All checks passed"), output);
  }

  @Test
  void run_narratesTwelveStepsInOrder_withTheEventsAndChecksANewcomerShouldSee() {
    String output = run.output();

    int at = -1;
    for (String step : STEPS) {
      int next = output.indexOf("\n" + step + "\n");
      assertTrue(next > at, "missing or out of order: " + step + "\n" + output);
      at = next;
    }
    assertTrue(Pattern.compile("payment\\.confirmed +A-1002 CONFIRMED +\\+20\\.00 USDT")
        .matcher(output).find(), "A-1002 must be confirmed by its second part\n" + output);
    assertTrue(Pattern.compile("payment\\.underpaid +A-1003 UNDERPAID").matcher(output).find(),
        output);
    assertTrue(output.contains("[ok] the monitor ignored it"), output);
    assertTrue(output.contains("[ok] Carol's USDT balance on the DevNode rose by exactly"
        + " 15.00 USDT"), output);
    assertTrue(output.contains("[ok] every deposit address holds 0 USDT"), output);
    assertTrue(output.contains("What each step cost the shop"), output);
    // The terminal QR code: half-block characters, one row per two module rows.
    assertTrue(output.contains("\u2588\u2588\u2588\u2588 \u2584\u2584\u2584\u2584\u2584 \u2588"),
        output);
  }

  @Test
  void run_neverPrintsTheTreasurySecrets() {
    String output = run.output();

    assertFalse(output.contains("xprv"), output);
    assertFalse(output.toLowerCase(Locale.ROOT).contains("private key"), output);
  }
}

package io.tronpay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WatchPaymentTest {
  @Test
  void run_embeddedDevNode_paysTheOrder_andPrintsDetectedThenConfirmed() throws Exception {
    Recipes.Run run = Recipes.run(out -> WatchPayment.run(out, "--amount", "7.25"));

    assertEquals(0, run.status(), run.output());
    String output = run.output();
    int detected = output.indexOf("payment.detected  order A-1  status SEEN");
    int confirmed = output.indexOf("payment.confirmed  order A-1  status CONFIRMED"
        + "  received 7.25 USDT");
    assertTrue(detected > 0, output);
    assertTrue(confirmed > detected, output);
    assertFalse(output.contains("[FAIL]"), output);
  }
}

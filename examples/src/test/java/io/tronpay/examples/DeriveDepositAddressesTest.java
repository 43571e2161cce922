package io.tronpay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeriveDepositAddressesTest {
  @Test
  void run_tronwebXpub_derivesTronwebAddresses_andRestoresPastTheLastDeposit() throws Exception {
    String vector = Recipes.tronwebVector();

    Recipes.Run run = Recipes.run(out -> DeriveDepositAddresses.run(out,
        "--xpub", Recipes.jsonStrings(vector, "xpub").get(0), "--count", "3", "--gap-limit", "5"));

    assertEquals(0, run.status(), run.output());
    for (String address : Recipes.jsonStrings(vector, "address")) {
      assertTrue(run.output().contains(address), address + " missing in\n" + run.output());
    }
    // The recipe simulates deposits at indexes 0, 1 and 4 on its DevNode.
    assertTrue(run.output().contains("next index to hand out: 5"), run.output());
    assertTrue(run.output().contains("lowest unused index: 2"), run.output());
    assertTrue(run.output().contains("addresses checked: 10"), run.output());
    assertFalse(run.output().contains("[FAIL]"), run.output());
  }
}

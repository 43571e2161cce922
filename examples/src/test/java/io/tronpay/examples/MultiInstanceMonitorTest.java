package io.tronpay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MultiInstanceMonitorTest {
  private static final String POSTGRES_ENV = "TRONPAY_TEST_POSTGRES_URL";

  @Test
  void run_sharedH2_theStandbyTakesOver_andDeliversTheConfirmation() throws Exception {
    Recipes.Run run = Recipes.run(out -> MultiInstanceMonitor.run(out, "--amount", "4.5"));

    assertTakeOver(run, "4.5");
    assertTrue(run.output().contains("(H2, prefix multi_"), run.output());
  }

  @Test
  void run_postgres_theStandbyTakesOver_andDeliversTheConfirmation() throws Exception {
    String url = System.getenv(POSTGRES_ENV);
    if (url == null || url.isBlank()) {
      if ("1".equals(System.getenv("TRONPAY_REQUIRE_DATABASES"))) {
        fail("TRONPAY_REQUIRE_DATABASES=1 but " + POSTGRES_ENV + " is not set");
      }
      assumeTrue(false, POSTGRES_ENV + " is not set; set it to a JDBC URL to run this test");
    }

    Recipes.Run run = Recipes.run(out -> MultiInstanceMonitor.run(out, "--jdbc-url", url));

    assertTakeOver(run, MultiInstanceMonitor.DEFAULT_AMOUNT);
    assertTrue(run.output().contains("(POSTGRESQL, prefix multi_"), run.output());
    assertFalse(run.output().contains(url), "the URL may hold a password: " + run.output());
  }

  /**
   * The detection was delivered (by either instance) before the scanner stopped, and the other
   * instance took over and delivered the confirmation.
   */
  private static void assertTakeOver(Recipes.Run run, String amount) {
    String output = run.output();
    assertEquals(0, run.status(), output);
    assertFalse(output.contains("[FAIL]"), output);
    Matcher holder = Pattern.compile("(shop-[ab]) holds the scanner lease; (shop-[ab]) stands by")
        .matcher(output);
    assertTrue(holder.find(), output);
    String scanner = holder.group(1);
    String standby = holder.group(2);
    int detected = output.indexOf("] payment.detected  order M-1  status SEEN");
    int stopped = output.indexOf("5. Stop " + scanner);
    int confirmed = output.indexOf("[" + standby + "] payment.confirmed  order M-1  status "
        + "CONFIRMED  received " + amount + " USDT");
    assertTrue(detected > 0, output);
    assertTrue(stopped > detected, output);
    assertTrue(confirmed > stopped, output);
    assertTrue(output.contains(standby + " now holds the scanner lease."), output);
  }
}

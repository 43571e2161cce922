package io.tronpay.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class OfflineUsdtTransferTest {
  @Test
  void run_buildsSignsAndChecksTheTransfer_reportingSuccess() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    int status = OfflineUsdtTransfer.run(out, Clock.systemUTC());

    String output = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, output);
    assertTrue(output.contains("All checks passed."), output);
    assertFalse(output.contains("[FAIL]"), output);
    // 12.5 USDT at 6 decimals, the amount the recipe promises.
    assertTrue(output.contains("12.5 USDT = 12500000 units"), output);
    // The USDT contract in the hex form that tronweb writes (tron-core's tronweb vectors).
    assertTrue(output.contains("\"contract_address\":\"41a614f803b6fd780986a42c78ec9c7f77e6ded13c\""),
        output);
    assertTrue(output.contains("\"fee_limit\":30000000"), output);
  }
}

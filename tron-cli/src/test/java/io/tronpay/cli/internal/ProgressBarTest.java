package io.tronpay.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void update_drawsInPlace_onlyWhenThePercentageChanges() {
    StringWriter terminal = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(terminal), 200);

    bar.update(100);
    bar.update(101);
    bar.update(200);
    bar.finish();

    assertEquals("\r[" + "#".repeat(15) + ".".repeat(15) + "] 50% 100/200"
        + "\r[" + "#".repeat(30) + "] 100% 200/200" + System.lineSeparator(),
        terminal.toString());
  }

  @Test
  void newBar_withoutSteps_isRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new ProgressBar(new PrintWriter(new StringWriter()), 0));
  }
}

package io.tronpay.examples;

import java.io.PrintStream;

/** Prints each self-check of a recipe and counts the ones that fail. */
final class Checks {
  private final PrintStream out;
  private int failures;

  Checks(PrintStream out) {
    this.out = out;
  }

  void check(String what, boolean passed) {
    out.println("   [" + (passed ? "ok" : "FAIL") + "] " + what);
    if (!passed) {
      failures++;
    }
  }

  /** Prints the verdict; returns the exit status a recipe's {@code main} should use. */
  int finish(String successLine) {
    out.println();
    if (failures > 0) {
      out.println("FAILED: " + failures + " check(s) did not pass.");
      return 1;
    }
    out.println(successLine);
    return 0;
  }
}

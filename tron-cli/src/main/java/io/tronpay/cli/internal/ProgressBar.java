package io.tronpay.cli.internal;

import java.io.PrintWriter;

/**
 * A one-line progress bar for a terminal: redrawn in place with a carriage return, and only when
 * the shown percentage changes, so a million steps cost a hundred redraws.
 */
public final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter terminal;
  private final long total;
  private int shownPercent = -1;

  /** A bar for {@code total} steps, drawn on {@code terminal}. */
  public ProgressBar(PrintWriter terminal, long total) {
    if (total <= 0) {
      throw new IllegalArgumentException("a progress bar needs a positive total, got " + total);
    }
    this.terminal = terminal;
    this.total = total;
  }

  /** Shows that {@code done} of the steps are finished. */
  public void update(long done) {
    int percent = (int) (Math.min(done, total) * 100 / total);
    if (percent == shownPercent) {
      return;
    }
    shownPercent = percent;
    int filled = percent * WIDTH / 100;
    StringBuilder line = new StringBuilder(WIDTH + 40).append('\r').append('[');
    for (int i = 0; i < WIDTH; i++) {
      line.append(i < filled ? '#' : '.');
    }
    line.append("] ").append(percent).append("% ").append(done).append('/').append(total);
    terminal.print(line);
    terminal.flush();
  }

  /** Ends the bar's line, so that what follows starts on a new one. */
  public void finish() {
    terminal.println();
  }
}

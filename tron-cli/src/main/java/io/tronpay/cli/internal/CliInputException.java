package io.tronpay.cli.internal;

/**
 * Input the command cannot use: an unreadable file, a malformed value, or a check that failed.
 * The message names the fault and never repeats secret input. The command exits with 1.
 */
public class CliInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An error whose message names the fault. */
  public CliInputException(String message) {
    super(message);
  }
}

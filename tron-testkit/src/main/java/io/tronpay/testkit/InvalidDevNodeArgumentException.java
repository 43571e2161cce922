package io.tronpay.testkit;

/** A DevNode setting or script step that cannot work; the message names the fault. */
public final class InvalidDevNodeArgumentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception naming the fault.
   *
   * @param message what is wrong, with the offending value
   */
  public InvalidDevNodeArgumentException(String message) {
    super(message);
  }
}

package io.tronpay.client;

/** A call's argument is invalid (a block range too long, a page size too big, ...). */
public class InvalidRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An error whose message names the argument and the fault. */
  public InvalidRequestException(String message) {
    super(message);
  }
}

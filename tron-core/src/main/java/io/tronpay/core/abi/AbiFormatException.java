package io.tronpay.core.abi;

/** ABI call data or an event log that is not well-formed; the message names the fault. */
public class AbiFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  AbiFormatException(String message) {
    super(message);
  }
}

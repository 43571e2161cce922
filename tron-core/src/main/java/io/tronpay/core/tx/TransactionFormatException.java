package io.tronpay.core.tx;

/**
 * Transaction bytes or JSON that cannot be read exactly: malformed protobuf, an unknown contract
 * type or field, a non-canonical encoding, or parts that disagree with each other. The message
 * names the path of the fault, such as {@code raw_data.contract[0].parameter.value}.
 */
public class TransactionFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An error with a message naming the fault and where it is. */
  public TransactionFormatException(String message) {
    super(message);
  }
}

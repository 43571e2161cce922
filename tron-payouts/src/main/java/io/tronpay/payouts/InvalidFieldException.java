package io.tronpay.payouts;

/**
 * A transaction or payout field was refused before anything was built or signed. {@link #field()}
 * names the field, such as {@code amount}, {@code to} or {@code feeLimit}; the message says why.
 */
public class InvalidFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * A refusal of {@code field}.
   *
   * @param field the field's name
   * @param reason what is wrong with it
   */
  public InvalidFieldException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  /**
   * The refused field's name.
   *
   * @return the name, such as {@code amount}
   */
  public String field() {
    return field;
  }
}

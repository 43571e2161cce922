package io.tronpay.testkit.internal;

/**
 * A broadcast the node refuses, with the node's response code (such as {@code SIGERROR}) and the
 * message it would send.
 */
public final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;

  /** A rejection with the node's code and message. */
  public Rejection(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The node's {@code response_code} name. */
  public String code() {
    return code;
  }

  static Rejection contractValidate(String detail) {
    return new Rejection("CONTRACT_VALIDATE_ERROR", "Contract validate error : " + detail);
  }

  static Rejection signature(String detail) {
    return new Rejection("SIGERROR", "Validate signature error: " + detail);
  }
}

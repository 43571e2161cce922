package io.tronpay.monitor.jdbc;

/** A table prefix that is not a plain lower-case SQL identifier start. */
public class InvalidTablePrefixException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A bad prefix.
   *
   * @param prefix the prefix given
   * @param fault what is wrong with it
   */
  public InvalidTablePrefixException(String prefix, String fault) {
    super("table prefix '" + prefix + "' " + fault);
  }
}

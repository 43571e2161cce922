package io.tronpay.checks;

/**
 * Where a known secret showed up.
 *
 * @param where the file (and line) or the object description that held it
 * @param secret the secret, printed only by its first six characters
 */
record Leak(String where, KnownSecret secret) {
  @Override
  public String toString() {
    return where + ": contains secret " + secret;
  }
}

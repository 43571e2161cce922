package io.tronpay.checks;

import java.util.List;

/**
 * One test secret and the spellings under which it could leak. {@link #toString()} shows only
 * the first six characters, so a failing check never prints a whole secret.
 *
 * @param value the secret as the vector file holds it
 * @param kind the JSON key (or shape) that marked it as secret
 * @param source the vector file it came from, relative to the repository root
 * @param forms lower-cased spellings to look for: the value itself and its hex/byte/word forms
 */
record KnownSecret(String value, String kind, String source, List<String> forms) {

  String prefix() {
    return value.substring(0, Math.min(6, value.length()));
  }

  @Override
  public String toString() {
    return prefix() + "… (" + kind + " from " + source + ")";
  }
}

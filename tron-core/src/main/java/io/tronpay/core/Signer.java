package io.tronpay.core;

/**
 * Signs 32-byte hashes. This is the only way the SDK asks for a signature, so a host can keep keys
 * in an HSM or a KMS by implementing this one method.
 *
 * <p>Implementations must return a recoverable signature over exactly the given hash (no further
 * hashing), with a low S value so that the bytes are canonical.
 */
@FunctionalInterface
public interface Signer {
  /**
   * Signs {@code hash32}, for example a transaction id or a TIP-191 message hash.
   *
   * @param hash32 exactly 32 bytes
   */
  Signature sign(byte[] hash32);
}

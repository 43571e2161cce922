package io.tronpay.core;

import java.nio.charset.StandardCharsets;

/**
 * TIP-191 signed messages, as produced by tronweb's {@code signMessageV2} and TronLink: the
 * Keccak-256 of {@code "\x19TRON Signed Message:\n" + byteLength + message}.
 */
public final class MessageSigning {
  private static final byte[] PREFIX =
      "\u0019TRON Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

  private MessageSigning() {}

  /** The TIP-191 hash of raw message bytes. */
  public static byte[] hash(byte[] message) {
    byte[] length = Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII);
    byte[] prefixed = new byte[PREFIX.length + length.length + message.length];
    System.arraycopy(PREFIX, 0, prefixed, 0, PREFIX.length);
    System.arraycopy(length, 0, prefixed, PREFIX.length, length.length);
    System.arraycopy(message, 0, prefixed, PREFIX.length + length.length, message.length);
    return Hashes.keccak256(prefixed);
  }

  /** The TIP-191 hash of a text message, taken as its UTF-8 bytes. */
  public static byte[] hash(String message) {
    return hash(message.getBytes(StandardCharsets.UTF_8));
  }

  /** Signs a text message (its UTF-8 bytes). */
  public static Signature sign(String message, Signer signer) {
    return signer.sign(hash(message));
  }

  /** Signs raw message bytes. */
  public static Signature sign(byte[] message, Signer signer) {
    return signer.sign(hash(message));
  }

  /** The address that signed a text message. */
  public static Address recover(String message, Signature signature) {
    return signature.recoverAddress(hash(message));
  }

  /** The address that signed raw message bytes. */
  public static Address recover(byte[] message, Signature signature) {
    return signature.recoverAddress(hash(message));
  }

  /** Whether {@code address} signed the text message. */
  public static boolean verify(String message, Signature signature, Address address) {
    return signature.verify(hash(message), address);
  }
}

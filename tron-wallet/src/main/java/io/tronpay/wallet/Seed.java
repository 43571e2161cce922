package io.tronpay.wallet;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A BIP32 seed: a secret. BIP39 makes 64 bytes from a mnemonic; BIP32 accepts 16 to 64.
 *
 * <p>It has no {@code equals} or {@code hashCode}, its {@code toString()} is redacted, its bytes
 * leave only through {@link #revealSecretBytes()}, and {@link #destroy()} zeroes them.
 */
public final class Seed implements Destroyable {
  /** The shortest seed BIP32 accepts, in bytes. */
  public static final int MIN_LENGTH = 16;
  /** The longest seed BIP32 accepts, in bytes. */
  public static final int MAX_LENGTH = 64;

  private final byte[] bytes;
  private volatile boolean destroyed;

  private Seed(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A seed from raw bytes (copied), for example from another wallet's export.
   *
   * @throws SeedLengthException if it is not 16 to 64 bytes
   */
  public static Seed fromBytes(byte[] bytes) {
    if (bytes.length < MIN_LENGTH || bytes.length > MAX_LENGTH) {
      throw new SeedLengthException(bytes.length);
    }
    return new Seed(bytes.clone());
  }

  /** Takes ownership of {@code bytes} without copying; for this package's own derivations. */
  static Seed wrap(byte[] bytes) {
    return new Seed(bytes);
  }

  /** The length in bytes. */
  public int length() {
    return bytes.length;
  }

  /**
   * A copy of the secret bytes. This is the single way out for the seed: keep the call visible.
   *
   * @throws IllegalStateException if the seed was destroyed
   */
  public byte[] revealSecretBytes() {
    checkNotDestroyed();
    return bytes.clone();
  }

  /** Read access for derivations in this package, without a copy. */
  byte[] bytesForDerivation() {
    checkNotDestroyed();
    return bytes;
  }

  /** Zeroes the bytes; every later use throws {@link IllegalStateException}. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("seed has been destroyed");
    }
  }

  /** Shows the length only. */
  @Override
  public String toString() {
    return destroyed ? "Seed[destroyed]" : "Seed[" + bytes.length + " bytes, redacted]";
  }

  /** A seed of a length BIP32 does not accept. */
  public static final class SeedLengthException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SeedLengthException(int length) {
      super("a BIP32 seed is " + MIN_LENGTH + " to " + MAX_LENGTH + " bytes, got " + length);
    }
  }
}

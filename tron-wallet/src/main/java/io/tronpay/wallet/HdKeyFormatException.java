package io.tronpay.wallet;

/**
 * An extended key ({@code xprv}/{@code xpub}) that cannot be read. The subclasses name the fault;
 * messages never repeat the input, which may be a private key.
 */
public class HdKeyFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  HdKeyFormatException(String message) {
    super(message);
  }

  /** Not Base58, or a bad Base58Check checksum, or not the 78 bytes of an extended key. */
  public static final class BadEncoding extends HdKeyFormatException {
    private static final long serialVersionUID = 1L;

    BadEncoding(String message) {
      super(message);
    }
  }

  /** The Base58Check checksum does not match. */
  public static final class BadChecksum extends HdKeyFormatException {
    private static final long serialVersionUID = 1L;

    BadChecksum() {
      super("extended key checksum does not match");
    }
  }

  /** Version bytes other than xprv/xpub (mainnet) or tprv/tpub (testnet). */
  public static final class UnknownVersion extends HdKeyFormatException {
    private static final long serialVersionUID = 1L;

    UnknownVersion(int version) {
      super(String.format("unknown extended key version 0x%08x; expected xprv, xpub, tprv or tpub",
          version));
    }
  }

  /**
   * Key data that does not fit the version: an {@code xpub} whose key does not start with 02 or
   * 03, or an {@code xprv} whose key does not start with 00.
   */
  public static final class WrongKeyPrefix extends HdKeyFormatException {
    private static final long serialVersionUID = 1L;

    WrongKeyPrefix(String message) {
      super(message);
    }
  }

  /** An {@code xpub} whose X coordinate is not on secp256k1. */
  public static final class KeyNotOnCurve extends HdKeyFormatException {
    private static final long serialVersionUID = 1L;

    KeyNotOnCurve() {
      super("extended public key is not a point on secp256k1");
    }
  }

  /** An {@code xprv} whose private key is 0 or not below the curve order n. */
  public static final class PrivateKeyOutOfRange extends HdKeyFormatException {
    private static final long serialVersionUID = 1L;

    PrivateKeyOutOfRange() {
      super("extended private key is outside the valid range [1, n-1]");
    }
  }

  /** Depth 0 (a master key) with a non-zero parent fingerprint or child number. */
  public static final class InconsistentMasterKey extends HdKeyFormatException {
    private static final long serialVersionUID = 1L;

    InconsistentMasterKey(String message) {
      super(message);
    }
  }

  /** A private key where only a public one is accepted (a watch-only account). */
  public static final class PrivateKeyNotAccepted extends HdKeyFormatException {
    private static final long serialVersionUID = 1L;

    PrivateKeyNotAccepted() {
      super("a watch-only account takes an xpub; an xprv was given (use HdKey.neuter() first)");
    }
  }
}

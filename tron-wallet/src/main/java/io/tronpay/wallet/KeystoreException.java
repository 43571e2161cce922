package io.tronpay.wallet;

/**
 * A keystore that cannot be opened. The subclasses name the fault; no message contains a password
 * or key material.
 */
public class KeystoreException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  KeystoreException(String message) {
    super(message);
  }

  /**
   * The MAC does not match: the password is wrong, or the file was altered. No key is returned,
   * so a wrong password never yields a garbage key.
   */
  public static final class WrongPassword extends KeystoreException {
    private static final long serialVersionUID = 1L;

    WrongPassword() {
      super("keystore MAC does not match: wrong password, or the file was altered");
    }
  }

  /** Not a Web3 Secret Storage v3 document: bad JSON, or a field missing or of a wrong type. */
  public static final class Malformed extends KeystoreException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** A version, cipher, KDF or KDF parameter this reader does not support. */
  public static final class Unsupported extends KeystoreException {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message);
    }
  }

  /** The key decrypts, but its address differs from the {@code address} field of the file. */
  public static final class AddressMismatch extends KeystoreException {
    private static final long serialVersionUID = 1L;

    AddressMismatch() {
      super("keystore decrypts to a key whose address differs from the file's address field");
    }
  }
}

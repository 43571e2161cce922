package io.tronpay.core;

import java.security.SecureRandom;
import java.util.Objects;

/** A private key with its public key and address. Its {@code toString()} shows no secret. */
public final class KeyPair {
  private final PrivateKey privateKey;

  private KeyPair(PrivateKey privateKey) {
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
  }

  /** A fresh key pair from a shared {@link SecureRandom}. */
  public static KeyPair generate() {
    return new KeyPair(PrivateKey.generate());
  }

  /** A fresh key pair from {@code random}. */
  public static KeyPair generate(SecureRandom random) {
    return new KeyPair(PrivateKey.generate(random));
  }

  /** The pair of an existing private key. */
  public static KeyPair of(PrivateKey privateKey) {
    return new KeyPair(privateKey);
  }

  /** The private key (a secret). */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The public key. */
  public PublicKey publicKey() {
    return privateKey.publicKey();
  }

  /** The TRON address. */
  public Address address() {
    return privateKey.address();
  }

  @Override
  public String toString() {
    return "KeyPair[" + publicKey().address() + ", secret redacted]";
  }
}

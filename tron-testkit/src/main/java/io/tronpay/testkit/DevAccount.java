package io.tronpay.testkit;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import java.util.Objects;

/**
 * A funded development account of a {@link DevNode}. Its key is derived from the node's seed, so
 * it is public knowledge: DEV USE ONLY, never for real funds.
 */
public final class DevAccount {
  private final Address address;
  private final PrivateKey privateKey;

  DevAccount(PrivateKey privateKey) {
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    this.address = privateKey.address();
  }

  /**
   * The account's address.
   *
   * @return the address
   */
  public Address address() {
    return address;
  }

  /**
   * The signing key; sign transactions with it.
   *
   * @return the key (a core {@link PrivateKey}, whose bytes stay behind its reveal method)
   */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * The private key in hex, for a CLI to print to a developer. DEV USE ONLY.
   *
   * @return 64 hex characters
   */
  public String revealPrivateKeyHex() {
    return privateKey.revealSecretHex();
  }

  @Override
  public String toString() {
    return "DevAccount[" + address.toBase58() + ", key redacted]";
  }
}

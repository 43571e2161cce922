package io.tronpay.wallet;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.Signature;
import io.tronpay.core.Signer;
import javax.security.auth.Destroyable;

/**
 * Core's {@link Signer} for one address of an HD account, so payouts can sign as any derived
 * address. Get one from {@link TronAccount#signer(int, int)}; destroy it when done.
 */
public final class HdSigner implements Signer, Destroyable {
  private final PrivateKey key;
  private final String path;

  HdSigner(PrivateKey key, String path) {
    this.key = key;
    this.path = path;
  }

  /** Signs {@code hash32} with the derived key (RFC 6979, low S). */
  @Override
  public Signature sign(byte[] hash32) {
    return key.sign(hash32);
  }

  /** The address this signer signs for. */
  public Address address() {
    return key.address();
  }

  /** The derivation path of the key. */
  public String path() {
    return path;
  }

  /** Zeroes the key. */
  @Override
  public void destroy() {
    key.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return key.isDestroyed();
  }

  /** Path and address only. */
  @Override
  public String toString() {
    return "HdSigner[" + path + ", " + (isDestroyed() ? "destroyed" : key.address() + ", secret redacted") + "]";
  }
}

package io.tronpay.wallet;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.PublicKey;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A TRON BIP44 account {@code m/44'/195'/account'} holding its private account key: a secret.
 * Keys live at {@code …/change/index}; {@link #DEFAULT_PATH} is the one tronweb and TronLink use.
 *
 * <p>Its {@code toString()} is redacted and {@link #destroy()} zeroes the account key. Hand the
 * {@link #watchOnly()} view, not this object, to code that only needs addresses.
 */
public final class TronAccount implements Destroyable {
  /** The path of the first address, as tronweb ({@code TronWeb.fromMnemonic}) and TronLink use. */
  public static final String DEFAULT_PATH = "m/44'/195'/0'/0/0";

  private final HdKey accountKey;
  private final int account;

  private TronAccount(HdKey accountKey, int account) {
    this.accountKey = accountKey;
    this.account = account;
  }

  /**
   * The account {@code m/44'/195'/account'} of {@code seed}.
   *
   * @throws HdPathException if {@code account} is negative
   */
  public static TronAccount fromSeed(Seed seed, int account) {
    HdPath.checkIndex(account);
    HdKey master = HdKey.master(seed);
    try {
      return new TronAccount(master.derive(HdPath.parse("m/44'/195'/" + account + "'")), account);
    } finally {
      master.destroy();
    }
  }

  /**
   * The account {@code m/44'/195'/account'} of a mnemonic and its optional passphrase.
   *
   * @param passphrase the BIP39 passphrase, empty for none
   */
  public static TronAccount fromMnemonic(Mnemonic mnemonic, CharSequence passphrase, int account) {
    Seed seed = mnemonic.toSeed(passphrase);
    try {
      return fromSeed(seed, account);
    } finally {
      seed.destroy();
    }
  }

  /**
   * The account of a private account key at depth 3, for example one read from an {@code xprv}.
   * The key is used as given; this account destroys it in {@link #destroy()}.
   *
   * @throws HdKeyFormatException.BadEncoding if the key is public or not at depth 3 hardened
   */
  public static TronAccount fromAccountKey(HdKey accountKey) {
    Objects.requireNonNull(accountKey, "accountKey");
    if (!accountKey.hasPrivateKey() || accountKey.depth() != 3 || !accountKey.isHardened()) {
      throw new HdKeyFormatException.BadEncoding("a TronAccount needs a private, hardened account"
          + " key at depth 3 (m/44'/195'/a'); use WatchOnlyAccount for an xpub");
    }
    return new TronAccount(accountKey, accountKey.childIndex());
  }

  /** The account number {@code a} of {@code m/44'/195'/a'}. */
  public int account() {
    return account;
  }

  /** The path {@code m/44'/195'/a'/change/index}. */
  public String path(int change, int index) {
    return HdPath.tron(account, change, index).toString();
  }

  /**
   * The extended key at {@code change/index}, holding its private key; destroy it when done.
   *
   * @throws HdPathException for a negative change or index
   */
  public HdKey key(int change, int index) {
    HdKey changeKey = accountKey.deriveNormal(change);
    try {
      return changeKey.deriveNormal(index);
    } finally {
      changeKey.destroy();
    }
  }

  /** The address at {@code change/index}. */
  public Address address(int change, int index) {
    HdKey key = key(change, index);
    try {
      return key.address();
    } finally {
      key.destroy();
    }
  }

  /** The public key at {@code change/index}. */
  public PublicKey publicKey(int change, int index) {
    HdKey key = key(change, index);
    try {
      return key.publicKey();
    } finally {
      key.destroy();
    }
  }

  /** The private key at {@code change/index}, as core's secret {@link PrivateKey}. */
  public PrivateKey privateKey(int change, int index) {
    HdKey key = key(change, index);
    try {
      return key.privateKey();
    } finally {
      key.destroy();
    }
  }

  /** A {@link io.tronpay.core.Signer} for the address at {@code change/index}. */
  public HdSigner signer(int change, int index) {
    return new HdSigner(privateKey(change, index), path(change, index));
  }

  /** The account {@code xpub}, for a watch-only server. */
  public String xpub() {
    return accountKey.toXpub();
  }

  /**
   * The account {@code xprv}: the secret in text form. Keep this call visible.
   *
   * @throws IllegalStateException if the account was destroyed
   */
  public String revealXprv() {
    return accountKey.revealXprv();
  }

  /** The addresses of this account without its private key. */
  public WatchOnlyAccount watchOnly() {
    return WatchOnlyAccount.of(accountKey);
  }

  /** Zeroes the account key; every later key derivation throws {@link IllegalStateException}. */
  @Override
  public void destroy() {
    accountKey.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return accountKey.isDestroyed();
  }

  /** The account path only. */
  @Override
  public String toString() {
    return "TronAccount[m/44'/195'/" + account + "', " + (isDestroyed() ? "destroyed" : "secret redacted") + "]";
  }
}

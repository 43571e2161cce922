package io.tronpay.wallet;

import io.tronpay.core.Address;
import io.tronpay.core.Base58Check;
import io.tronpay.core.Base58FormatException;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.PublicKey;
import io.tronpay.core.internal.Secp256k1;
import io.tronpay.wallet.internal.Bip32;
import io.tronpay.wallet.internal.GeneratorTable;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * A BIP32 extended key: a private one (a secret, read as {@code xprv}) or a public one ({@code
 * xpub}), with its chain code, depth, parent fingerprint and child number.
 *
 * <p>A private key has no {@code equals} or {@code hashCode}, a redacted {@code toString()}, leaves
 * only through {@link #revealXprv()} or {@link #privateKey()}, and can be {@link #destroy()}ed.
 */
public final class HdKey implements Destroyable {
  private static final int XPRV = 0x0488ADE4;
  private static final int XPUB = 0x0488B21E;
  private static final int TPRV = 0x04358394;
  private static final int TPUB = 0x043587CF;
  private static final int SERIALIZED_LENGTH = 78;
  private static final byte[] MASTER_HMAC_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);

  private final byte[] privateKey;
  private final byte[] chainCode;
  private final ECPoint point;
  private final byte[] compressedPublicKey;
  private final int depth;
  private final int parentFingerprint;
  private final int childNumber;
  private final boolean testnet;
  private volatile boolean destroyed;

  private HdKey(byte[] privateKey, byte[] chainCode, ECPoint point, int depth,
      int parentFingerprint, int childNumber, boolean testnet) {
    this.privateKey = privateKey;
    this.chainCode = chainCode;
    this.point = point.normalize();
    this.compressedPublicKey = this.point.getEncoded(true);
    this.depth = depth;
    this.parentFingerprint = parentFingerprint;
    this.childNumber = childNumber;
    this.testnet = testnet;
  }

  /**
   * The BIP32 master key of {@code seed}: HMAC-SHA512 keyed with {@code "Bitcoin seed"}.
   *
   * @throws InvalidChildKeyException in the negligible case that the seed gives no valid key
   */
  public static HdKey master(Seed seed) {
    byte[] i = new byte[64];
    Bip32.mac(Bip32.hmacSha512(MASTER_HMAC_KEY), seed.bytesForDerivation(), i);
    try {
      byte[] key = Arrays.copyOf(i, 32);
      BigInteger k = new BigInteger(1, key);
      if (!Secp256k1.isValidPrivateScalar(k)) {
        Arrays.fill(key, (byte) 0);
        throw new InvalidChildKeyException("this seed gives no valid BIP32 master key; use another");
      }
      return new HdKey(key, Arrays.copyOfRange(i, 32, 64), Secp256k1.multiplyGenerator(k), 0, 0,
          0, false);
    } finally {
      Arrays.fill(i, (byte) 0);
    }
  }

  /**
   * Reads an {@code xprv}, {@code xpub}, {@code tprv} or {@code tpub}.
   *
   * @throws HdKeyFormatException (a typed subclass) naming the fault: bad checksum, wrong length,
   *     unknown version, key data that does not fit the version, a public key not on the curve, a
   *     private key out of range, or a master key with a parent
   */
  public static HdKey parse(String extendedKey) {
    Objects.requireNonNull(extendedKey, "extendedKey");
    byte[] data;
    try {
      data = Base58Check.decode(extendedKey.strip());
    } catch (Base58FormatException.BadChecksum e) {
      throw new HdKeyFormatException.BadChecksum();
    } catch (Base58FormatException e) {
      throw new HdKeyFormatException.BadEncoding("extended key is not Base58Check: " + e.getMessage());
    }
    try {
      return fromSerialized(data);
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  private static HdKey fromSerialized(byte[] data) {
    if (data.length != SERIALIZED_LENGTH) {
      throw new HdKeyFormatException.BadEncoding(
          "extended key is " + data.length + " bytes, expected " + SERIALIZED_LENGTH);
    }
    ByteBuffer buffer = ByteBuffer.wrap(data);
    int version = buffer.getInt();
    boolean isPrivate = version == XPRV || version == TPRV;
    boolean isPublic = version == XPUB || version == TPUB;
    if (!isPrivate && !isPublic) {
      throw new HdKeyFormatException.UnknownVersion(version);
    }
    boolean testnet = version == TPRV || version == TPUB;
    int depth = buffer.get() & 0xFF;
    int parentFingerprint = buffer.getInt();
    int childNumber = buffer.getInt();
    if (depth == 0 && parentFingerprint != 0) {
      throw new HdKeyFormatException.InconsistentMasterKey(
          "extended key has depth 0 (a master key) but a non-zero parent fingerprint");
    }
    if (depth == 0 && childNumber != 0) {
      throw new HdKeyFormatException.InconsistentMasterKey(
          "extended key has depth 0 (a master key) but a non-zero child number");
    }
    byte[] chainCode = new byte[32];
    buffer.get(chainCode);
    byte[] keyData = new byte[33];
    buffer.get(keyData);
    if (isPrivate) {
      if (keyData[0] != 0) {
        throw new HdKeyFormatException.WrongKeyPrefix(String.format(
            "xprv key data must start with 00, got %02x (public key data under a private version)",
            keyData[0] & 0xFF));
      }
      byte[] key = Arrays.copyOfRange(keyData, 1, 33);
      Arrays.fill(keyData, (byte) 0);
      BigInteger k = new BigInteger(1, key);
      if (!Secp256k1.isValidPrivateScalar(k)) {
        Arrays.fill(key, (byte) 0);
        throw new HdKeyFormatException.PrivateKeyOutOfRange();
      }
      return new HdKey(key, chainCode, Secp256k1.multiplyGenerator(k), depth, parentFingerprint,
          childNumber, testnet);
    }
    if (keyData[0] != 2 && keyData[0] != 3) {
      throw new HdKeyFormatException.WrongKeyPrefix(String.format(
          "xpub key data must start with 02 or 03 (compressed point), got %02x", keyData[0] & 0xFF));
    }
    ECPoint point;
    try {
      point = Secp256k1.CURVE.decodePoint(keyData);
    } catch (IllegalArgumentException e) {
      throw new HdKeyFormatException.KeyNotOnCurve();
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new HdKeyFormatException.KeyNotOnCurve();
    }
    return new HdKey(null, chainCode, point, depth, parentFingerprint, childNumber, testnet);
  }

  /**
   * The child with the raw child number {@code childNumber}: hardened if {@link
   * HdPath#HARDENED_BIT} is set.
   *
   * @throws HdPathException for a hardened child of a public key
   * @throws InvalidChildKeyException in the negligible case that BIP32 says to skip this index
   */
  public HdKey deriveChild(int childNumber) {
    checkNotDestroyed();
    if (depth == 255) {
      throw new HdPathException("cannot derive below depth 255");
    }
    boolean hardened = (childNumber & HdPath.HARDENED_BIT) != 0;
    int fingerprint = fingerprint();
    byte[] data = new byte[37];
    if (hardened) {
      if (privateKey == null) {
        throw new HdPathException("cannot derive the hardened child "
            + HdPath.format(childNumber) + " from a public key; an xprv is needed");
      }
      System.arraycopy(privateKey, 0, data, 1, 32);
    } else {
      System.arraycopy(compressedPublicKey, 0, data, 0, 33);
    }
    data[33] = (byte) (childNumber >>> 24);
    data[34] = (byte) (childNumber >>> 16);
    data[35] = (byte) (childNumber >>> 8);
    data[36] = (byte) childNumber;
    byte[] i = new byte[64];
    Bip32.mac(Bip32.hmacSha512(chainCode), data, i);
    Arrays.fill(data, (byte) 0);
    try {
      BigInteger il = new BigInteger(1, Arrays.copyOf(i, 32));
      byte[] childChain = Arrays.copyOfRange(i, 32, 64);
      if (il.compareTo(Secp256k1.N) >= 0) {
        throw invalidChild(childNumber);
      }
      if (privateKey != null) {
        BigInteger k = il.add(new BigInteger(1, privateKey)).mod(Secp256k1.N);
        if (k.signum() == 0) {
          throw invalidChild(childNumber);
        }
        byte[] childKey = BigIntegers.asUnsignedByteArray(32, k);
        return new HdKey(childKey, childChain, Secp256k1.multiplyGenerator(k), depth + 1,
            fingerprint, childNumber, testnet);
      }
      ECPoint childPoint = GeneratorTable.multiplyGeneratorAndAdd(i, 0, point).normalize();
      if (childPoint.isInfinity()) {
        throw invalidChild(childNumber);
      }
      return new HdKey(null, childChain, childPoint, depth + 1, fingerprint, childNumber, testnet);
    } finally {
      Arrays.fill(i, (byte) 0);
    }
  }

  private static InvalidChildKeyException invalidChild(int childNumber) {
    return new InvalidChildKeyException("BIP32 child " + HdPath.format(childNumber)
        + " is not a valid key (probability below 2^-127); skip to the next index");
  }

  /** The normal (non-hardened) child {@code index}; see {@link #deriveChild(int)}. */
  public HdKey deriveNormal(int index) {
    return deriveChild(HdPath.normal(index));
  }

  /** The hardened child {@code index'}; see {@link #deriveChild(int)}. */
  public HdKey deriveHardened(int index) {
    return deriveChild(HdPath.hardened(index));
  }

  /**
   * The key at {@code path}, such as {@code m/44'/195'/0'/0/5} (from a master key) or {@code 0/5}
   * (relative to this key).
   *
   * @throws HdPathException for a bad path, an absolute path on a non-master key, or a hardened
   *     step below a public key
   */
  public HdKey derive(String path) {
    return derive(HdPath.parse(path));
  }

  /** The key at {@code path}; see {@link #derive(String)}. */
  public HdKey derive(HdPath path) {
    if (path.isAbsolute() && depth != 0) {
      throw new HdPathException("the absolute path " + path + " needs a master key; this key has"
          + " depth " + depth + " (write the path relative to it, without m/)");
    }
    HdKey key = this;
    for (int i = 0; i < path.length(); i++) {
      HdKey next = key.deriveChild(path.childNumber(i));
      if (key != this) {
        key.destroy();
      }
      key = next;
    }
    return key;
  }

  /** The public-only version of this key, which serializes as {@code xpub}. */
  public HdKey neuter() {
    checkNotDestroyed();
    return new HdKey(null, chainCode.clone(), point, depth, parentFingerprint, childNumber, testnet);
  }

  /** Whether this key holds a private key. */
  public boolean hasPrivateKey() {
    return privateKey != null;
  }

  /** The depth: 0 for a master key, 3 for a BIP44 account, 5 for an address key. */
  public int depth() {
    return depth;
  }

  /** The raw child number, with {@link HdPath#HARDENED_BIT} set for a hardened child. */
  public int childNumber() {
    return childNumber;
  }

  /** The child index without the hardened bit. */
  public int childIndex() {
    return childNumber & HdPath.MAX_INDEX;
  }

  /** Whether this key is a hardened child. */
  public boolean isHardened() {
    return (childNumber & HdPath.HARDENED_BIT) != 0;
  }

  /** The parent's fingerprint (0 for a master key). */
  public int parentFingerprint() {
    return parentFingerprint;
  }

  /** This key's fingerprint: the first 4 bytes of HASH160 of the compressed public key. */
  public int fingerprint() {
    return Bip32.fingerprint(compressedPublicKey);
  }

  /** Whether this key was read with testnet version bytes ({@code tprv}/{@code tpub}). */
  public boolean isTestnet() {
    return testnet;
  }

  /** The 32-byte chain code (a copy). */
  public byte[] chainCode() {
    checkNotDestroyed();
    return chainCode.clone();
  }

  /** The public key. */
  public PublicKey publicKey() {
    return PublicKey.fromBytes(compressedPublicKey);
  }

  /** The TRON address of this key. */
  public Address address() {
    return Addresses.fromPoint(point);
  }

  ECPoint point() {
    return point;
  }

  byte[] compressedPublicKey() {
    return compressedPublicKey;
  }

  /**
   * The private key, as core's secret {@link PrivateKey}; destroy it when done.
   *
   * @throws IllegalStateException if this is a public key or was destroyed
   */
  public PrivateKey privateKey() {
    checkNotDestroyed();
    if (privateKey == null) {
      throw new IllegalStateException("this extended key is public only (an xpub)");
    }
    return PrivateKey.fromBytes(privateKey);
  }

  /** The {@code xpub} (or {@code tpub}) of this key. */
  public String toXpub() {
    checkNotDestroyed();
    byte[] data = serialize(testnet ? TPUB : XPUB, compressedPublicKey);
    return Base58Check.encode(data);
  }

  /**
   * The {@code xprv} (or {@code tprv}): the secret in text form. Keep this call visible.
   *
   * @throws IllegalStateException if this is a public key or was destroyed
   */
  public String revealXprv() {
    checkNotDestroyed();
    if (privateKey == null) {
      throw new IllegalStateException("this extended key is public only (an xpub)");
    }
    byte[] keyData = new byte[33];
    System.arraycopy(privateKey, 0, keyData, 1, 32);
    byte[] data = serialize(testnet ? TPRV : XPRV, keyData);
    try {
      return Base58Check.encode(data);
    } finally {
      Arrays.fill(keyData, (byte) 0);
      Arrays.fill(data, (byte) 0);
    }
  }

  private byte[] serialize(int version, byte[] keyData) {
    ByteBuffer buffer = ByteBuffer.allocate(SERIALIZED_LENGTH);
    buffer.putInt(version).put((byte) depth).putInt(parentFingerprint).putInt(childNumber)
        .put(chainCode).put(keyData);
    return buffer.array();
  }

  /** Zeroes the private key and chain code; every later secret use throws. */
  @Override
  public void destroy() {
    destroyed = true;
    if (privateKey != null) {
      Arrays.fill(privateKey, (byte) 0);
    }
    Arrays.fill(chainCode, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("extended key has been destroyed");
    }
  }

  /** Depth, child number and fingerprint; never key material. */
  @Override
  public String toString() {
    if (destroyed) {
      return "HdKey[destroyed]";
    }
    return String.format("HdKey[%s, depth=%d, child=%s, fingerprint=%08x%s]",
        privateKey != null ? "private" : "public", depth, HdPath.format(childNumber), fingerprint(),
        privateKey != null ? ", secret redacted" : "");
  }
}

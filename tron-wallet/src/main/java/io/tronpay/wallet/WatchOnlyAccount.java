package io.tronpay.wallet;

import io.tronpay.core.Address;
import io.tronpay.core.internal.Secp256k1;
import io.tronpay.wallet.internal.Bip32;
import io.tronpay.wallet.internal.GeneratorTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Deposit addresses derived from an account {@code xpub} ({@code m/44'/195'/a'}), on a server that
 * holds no private key. It is built from public data only and cannot hold a secret.
 *
 * <p>Addresses are {@code …/change/index}; {@link #address(int)} uses change 0, the receiving
 * chain. Derivation keeps the change-level point and chain code, so each address costs one
 * HMAC-SHA512, one fixed-base multiplication and one Keccak; ranges share a single field
 * inversion. Instances are immutable and thread-safe.
 */
public final class WatchOnlyAccount {
  private static final int BATCH = 256;

  private final HdKey accountKey;
  private final String pathPrefix;
  private final ChainNode[] chains = new ChainNode[2];

  private WatchOnlyAccount(HdKey accountKey) {
    this.accountKey = accountKey;
    this.pathPrefix = accountKey.depth() == 3 && accountKey.isHardened()
        ? "m/44'/195'/" + accountKey.childIndex() + "'/"
        : "";
  }

  /**
   * The account of an {@code xpub} (or {@code tpub}).
   *
   * @throws HdKeyFormatException naming the fault, including {@link
   *     HdKeyFormatException.PrivateKeyNotAccepted} for an {@code xprv}
   */
  public static WatchOnlyAccount fromXpub(String xpub) {
    HdKey key = HdKey.parse(xpub);
    if (key.hasPrivateKey()) {
      key.destroy();
      throw new HdKeyFormatException.PrivateKeyNotAccepted();
    }
    return new WatchOnlyAccount(key);
  }

  /** The account of a public {@link HdKey}; a private one is neutered first. */
  public static WatchOnlyAccount of(HdKey accountKey) {
    return new WatchOnlyAccount(accountKey.hasPrivateKey() ? accountKey.neuter() : accountKey);
  }

  /** The account {@code xpub}. */
  public String xpub() {
    return accountKey.toXpub();
  }

  /** The receiving address {@code 0/index}. */
  public Address address(int index) {
    return address(0, index);
  }

  /**
   * The address {@code change/index}.
   *
   * @throws HdPathException for a negative change or index
   */
  public Address address(int change, int index) {
    ChainNode node = chain(change);
    HdPath.checkIndex(index);
    return Addresses.fromPoint(node.child(Bip32.hmacSha512(node.chainCode), index).normalize());
  }

  /** The path of {@code change/index}; see {@link DerivedAddress#path()}. */
  public String path(int change, int index) {
    return pathPrefix + HdPath.checkIndex(change) + "/" + HdPath.checkIndex(index);
  }

  /** The receiving addresses {@code 0/from} to {@code 0/(from+count-1)}. */
  public List<Address> addresses(int from, int count) {
    return addresses(0, from, count);
  }

  /**
   * The addresses {@code change/from} to {@code change/(from+count-1)}.
   *
   * @throws HdPathException if the range leaves 0 to 2<sup>31</sup>-1 or count is negative
   */
  public List<Address> addresses(int change, int from, int count) {
    checkRange(from, count);
    List<Address> out = new ArrayList<>(count);
    Iterator<DerivedAddress> it = iterator(change, from, count);
    while (it.hasNext()) {
      out.add(it.next().address());
    }
    return out;
  }

  /**
   * A sequential stream of {@code count} addresses from {@code change/from}, derived lazily in
   * batches, for ranges too large to hold in memory.
   *
   * @throws HdPathException if the range leaves 0 to 2<sup>31</sup>-1 or count is negative
   */
  public Stream<DerivedAddress> stream(int change, int from, long count) {
    checkRange(from, count);
    return StreamSupport.stream(Spliterators.spliterator(iterator(change, from, count), count,
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
  }

  /** An iterator over {@code count} addresses from {@code change/from}; see {@link #stream}. */
  public Iterator<DerivedAddress> iterator(int change, int from, long count) {
    checkRange(from, count);
    return new BatchIterator(chain(change), change, from, count);
  }

  private static void checkRange(int from, long count) {
    HdPath.checkIndex(from);
    if (count < 0 || from + count - 1 > HdPath.MAX_INDEX) {
      throw new HdPathException("address range from " + from + " count " + count
          + " leaves the index range 0 to " + HdPath.MAX_INDEX);
    }
  }

  private ChainNode chain(int change) {
    HdPath.checkIndex(change);
    if (change < chains.length) {
      synchronized (chains) {
        ChainNode node = chains[change];
        if (node == null) {
          node = new ChainNode(accountKey.deriveChild(change));
          chains[change] = node;
        }
        return node;
      }
    }
    return new ChainNode(accountKey.deriveChild(change));
  }

  /** The change-level key, kept as the parts each child derivation needs. */
  private static final class ChainNode {
    final ECPoint point;
    final byte[] compressed;
    final byte[] chainCode;

    ChainNode(HdKey key) {
      this.point = key.point();
      this.compressed = key.compressedPublicKey();
      this.chainCode = key.chainCode();
    }

    /** The child point, not normalized. */
    ECPoint child(HMac mac, int index) {
      byte[] data = new byte[37];
      System.arraycopy(compressed, 0, data, 0, 33);
      data[33] = (byte) (index >>> 24);
      data[34] = (byte) (index >>> 16);
      data[35] = (byte) (index >>> 8);
      data[36] = (byte) index;
      byte[] i = new byte[64];
      Bip32.mac(mac, data, i);
      if (compareToOrder(i) >= 0) {
        throw new InvalidChildKeyException("BIP32 child " + index
            + " is not a valid key (probability below 2^-127); skip to the next index");
      }
      ECPoint child = GeneratorTable.multiplyGeneratorAndAdd(i, 0, point);
      if (child.isInfinity()) {
        throw new InvalidChildKeyException("BIP32 child " + index + " is the point at infinity");
      }
      return child;
    }

    private static int compareToOrder(byte[] il) {
      byte[] n = ORDER;
      for (int k = 0; k < 32; k++) {
        int a = il[k] & 0xFF;
        int b = n[k] & 0xFF;
        if (a != b) {
          return a < b ? -1 : 1;
        }
      }
      return 0;
    }

    private static final byte[] ORDER =
        org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, Secp256k1.N);
  }

  private final class BatchIterator implements Iterator<DerivedAddress> {
    private final ChainNode node;
    private final int change;
    private final HMac mac;
    private long next;
    private final long end;
    private final DerivedAddress[] batch = new DerivedAddress[BATCH];
    private int batchStart;
    private int batchSize;

    BatchIterator(ChainNode node, int change, int from, long count) {
      this.node = node;
      this.change = change;
      this.mac = Bip32.hmacSha512(node.chainCode);
      this.next = from;
      this.end = from + count;
      this.batchStart = from;
    }

    @Override
    public boolean hasNext() {
      return next < end;
    }

    @Override
    public DerivedAddress next() {
      if (next >= end) {
        throw new NoSuchElementException();
      }
      int offset = (int) (next - batchStart);
      if (offset >= batchSize) {
        fill();
        offset = 0;
      }
      next++;
      return batch[offset];
    }

    private void fill() {
      batchStart = (int) next;
      batchSize = (int) Math.min(BATCH, end - next);
      ECPoint[] points = new ECPoint[batchSize];
      for (int k = 0; k < batchSize; k++) {
        points[k] = node.child(mac, batchStart + k);
      }
      // One shared field inversion for the whole batch (Montgomery's trick).
      Secp256k1.CURVE.normalizeAll(points);
      for (int k = 0; k < batchSize; k++) {
        int index = batchStart + k;
        batch[k] = new DerivedAddress(change, index, path(change, index),
            Addresses.fromPoint(points[k]));
      }
    }
  }

  /** The account key's depth and child number; an xpub is not a secret but is kept out of logs. */
  @Override
  public String toString() {
    return "WatchOnlyAccount[" + (pathPrefix.isEmpty() ? "depth " + accountKey.depth()
        : pathPrefix.substring(0, pathPrefix.length() - 1)) + "]";
  }

  /** Compares the account keys. */
  @Override
  public boolean equals(Object o) {
    return o instanceof WatchOnlyAccount other && xpub().equals(other.xpub());
  }

  @Override
  public int hashCode() {
    return Objects.hash(xpub());
  }
}

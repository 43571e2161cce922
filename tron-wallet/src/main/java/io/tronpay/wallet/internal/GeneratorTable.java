package io.tronpay.wallet.internal;

import io.tronpay.core.internal.Secp256k1;
import org.bouncycastle.math.ec.ECPoint;

/**
 * k·G for public scalars by a byte-wise fixed-base table: 32 rows of the 255 non-zero multiples
 * of 256<sup>j</sup>·G, stored affine. A product is then 31 mixed additions with no doubling,
 * several times faster than the comb, which is what watch-only address derivation spends its time
 * on. The table costs about a megabyte and a few milliseconds, paid on first use.
 *
 * <p>The row lookups depend on the scalar's bytes, so this is for public data only (scalars
 * derived from an xpub), never for private keys.
 */
public final class GeneratorTable {
  private static final int ROWS = 32;
  private static final int COLUMNS = 256;

  private GeneratorTable() {}

  private static final class Holder {
    static final ECPoint[][] TABLE = build();

    private static ECPoint[][] build() {
      ECPoint[][] table = new ECPoint[ROWS][];
      ECPoint base = Secp256k1.G;
      for (int row = 0; row < ROWS; row++) {
        ECPoint[] multiples = new ECPoint[COLUMNS];
        multiples[1] = base;
        for (int b = 2; b < COLUMNS; b++) {
          multiples[b] = multiples[b - 1].add(base);
        }
        ECPoint[] nonZero = new ECPoint[COLUMNS - 1];
        System.arraycopy(multiples, 1, nonZero, 0, COLUMNS - 1);
        Secp256k1.CURVE.normalizeAll(nonZero);
        System.arraycopy(nonZero, 0, multiples, 1, COLUMNS - 1);
        table[row] = multiples;
        base = multiples[COLUMNS - 1].add(base).normalize();
      }
      return table;
    }
  }

  /**
   * k·G plus {@code addend}, not normalized, for a 32-byte big-endian scalar k.
   *
   * @param addend a point to add, or the curve's infinity
   */
  public static ECPoint multiplyGeneratorAndAdd(byte[] scalar32, int offset, ECPoint addend) {
    ECPoint[][] table = Holder.TABLE;
    ECPoint sum = addend;
    for (int row = 0; row < ROWS; row++) {
      int b = scalar32[offset + 31 - row] & 0xFF;
      if (b != 0) {
        sum = sum.add(table[row][b]);
      }
    }
    return sum;
  }
}

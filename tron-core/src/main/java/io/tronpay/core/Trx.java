package io.tronpay.core;

import java.math.BigInteger;

/**
 * TRX amounts. TRX is always a {@code long} count of sun (1 TRX = 1,000,000 sun), never a
 * floating-point number; these helpers convert to and from decimal text exactly.
 */
public final class Trx {
  /** Sun in one TRX. */
  public static final long SUN_PER_TRX = 1_000_000L;
  /** TRX has six decimal places. */
  public static final int DECIMALS = 6;

  private static final BigInteger MAX_SUN = BigInteger.valueOf(Long.MAX_VALUE);

  private Trx() {}

  /**
   * Parses decimal TRX ({@code "12.345678"}) into sun.
   *
   * @throws AmountFormatException for malformed text, a negative value, more than six decimal
   *     places, or a value that does not fit in a {@code long}
   */
  public static long parseSun(String trx) {
    BigInteger sun = Decimals.parse(trx, DECIMALS, "TRX");
    if (sun.compareTo(MAX_SUN) > 0) {
      throw new AmountFormatException("amount '" + trx + "' TRX does not fit in a long of sun");
    }
    return sun.longValueExact();
  }

  /** Formats sun as decimal TRX without trailing zeros: 1500000 → {@code "1.5"}. */
  public static String format(long sun) {
    return Decimals.format(BigInteger.valueOf(sun), DECIMALS);
  }

  /** Whole TRX to sun, failing on overflow. */
  public static long toSun(long trx) {
    return Math.multiplyExact(trx, SUN_PER_TRX);
  }
}

package io.tronpay.core;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact amount of a token: an integer count of base units plus the token's decimals. USDT has
 * six decimals, so 12.5 USDT is {@code TokenAmount.of(12_500_000, 6)}.
 *
 * <p>Amounts of different decimals never compare equal and cannot be added.
 */
public final class TokenAmount implements Comparable<TokenAmount> {
  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  private final BigInteger units;
  private final int decimals;

  private TokenAmount(BigInteger units, int decimals) {
    this.units = units;
    this.decimals = decimals;
  }

  /**
   * An amount of {@code units} base units.
   *
   * @throws AmountFormatException if units is negative or beyond uint256, or decimals is not 0-77
   */
  public static TokenAmount of(BigInteger units, int decimals) {
    Objects.requireNonNull(units, "units");
    if (decimals < 0 || decimals > 77) {
      throw new AmountFormatException("decimals must be 0-77, got " + decimals);
    }
    if (units.signum() < 0) {
      throw new AmountFormatException("amount must not be negative");
    }
    if (units.compareTo(UINT256_LIMIT) >= 0) {
      throw new AmountFormatException("amount exceeds uint256");
    }
    return new TokenAmount(units, decimals);
  }

  /** An amount of {@code units} base units. */
  public static TokenAmount of(long units, int decimals) {
    return of(BigInteger.valueOf(units), decimals);
  }

  /**
   * Parses decimal text exactly: {@code parse("12.345678", 6)} is 12,345,678 units, and
   * {@code parse("12.3456789", 6)} is an error, not a rounding.
   */
  public static TokenAmount parse(String decimal, int decimals) {
    if (decimals < 0 || decimals > 77) {
      throw new AmountFormatException("decimals must be 0-77, got " + decimals);
    }
    return of(Decimals.parse(decimal, decimals, "a token with " + decimals + " decimals"), decimals);
  }

  /** The integer count of base units. */
  public BigInteger units() {
    return units;
  }

  /** The token's decimal places. */
  public int decimals() {
    return decimals;
  }

  /** Whether this amount is zero. */
  public boolean isZero() {
    return units.signum() == 0;
  }

  /** The sum; both amounts must have the same decimals. */
  public TokenAmount plus(TokenAmount other) {
    requireSameDecimals(other);
    return of(units.add(other.units), decimals);
  }

  /** The difference; fails if it would be negative. */
  public TokenAmount minus(TokenAmount other) {
    requireSameDecimals(other);
    return of(units.subtract(other.units), decimals);
  }

  /** Plain decimal text without trailing zeros, such as {@code "12.5"}. */
  public String toDecimalString() {
    return Decimals.format(units, decimals);
  }

  @Override
  public int compareTo(TokenAmount other) {
    requireSameDecimals(other);
    return units.compareTo(other.units);
  }

  private void requireSameDecimals(TokenAmount other) {
    if (decimals != other.decimals) {
      throw new IllegalArgumentException(
          "cannot combine amounts with " + decimals + " and " + other.decimals + " decimals");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenAmount other && decimals == other.decimals
        && units.equals(other.units);
  }

  @Override
  public int hashCode() {
    return 31 * units.hashCode() + decimals;
  }

  /** The decimal form, e.g. {@code 12.5}. */
  @Override
  public String toString() {
    return toDecimalString();
  }
}

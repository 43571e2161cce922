package io.tronpay.payouts;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What a payout pays: TRX ({@link #TRX}, amounts in sun) or a TRC20 token (amounts in base
 * units).
 *
 * @param symbol a display name such as {@code USDT}
 * @param contract the TRC20 contract, or null for TRX
 * @param decimals the token's decimals (6 for TRX, whose base unit is the sun)
 */
public record Asset(String symbol, Address contract, int decimals) {
  /** TRX itself; its base unit is the sun. */
  public static final Asset TRX = new Asset("TRX", null, 6);
  /** Tether USD on TRON mainnet, 6 decimals. */
  public static final Asset USDT =
      new Asset("USDT", Address.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"), 6);

  /** Checks the fields. */
  public Asset {
    Objects.requireNonNull(symbol, "symbol");
    if (decimals < 0 || decimals > 77) {
      throw new InvalidFieldException("decimals", "must be 0-77, got " + decimals);
    }
  }

  /**
   * A TRC20 token.
   *
   * @param symbol a display name
   * @param contract the token contract
   * @param decimals its decimals
   * @return the asset
   */
  public static Asset trc20(String symbol, Address contract, int decimals) {
    return new Asset(symbol, Fields.address("contract", contract), decimals);
  }

  /**
   * Whether this is TRX rather than a token.
   *
   * @return true for TRX
   */
  public boolean isTrx() {
    return contract == null;
  }

  /**
   * An amount of this asset.
   *
   * @param units base units (sun for TRX)
   * @return the amount with this asset's decimals
   */
  public TokenAmount amount(BigInteger units) {
    return TokenAmount.of(units, decimals);
  }

  /**
   * Parses a decimal amount of this asset exactly ({@code "12.5"}); more decimals than the asset
   * has is an error, not a rounding.
   *
   * @param decimal the text
   * @return the amount
   */
  public TokenAmount parse(String decimal) {
    return TokenAmount.parse(decimal, decimals);
  }

  /**
   * A stable identifier: {@code TRX} or the contract's Base58 address.
   *
   * @return the key
   */
  public String key() {
    return isTrx() ? "TRX" : contract.toBase58();
  }
}

package io.tronpay.monitor;

import io.tronpay.client.Tokens;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import java.util.Objects;

/**
 * What a payment is made in: TRX, or a TRC20 token identified by its contract. Two assets are
 * the same when their contracts are (TRX has none); the symbol is a label only.
 *
 * @param symbol a label for people and logs, such as {@code USDT}
 * @param contract the TRC20 contract, or null for TRX
 * @param decimals the asset's decimal places
 */
public record Asset(String symbol, Address contract, int decimals) {
  /** TRX, counted in sun. */
  public static final Asset TRX = new Asset("TRX", null, Trx.DECIMALS);

  /** Tether USD on mainnet (the contract DevNode also uses). */
  public static final Asset USDT = new Asset("USDT", Tokens.USDT_MAINNET, Tokens.USDT_DECIMALS);

  /** Checks the fields. */
  public Asset {
    Objects.requireNonNull(symbol, "symbol");
    if (symbol.isBlank()) {
      throw new InvalidPaymentRequestException("asset symbol must not be blank");
    }
    if (decimals < 0 || decimals > 77) {
      throw new InvalidPaymentRequestException("asset decimals must be 0-77, got " + decimals);
    }
    if (contract == null && decimals != Trx.DECIMALS) {
      throw new InvalidPaymentRequestException("TRX has " + Trx.DECIMALS + " decimals, not "
          + decimals);
    }
  }

  /**
   * A TRC20 token.
   *
   * @param symbol a label
   * @param contract the token contract
   * @param decimals the token's decimals
   * @return the asset
   */
  public static Asset trc20(String symbol, Address contract, int decimals) {
    return new Asset(symbol, Objects.requireNonNull(contract, "contract"), decimals);
  }

  /** Whether this is TRX rather than a token. */
  public boolean isTrx() {
    return contract == null;
  }

  /**
   * An amount of this asset.
   *
   * @param units base units (sun for TRX)
   * @return the exact amount with this asset's decimals
   */
  public TokenAmount amount(java.math.BigInteger units) {
    return TokenAmount.of(units, decimals);
  }

  /** Assets compare by contract only. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Asset other && Objects.equals(contract, other.contract);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(contract);
  }

  /** The symbol, with the contract for tokens. */
  @Override
  public String toString() {
    return contract == null ? symbol : symbol + "(" + contract + ")";
  }
}

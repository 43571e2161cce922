package io.tronpay.testkit;

import io.tronpay.core.Address;
import java.util.Objects;

/**
 * A TRC20 token contract deployed on a {@link DevNode}.
 *
 * @param address the contract address
 * @param name the token name, as TronGrid's token_info shows it
 * @param symbol the symbol
 * @param decimals the decimals
 */
public record DevToken(Address address, String name, String symbol, int decimals) {
  /** Checks the fields. */
  public DevToken {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(symbol, "symbol");
  }
}

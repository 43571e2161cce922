package io.tronpay.client;

import io.tronpay.core.Address;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * An account as TronGrid's {@code /v1/accounts/{address}} reports it: the node's account fields
 * plus the TRC20 balances TronGrid indexes.
 *
 * @param account the account fields
 * @param trc20Balances base units per token contract, in TronGrid's order
 */
public record TronGridAccount(Account account, Map<Address, BigInteger> trc20Balances) {
  /** Checks the fields and copies the map. */
  public TronGridAccount {
    Objects.requireNonNull(account, "account");
    trc20Balances = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(trc20Balances));
  }

  /** The balance of one token in base units, zero if TronGrid lists none. */
  public BigInteger trc20Balance(Address token) {
    return trc20Balances.getOrDefault(token, BigInteger.ZERO);
  }
}

package io.tronpay.client;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import java.util.Objects;

/**
 * A TRC20 transfer as TronGrid lists it ({@code /v1/accounts/{address}/transactions/trc20}).
 *
 * @param txId the transaction id
 * @param token the token contract
 * @param symbol the token's symbol as TronGrid reports it
 * @param blockTimestamp epoch milliseconds
 * @param from the sender
 * @param to the recipient
 * @param type the event type, normally {@code Transfer}
 * @param value the amount, exact, with the token's decimals
 */
public record Trc20Transfer(
    String txId,
    Address token,
    String symbol,
    long blockTimestamp,
    Address from,
    Address to,
    String type,
    TokenAmount value) {
  /** Checks the fields. */
  public Trc20Transfer {
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
  }
}

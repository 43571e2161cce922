package io.tronpay.client;

import java.util.List;

/**
 * The result of a read-only contract call ({@code triggerconstantcontract}).
 *
 * @param constantResult the returned words, each in hex
 * @param energyUsed energy the call would use
 * @param reverted whether the call reverted (the node's {@code transaction.ret[0].ret} is FAILED)
 */
public record ConstantCallResult(List<String> constantResult, long energyUsed, boolean reverted) {
  /** Copies the list. */
  public ConstantCallResult {
    constantResult = List.copyOf(constantResult);
  }
}

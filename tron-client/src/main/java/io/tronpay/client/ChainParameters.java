package io.tronpay.client;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The network's parameters ({@code getchainparameters}), by the node's key names, such as {@code
 * getEnergyFee}. A key the node lists without a value is 0.
 *
 * @param values every parameter
 */
public record ChainParameters(Map<String, Long> values) {
  /** Copies the map. */
  public ChainParameters {
    values = Map.copyOf(values);
  }

  /** The parameter {@code key}, if the node listed it. */
  public OptionalLong get(String key) {
    Long value = values.get(key);
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private long require(String key) {
    Long value = values.get(key);
    if (value == null) {
      throw new TronResponseException("getchainparameters: no " + key, null);
    }
    return value;
  }

  /** Sun burned per unit of energy ({@code getEnergyFee}). */
  public long energyFee() {
    return require("getEnergyFee");
  }

  /** Sun burned per byte of bandwidth ({@code getTransactionFee}). */
  public long transactionFee() {
    return require("getTransactionFee");
  }

  /** Sun to activate an account by a transfer ({@code getCreateNewAccountFeeInSystemContract}). */
  public long createNewAccountFeeInSystemContract() {
    return require("getCreateNewAccountFeeInSystemContract");
  }

  /** Sun charged for a memo ({@code getMemoFee}, 0 if the network has none). */
  public long memoFee() {
    return get("getMemoFee").orElse(0);
  }
}

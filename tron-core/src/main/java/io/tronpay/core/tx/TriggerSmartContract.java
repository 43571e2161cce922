package io.tronpay.core.tx;

import io.tronpay.core.Address;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A smart contract call, such as a TRC20 {@code transfer}.
 *
 * @param owner the caller
 * @param contractAddress the contract called
 * @param callValue sun sent along with the call
 * @param data ABI call data (copied in and out)
 * @param callTokenValue TRC10 amount sent along with the call
 * @param tokenId TRC10 token id of {@code callTokenValue}
 */
public record TriggerSmartContract(
    Address owner,
    Address contractAddress,
    long callValue,
    byte[] data,
    long callTokenValue,
    long tokenId)
    implements Contract {

  /** Checks the addresses and copies the data. */
  public TriggerSmartContract {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(contractAddress, "contractAddress");
    data = data.clone();
  }

  /** A call that sends no TRX or TRC10 along. */
  public TriggerSmartContract(Address owner, Address contractAddress, byte[] data) {
    this(owner, contractAddress, 0, data, 0, 0);
  }

  @Override
  public ContractType type() {
    return ContractType.TRIGGER_SMART_CONTRACT;
  }

  /** A copy of the call data. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TriggerSmartContract other
        && owner.equals(other.owner)
        && contractAddress.equals(other.contractAddress)
        && callValue == other.callValue
        && Arrays.equals(data, other.data)
        && callTokenValue == other.callTokenValue
        && tokenId == other.tokenId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(owner, contractAddress, callValue, Arrays.hashCode(data), callTokenValue,
        tokenId);
  }

  @Override
  public String toString() {
    return "TriggerSmartContract[owner=" + owner + ", contractAddress=" + contractAddress
        + ", callValue=" + callValue + ", data=" + HexFormat.of().formatHex(data)
        + ", callTokenValue=" + callTokenValue + ", tokenId=" + tokenId + "]";
  }
}

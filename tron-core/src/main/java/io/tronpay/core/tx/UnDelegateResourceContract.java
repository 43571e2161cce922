package io.tronpay.core.tx;

import io.tronpay.core.Address;
import java.util.Objects;

/**
 * Stake 2.0: takes back a delegated resource.
 *
 * @param owner the staking account
 * @param resource bandwidth or energy
 * @param balance sun of staked TRX whose delegation ends
 * @param receiver the account that had the resource
 */
public record UnDelegateResourceContract(
    Address owner, ResourceCode resource, long balance, Address receiver) implements Contract {
  /** Checks that the fields are present. */
  public UnDelegateResourceContract {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(receiver, "receiver");
  }

  @Override
  public ContractType type() {
    return ContractType.UNDELEGATE_RESOURCE_CONTRACT;
  }
}

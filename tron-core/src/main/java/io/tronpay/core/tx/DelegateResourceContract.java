package io.tronpay.core.tx;

import io.tronpay.core.Address;
import java.util.Objects;

/**
 * Stake 2.0: delegates the resource of staked TRX to another account.
 *
 * @param owner the staking account
 * @param resource bandwidth or energy
 * @param balance sun of staked TRX whose resource is delegated
 * @param receiver the account that gets the resource
 * @param lock whether the delegation is locked for {@code lockPeriod}
 * @param lockPeriod lock length in blocks (3 s each); 0 means the network default
 */
public record DelegateResourceContract(
    Address owner,
    ResourceCode resource,
    long balance,
    Address receiver,
    boolean lock,
    long lockPeriod)
    implements Contract {
  /** Checks that the fields are present. */
  public DelegateResourceContract {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(receiver, "receiver");
  }

  @Override
  public ContractType type() {
    return ContractType.DELEGATE_RESOURCE_CONTRACT;
  }
}

package io.tronpay.core.tx;

import io.tronpay.core.Address;
import java.util.Objects;

/**
 * Stake 2.0: starts unfreezing staked TRX; it can be withdrawn after the waiting period.
 *
 * @param owner the staking account
 * @param unfreezeBalance sun to unfreeze
 * @param resource the resource the TRX was frozen for
 */
public record UnfreezeBalanceV2Contract(Address owner, long unfreezeBalance, ResourceCode resource)
    implements Contract {
  /** Checks that the fields are present. */
  public UnfreezeBalanceV2Contract {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(resource, "resource");
  }

  @Override
  public ContractType type() {
    return ContractType.UNFREEZE_BALANCE_V2_CONTRACT;
  }
}

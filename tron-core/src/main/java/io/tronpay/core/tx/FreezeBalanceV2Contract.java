package io.tronpay.core.tx;

import io.tronpay.core.Address;
import java.util.Objects;

/**
 * Stake 2.0: freezes TRX to obtain a resource.
 *
 * @param owner the staking account
 * @param frozenBalance sun to freeze
 * @param resource bandwidth or energy
 */
public record FreezeBalanceV2Contract(Address owner, long frozenBalance, ResourceCode resource)
    implements Contract {
  /** Checks that the fields are present. */
  public FreezeBalanceV2Contract {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(resource, "resource");
  }

  @Override
  public ContractType type() {
    return ContractType.FREEZE_BALANCE_V2_CONTRACT;
  }
}

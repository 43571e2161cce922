package io.tronpay.core.tx;

import io.tronpay.core.Address;
import java.util.Objects;

/**
 * Stake 2.0: cancels every pending unfreeze, re-staking the TRX.
 *
 * @param owner the account
 */
public record CancelAllUnfreezeV2Contract(Address owner) implements Contract {
  /** Checks that the owner is present. */
  public CancelAllUnfreezeV2Contract {
    Objects.requireNonNull(owner, "owner");
  }

  @Override
  public ContractType type() {
    return ContractType.CANCEL_ALL_UNFREEZE_V2_CONTRACT;
  }
}

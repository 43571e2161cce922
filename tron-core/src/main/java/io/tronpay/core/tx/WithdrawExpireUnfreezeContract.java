package io.tronpay.core.tx;

import io.tronpay.core.Address;
import java.util.Objects;

/**
 * Stake 2.0: withdraws TRX whose unfreezing period has passed.
 *
 * @param owner the account
 */
public record WithdrawExpireUnfreezeContract(Address owner) implements Contract {
  /** Checks that the owner is present. */
  public WithdrawExpireUnfreezeContract {
    Objects.requireNonNull(owner, "owner");
  }

  @Override
  public ContractType type() {
    return ContractType.WITHDRAW_EXPIRE_UNFREEZE_CONTRACT;
  }
}

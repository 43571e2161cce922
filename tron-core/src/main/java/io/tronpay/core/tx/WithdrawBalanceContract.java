package io.tronpay.core.tx;

import io.tronpay.core.Address;
import java.util.Objects;

/**
 * Claims the account's voting rewards.
 *
 * @param owner the account
 */
public record WithdrawBalanceContract(Address owner) implements Contract {
  /** Checks that the owner is present. */
  public WithdrawBalanceContract {
    Objects.requireNonNull(owner, "owner");
  }

  @Override
  public ContractType type() {
    return ContractType.WITHDRAW_BALANCE_CONTRACT;
  }
}

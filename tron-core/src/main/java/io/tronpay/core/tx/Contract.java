package io.tronpay.core.tx;

import io.tronpay.core.Address;

/**
 * The one contract a transaction carries: what it does. Each implementation is an immutable record
 * whose fields mirror the protocol message.
 */
public sealed interface Contract
    permits TransferContract, TriggerSmartContract, FreezeBalanceV2Contract,
        UnfreezeBalanceV2Contract, DelegateResourceContract, UnDelegateResourceContract,
        WithdrawExpireUnfreezeContract, CancelAllUnfreezeV2Contract, WithdrawBalanceContract,
        VoteWitnessContract {

  /** The protocol type. */
  ContractType type();

  /** The account that must sign. */
  Address owner();
}

package io.tronpay.core.tx;

/** The contract types this SDK can build, encode and decode, with their protocol numbers. */
public enum ContractType {
  /** TRX transfer. */
  TRANSFER_CONTRACT(1, "TransferContract"),
  /** Votes for super representatives. */
  VOTE_WITNESS_CONTRACT(4, "VoteWitnessContract"),
  /** Claims voting rewards. */
  WITHDRAW_BALANCE_CONTRACT(13, "WithdrawBalanceContract"),
  /** Calls a smart contract, such as a TRC20 transfer. */
  TRIGGER_SMART_CONTRACT(31, "TriggerSmartContract"),
  /** Stake 2.0: freezes TRX for bandwidth or energy. */
  FREEZE_BALANCE_V2_CONTRACT(54, "FreezeBalanceV2Contract"),
  /** Stake 2.0: starts unfreezing staked TRX. */
  UNFREEZE_BALANCE_V2_CONTRACT(55, "UnfreezeBalanceV2Contract"),
  /** Stake 2.0: withdraws TRX whose unfreezing period has passed. */
  WITHDRAW_EXPIRE_UNFREEZE_CONTRACT(56, "WithdrawExpireUnfreezeContract"),
  /** Stake 2.0: delegates bandwidth or energy to another account. */
  DELEGATE_RESOURCE_CONTRACT(57, "DelegateResourceContract"),
  /** Stake 2.0: takes back delegated resources. */
  UNDELEGATE_RESOURCE_CONTRACT(58, "UnDelegateResourceContract"),
  /** Stake 2.0: cancels all pending unfreezes. */
  CANCEL_ALL_UNFREEZE_V2_CONTRACT(59, "CancelAllUnfreezeV2Contract");

  private static final String TYPE_URL_PREFIX = "type.googleapis.com/protocol.";

  private final int number;
  private final String protoName;

  ContractType(int number, String protoName) {
    this.number = number;
    this.protoName = protoName;
  }

  /** The protocol's enum number. */
  public int number() {
    return number;
  }

  /** The protocol's name, as in the node's JSON {@code type} field. */
  public String protoName() {
    return protoName;
  }

  /** The {@code type_url} of the contract's parameter. */
  public String typeUrl() {
    return TYPE_URL_PREFIX + protoName;
  }

  /** The type with this protocol name, or null. */
  public static ContractType forProtoName(String protoName) {
    for (ContractType type : values()) {
      if (type.protoName.equals(protoName)) {
        return type;
      }
    }
    return null;
  }

  /** The type with this protocol number, or null. */
  public static ContractType forNumber(int number) {
    for (ContractType type : values()) {
      if (type.number == number) {
        return type;
      }
    }
    return null;
  }
}

package io.tronpay.client;

import io.tronpay.core.Address;
import io.tronpay.core.tx.ResourceCode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The execution result of a transaction ({@code gettransactioninfobyid}). Amounts are sun.
 *
 * @param id the transaction id in hex
 * @param fee total TRX burned, sun
 * @param blockNumber the block that holds it
 * @param blockTimestamp that block's time, epoch milliseconds
 * @param contractAddress the called or created contract, or null
 * @param receipt resource use and the contract result
 * @param logs event logs, in order
 * @param failed whether the node marked the transaction {@code FAILED}
 * @param resMessage the failure message decoded from hex, or "" if none
 * @param withdrawAmount sun claimed by a WithdrawBalance, 0 otherwise
 * @param unfreezeAmount sun unfrozen by a (V1) unfreeze, 0 otherwise
 * @param withdrawExpireAmount sun of expired unstakes paid out by a WithdrawExpireUnfreeze or a
 *     CancelAllUnfreezeV2, 0 otherwise ({@code withdraw_expire_amount})
 * @param cancelledUnfreezeAmounts sun of unexpired unstakes that a CancelAllUnfreezeV2 staked
 *     again, by resource (the node lists every resource, 0 included); empty otherwise ({@code
 *     cancel_unfreezeV2_amount})
 */
public record TransactionInfo(
    String id,
    long fee,
    long blockNumber,
    long blockTimestamp,
    Address contractAddress,
    Receipt receipt,
    List<EventLog> logs,
    boolean failed,
    String resMessage,
    long withdrawAmount,
    long unfreezeAmount,
    long withdrawExpireAmount,
    Map<ResourceCode, Long> cancelledUnfreezeAmounts) {
  /** Checks the fields and copies the collections. */
  public TransactionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(resMessage, "resMessage");
    logs = List.copyOf(logs);
    cancelledUnfreezeAmounts = Map.copyOf(cancelledUnfreezeAmounts);
  }

  /**
   * Resource use of a transaction. Absent numbers are 0, as in the protocol.
   *
   * @param energyUsage energy from the caller's staked energy
   * @param energyFee sun burned for energy
   * @param originEnergyUsage energy paid by the contract's creator
   * @param energyUsageTotal all energy used
   * @param energyPenaltyTotal extra energy from the dynamic energy model
   * @param netUsage bandwidth from staked or free bandwidth
   * @param netFee sun burned for bandwidth
   * @param result the contract result ({@code SUCCESS}, {@code REVERT}, ...), or null for
   *     transactions that call no contract
   */
  public record Receipt(
      long energyUsage,
      long energyFee,
      long originEnergyUsage,
      long energyUsageTotal,
      long energyPenaltyTotal,
      long netUsage,
      long netFee,
      String result) {}

  /**
   * One event log.
   *
   * @param address the emitting contract
   * @param topics the topics in hex
   * @param data the data in hex
   */
  public record EventLog(Address address, List<String> topics, String data) {
    /** Checks the fields and copies the list. */
    public EventLog {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(data, "data");
      topics = List.copyOf(topics);
    }
  }
}

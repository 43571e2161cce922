package io.tronpay.client;

import io.tronpay.core.tx.Transaction;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction as found on chain (in a block or by id). Contract types this SDK does not model
 * (TRC10 transfers, contract deployments, ...) are still listed, with their id and type, so a
 * block is never silently short; their txID was checked against {@code raw_data_hex}.
 *
 * @param txId the transaction id in hex
 * @param contractType the node's contract type name, such as {@code TransferContract}
 * @param transaction the decoded transaction, or null when the contract type is not modelled
 * @param contractResult the node's {@code ret[0].contractRet} ({@code SUCCESS}, {@code REVERT},
 *     ...), or null when the node gave none
 */
public record ChainTransaction(
    String txId, String contractType, Transaction transaction, String contractResult) {
  /** Checks the required fields. */
  public ChainTransaction {
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(contractType, "contractType");
  }

  /** The decoded transaction, if its contract type is modelled. */
  public Optional<Transaction> decoded() {
    return Optional.ofNullable(transaction);
  }
}

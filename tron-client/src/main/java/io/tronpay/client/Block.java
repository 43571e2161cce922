package io.tronpay.client;

import io.tronpay.core.Address;
import java.util.List;
import java.util.Objects;

/**
 * A block as the node returns it from {@code getnowblock}, {@code getblockbynum} and friends.
 *
 * @param number the height
 * @param blockId the block id in hex (its first 8 bytes are the height)
 * @param parentHash the parent's block id in hex
 * @param timestamp epoch milliseconds
 * @param witness the producing super representative
 * @param transactions the block's transactions, in order
 */
public record Block(
    long number,
    String blockId,
    String parentHash,
    long timestamp,
    Address witness,
    List<ChainTransaction> transactions) {
  /** Checks the fields and copies the list. */
  public Block {
    Objects.requireNonNull(blockId, "blockId");
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(witness, "witness");
    transactions = List.copyOf(transactions);
  }
}

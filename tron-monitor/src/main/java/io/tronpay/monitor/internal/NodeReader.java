package io.tronpay.monitor.internal;

import io.tronpay.client.Block;
import io.tronpay.client.ChainTransaction;
import io.tronpay.client.TransactionInfo;
import java.util.List;
import java.util.Optional;

/** The node reads a block scan needs; a seam so the scan logic is tested without HTTP. */
public interface NodeReader {
  /**
   * The head block.
   *
   * @return the block
   */
  Block head();

  /**
   * The solidified head.
   *
   * @return the block
   */
  Block solidHead();

  /**
   * Blocks {@code start} to {@code end} (exclusive), fewer when the chain is shorter.
   *
   * @param start the first
   * @param end one past the last
   * @return the blocks in order
   */
  List<Block> blocks(long start, long end);

  /**
   * Execution results of a block's transactions, from the full node (the block may still be
   * reverted).
   *
   * @param block the height
   * @return the results (empty when the node has not indexed them)
   */
  List<TransactionInfo> infos(long block);

  /**
   * A transaction by id.
   *
   * @param txId the id
   * @return the transaction, or empty
   */
  Optional<ChainTransaction> transaction(String txId);

  /**
   * A transaction's execution result by id.
   *
   * @param txId the id
   * @return the result, or empty
   */
  Optional<TransactionInfo> info(String txId);

  /** Requests made so far. */
  long requests();
}

package io.tronpay.monitor;

import java.util.List;
import java.util.Objects;

/**
 * How far a chain source has read, stored with each applied step so a restart resumes there.
 *
 * @param headBlock the last block whose transfers were read at the head
 * @param logBlock the last block whose TRC20 logs were read
 * @param solidBlock the solidified head last seen
 * @param headTimestamp the time of {@code headBlock}, epoch milliseconds
 * @param settledTimestamp the time up to which every transfer is known and confirmed, epoch
 *     milliseconds; requests expire only once this passes their expiry
 * @param recentBlocks ids of the latest blocks read, oldest first, to detect reorgs
 */
public record ScanCursor(
    long headBlock,
    long logBlock,
    long solidBlock,
    long headTimestamp,
    long settledTimestamp,
    List<BlockRef> recentBlocks) {
  /** Checks the fields and copies the list. */
  public ScanCursor {
    recentBlocks = List.copyOf(recentBlocks);
  }

  /**
   * The id this cursor recorded for a block.
   *
   * @param number the block
   * @return its id, or null when outside the recent window
   */
  public String blockId(long number) {
    for (BlockRef ref : recentBlocks) {
      if (ref.number() == number) {
        return ref.blockId();
      }
    }
    return null;
  }

  /**
   * The block this cursor recorded at a height.
   *
   * @param number the height
   * @return the block, or null when outside the recent window
   */
  public BlockRef block(long number) {
    for (BlockRef ref : recentBlocks) {
      if (ref.number() == number) {
        return ref;
      }
    }
    return null;
  }

  /**
   * A block read at the head, remembered until its logs are read and it is deep enough that
   * a reorg cannot reach it.
   *
   * @param number the height
   * @param blockId the id in hex
   * @param timestamp the block time, epoch milliseconds
   * @param callsContracts whether it holds contract calls, whose logs must be read
   */
  public record BlockRef(long number, String blockId, long timestamp, boolean callsContracts) {
    /** Checks the id. */
    public BlockRef {
      Objects.requireNonNull(blockId, "blockId");
    }
  }
}

package io.tronpay.monitor;

import java.util.List;
import java.util.Objects;

/**
 * One step read from a chain source: new transfers, or a rollback after a reorg, and where the
 * chain stands. The monitor applies a step to its store atomically, with its cursor.
 *
 * @param transfers transfers found, in chain order
 * @param rollbackAbove after a reorg, blocks above this one are gone; -1 when there was none
 * @param head the chain head now
 * @param solid the solidified head now
 * @param cursor where the source stands after this step
 * @param caughtUp whether the source read up to the head (false: more is waiting)
 */
public record ChainUpdate(
    List<Transfer> transfers,
    long rollbackAbove,
    long head,
    long solid,
    ScanCursor cursor,
    boolean caughtUp) {
  /** Checks the fields and copies the list. */
  public ChainUpdate {
    transfers = List.copyOf(transfers);
    Objects.requireNonNull(cursor, "cursor");
    if (rollbackAbove >= 0 && !transfers.isEmpty()) {
      throw new IllegalArgumentException("a rollback step carries no transfers");
    }
  }

  /** Whether this step undoes blocks. */
  public boolean isRollback() {
    return rollbackAbove >= 0;
  }
}

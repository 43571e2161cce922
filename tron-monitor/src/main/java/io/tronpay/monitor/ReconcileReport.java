package io.tronpay.monitor;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking a request's recorded transfers against the chain again.
 *
 * @param payment the request as stored
 * @param checks one line per recorded transfer
 */
public record ReconcileReport(Payment payment, List<Check> checks) {
  /** Checks the fields and copies the list. */
  public ReconcileReport {
    Objects.requireNonNull(payment, "payment");
    checks = List.copyOf(checks);
  }

  /** Whether every live recorded transfer is still on chain as recorded. */
  public boolean consistent() {
    for (Check c : checks) {
      if (c.recorded().state() != TransferState.REVERTED && c.onChain() == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * One recorded transfer and what the chain says now.
   *
   * @param recorded the stored record
   * @param onChain the same transfer as found on chain now, or null if the chain no longer
   *     holds it (same transaction, log, recipient and amount)
   */
  public record Check(TransferRecord recorded, Transfer onChain) {
    /** Checks the record. */
    public Check {
      Objects.requireNonNull(recorded, "recorded");
    }
  }
}

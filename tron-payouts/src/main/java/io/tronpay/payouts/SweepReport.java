package io.tronpay.payouts;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Sweeper#run(SweepPlan)} did, read back from the payout ledger: per deposit address
 * its outcome and steps, and the totals. Amounts and fees are the ledger's, so a report after a
 * resumed run counts every step once.
 *
 * @param sweepId the sweep's id
 * @param token the token swept
 * @param entries one per deposit address the run handled, in plan order, then any address that
 *     an earlier run under this id delegated energy to and this plan no longer lists
 * @param swept the tokens moved to the treasury by confirmed transfers
 * @param feesBurntSun TRX burnt by every step on chain ({@link Payout#feeSun()}), in sun
 * @param fundedSun TRX the treasury sent to deposit addresses, in sun
 * @param delegatedSun staked TRX whose energy was delegated, in sun
 * @param returnedSun staked TRX whose energy was taken back, in sun
 */
public record SweepReport(
    String sweepId,
    Asset token,
    List<Entry> entries,
    TokenAmount swept,
    long feesBurntSun,
    long fundedSun,
    long delegatedSun,
    long returnedSun) {

  /** Checks the fields and copies the list. */
  public SweepReport {
    Objects.requireNonNull(sweepId, "sweepId");
    Objects.requireNonNull(token, "token");
    entries = List.copyOf(entries);
    Objects.requireNonNull(swept, "swept");
  }

  /**
   * Whether every step has settled and every delegation was taken back; if not, run the plan
   * again later to finish.
   *
   * @return true when nothing is left to do
   */
  public boolean complete() {
    return entries.stream().noneMatch(e -> e.outcome() == Outcome.UNFINISHED)
        && delegatedSun == returnedSun;
  }

  /**
   * The entry of a deposit address.
   *
   * @param deposit the address
   * @return its entry, or null if the run did not handle it
   */
  public Entry entry(Address deposit) {
    for (Entry e : entries) {
      if (e.deposit().equals(deposit)) {
        return e;
      }
    }
    return null;
  }

  /**
   * A summary in text, one line per address.
   *
   * @return several lines
   */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("Sweep ").append(sweepId).append(": ").append(swept).append(' ')
        .append(token.symbol()).append(" swept; ").append(Trx.format(feesBurntSun))
        .append(" TRX burnt; ").append(Trx.format(fundedSun)).append(" TRX funded; ")
        .append(Trx.format(delegatedSun)).append(" TRX of stake delegated, ")
        .append(Trx.format(returnedSun)).append(" taken back")
        .append(complete() ? "" : "; unfinished, run it again").append('\n');
    for (Entry e : entries) {
      out.append("  ").append(e.deposit().toBase58()).append("  ").append(e.outcome())
          .append("  ").append(e.swept()).append(' ').append(token.symbol());
      if (!e.detail().isEmpty()) {
        out.append("  (").append(e.detail()).append(')');
      }
      out.append('\n');
    }
    return out.toString().stripTrailing();
  }

  /** How a deposit address fared. */
  public enum Outcome {
    /** Its tokens reached the treasury; any energy lent to it was asked back. */
    SWEPT,
    /** A step failed on chain or could not be taken, so its tokens stayed; see the detail. */
    FAILED,
    /** A step is still under way (or waiting for a signer): run the plan again. */
    UNFINISHED
  }

  /**
   * One deposit address.
   *
   * @param deposit the address
   * @param outcome how it fared
   * @param swept the tokens its confirmed transfer moved, zero if none
   * @param feesBurntSun TRX its steps burnt, in sun
   * @param delegatedSun staked TRX whose energy was delegated to it, in sun
   * @param returnedSun staked TRX whose energy was taken back from it, in sun
   * @param steps its ledger entries, in step order (fund, delegate, transfer, undelegate; only
   *     those taken)
   * @param detail why it failed or is unfinished, or ""
   */
  public record Entry(
      Address deposit,
      Outcome outcome,
      TokenAmount swept,
      long feesBurntSun,
      long delegatedSun,
      long returnedSun,
      List<Payout> steps,
      String detail) {
    /** Checks the fields and copies the list. */
    public Entry {
      Objects.requireNonNull(deposit, "deposit");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(swept, "swept");
      steps = List.copyOf(steps);
      Objects.requireNonNull(detail, "detail");
    }
  }
}

package io.tronpay.payouts;

import java.math.BigInteger;
import java.time.Instant;

/**
 * Decides whether a payout may go ahead, before anything is stored or signed. This is where hosts
 * plug in KYC gating, per-destination limits and daily caps; {@link LimitsPolicy} is a ready one.
 * In a batch every request is asked in order, and one refusal refuses the whole batch.
 */
@FunctionalInterface
public interface PayoutPolicy {
  /** A policy that approves everything. */
  PayoutPolicy APPROVE_ALL = (request, context) -> Decision.approve();

  /**
   * Approves or refuses {@code request}.
   *
   * @param request the request
   * @param context what was already committed, including earlier requests of the same batch
   * @return the decision
   */
  Decision approve(PayoutRequest request, Context context);

  /**
   * A policy's answer.
   *
   * @param approved whether the payout may go ahead
   * @param reason why not, or "" when approved
   */
  record Decision(boolean approved, String reason) {
    /**
     * Approval.
     *
     * @return an approving decision
     */
    public static Decision approve() {
      return new Decision(true, "");
    }

    /**
     * Refusal.
     *
     * @param reason why
     * @return a refusing decision
     */
    public static Decision refuse(String reason) {
      return new Decision(false, reason);
    }
  }

  /** What a policy may look at besides the request. */
  interface Context {
    /**
     * The current time of the service's clock.
     *
     * @return now
     */
    Instant now();

    /**
     * Base units of {@code asset} committed to transfers created at or after {@code since}:
     * every stored payout that is not cancelled or failed, plus the requests of the current batch
     * approved so far.
     *
     * @param asset the asset
     * @param since the start of the window
     * @return base units
     */
    BigInteger committedSince(Asset asset, Instant since);
  }
}

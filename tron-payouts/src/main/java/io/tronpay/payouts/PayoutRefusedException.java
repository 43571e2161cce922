package io.tronpay.payouts;

/**
 * The payout policy refused a request. Nothing was stored or signed for it (nor for any request
 * of the same batch).
 */
public final class PayoutRefusedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String idempotencyKey;
  private final String reason;

  /**
   * A refusal.
   *
   * @param idempotencyKey the refused request's key
   * @param reason the policy's reason
   */
  public PayoutRefusedException(String idempotencyKey, String reason) {
    super("payout " + idempotencyKey + " refused by policy: " + reason);
    this.idempotencyKey = idempotencyKey;
    this.reason = reason;
  }

  /**
   * The refused request's key.
   *
   * @return the idempotency key
   */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /**
   * Why the policy refused.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }
}

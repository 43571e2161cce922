package io.tronpay.payouts;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import java.util.Objects;

/**
 * The facts of a payment that was received (for example from the monitor's records), as needed to
 * refund it.
 *
 * @param paymentId the payment's unique id in the host's records; the refund's idempotency key
 *     derives from it
 * @param sender who paid, and gets the refund
 * @param asset what was paid
 * @param amount how much to refund, greater than 0
 */
public record ReceivedPayment(String paymentId, Address sender, Asset asset, TokenAmount amount) {
  /** Checks the fields. */
  public ReceivedPayment {
    if (paymentId == null || paymentId.isEmpty()) {
      throw new InvalidFieldException("paymentId", "is missing");
    }
    Fields.address("sender", sender);
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
  }
}

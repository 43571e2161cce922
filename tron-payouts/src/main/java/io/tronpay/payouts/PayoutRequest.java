package io.tronpay.payouts;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import java.util.Objects;

/**
 * A request to pay {@code amount} of {@code asset} to {@code to}. The idempotency key makes it
 * safe to submit again: the same key never pays twice.
 *
 * @param idempotencyKey the host's unique key, 1 to 128 printable characters
 * @param to the recipient
 * @param asset TRX or a TRC20 token
 * @param amount greater than 0, with the asset's decimals (sun for TRX)
 * @param memo a memo, or "" for none (the network charges a memo fee)
 */
public record PayoutRequest(
    String idempotencyKey, Address to, Asset asset, TokenAmount amount, String memo) {
  private static final int MAX_KEY_LENGTH = 128;

  /**
   * Checks every field.
   *
   * @throws InvalidFieldException naming the faulty field
   */
  public PayoutRequest {
    if (idempotencyKey == null || idempotencyKey.isEmpty()) {
      throw new InvalidFieldException("idempotencyKey", "is missing");
    }
    if (idempotencyKey.length() > MAX_KEY_LENGTH) {
      throw new InvalidFieldException("idempotencyKey",
          "is longer than " + MAX_KEY_LENGTH + " characters");
    }
    for (int i = 0; i < idempotencyKey.length(); i++) {
      char c = idempotencyKey.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        throw new InvalidFieldException("idempotencyKey",
            "has a non-printable or non-ASCII character at position " + i);
      }
    }
    Fields.address("to", to);
    if (asset == null) {
      throw new InvalidFieldException("asset", "is missing");
    }
    if (amount == null) {
      throw new InvalidFieldException("amount", "is missing");
    }
    if (amount.decimals() != asset.decimals()) {
      throw new InvalidFieldException("amount", "has " + amount.decimals()
          + " decimals but " + asset.symbol() + " has " + asset.decimals());
    }
    Fields.positive("amount", amount.units());
    memo = Objects.requireNonNullElse(memo, "");
  }

  /**
   * A TRX payout of {@code sun}.
   *
   * @param idempotencyKey the host's unique key
   * @param to the recipient
   * @param sun greater than 0
   * @return the request, without a memo
   */
  public static PayoutRequest trx(String idempotencyKey, Address to, long sun) {
    return new PayoutRequest(idempotencyKey, to, Asset.TRX, TokenAmount.of(Fields.positive(
        "amount", sun), Asset.TRX.decimals()), "");
  }

  /**
   * A token payout.
   *
   * @param idempotencyKey the host's unique key
   * @param to the recipient
   * @param token the TRC20 asset
   * @param amount greater than 0, with the token's decimals
   * @return the request, without a memo
   */
  public static PayoutRequest token(String idempotencyKey, Address to, Asset token,
      TokenAmount amount) {
    return new PayoutRequest(idempotencyKey, to, token, amount, "");
  }
}

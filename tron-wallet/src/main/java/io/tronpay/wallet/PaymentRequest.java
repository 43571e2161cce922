package io.tronpay.wallet;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import java.util.Objects;

/**
 * What a payer should send: an address, and optionally an amount of TRX or of a TRC20 token.
 *
 * <p>As a QR code, the plain address ({@link #address()}) is what every TRON wallet reads. The
 * {@link #toUri() tron: URI} carries the amount and token too, but it has no published standard
 * and not every wallet reads it; offer it only where you know the payer's wallet does.
 */
public final class PaymentRequest {
  private final Address address;
  private final Long amountSun;
  private final Address token;
  private final TokenAmount tokenAmount;

  private PaymentRequest(Address address, Long amountSun, Address token, TokenAmount tokenAmount) {
    this.address = Objects.requireNonNull(address, "address");
    this.amountSun = amountSun;
    this.token = token;
    this.tokenAmount = tokenAmount;
  }

  /** A request for any amount to {@code address}. */
  public static PaymentRequest to(Address address) {
    return new PaymentRequest(address, null, null, null);
  }

  /**
   * This request for {@code sun} of TRX.
   *
   * @throws QrException if {@code sun} is not positive
   */
  public PaymentRequest withTrx(long sun) {
    if (sun <= 0) {
      throw new QrException("a requested TRX amount must be positive, got " + sun + " sun");
    }
    return new PaymentRequest(address, sun, null, null);
  }

  /**
   * This request for {@code amount} of the TRC20 token at {@code tokenContract} (USDT, for example).
   *
   * @throws QrException if the amount is not positive
   */
  public PaymentRequest withToken(Address tokenContract, TokenAmount amount) {
    Objects.requireNonNull(tokenContract, "tokenContract");
    Objects.requireNonNull(amount, "amount");
    if (amount.units().signum() <= 0) {
      throw new QrException("a requested token amount must be positive, got "
          + amount.toDecimalString());
    }
    return new PaymentRequest(address, null, tokenContract, amount);
  }

  /** The address to pay. */
  public Address address() {
    return address;
  }

  /**
   * {@code tron:ADDRESS}, with {@code ?amount=DECIMAL} for TRX, or {@code ?amount=DECIMAL&token=CONTRACT}
   * for a TRC20 token. Not every wallet reads this form.
   */
  public String toUri() {
    StringBuilder uri = new StringBuilder("tron:").append(address.toBase58());
    if (amountSun != null) {
      uri.append("?amount=").append(Trx.format(amountSun));
    } else if (tokenAmount != null) {
      uri.append("?amount=").append(tokenAmount.toDecimalString())
          .append("&token=").append(token.toBase58());
    }
    return uri.toString();
  }

  /** The URI form. */
  @Override
  public String toString() {
    return "PaymentRequest[" + toUri() + "]";
  }
}

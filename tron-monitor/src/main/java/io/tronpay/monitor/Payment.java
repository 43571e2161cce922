package io.tronpay.monitor;

import io.tronpay.core.TokenAmount;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of a watched request and where it stands.
 *
 * @param request the request
 * @param status its state
 * @param confirmedUnits base units received in confirmed transfers
 * @param unconfirmedUnits base units seen in transfers not yet confirmed
 * @param watchedAt when the monitor started watching it
 * @param expiresAt when it expires
 * @param updatedAt when it last changed
 * @param finishedAt when it reached a final state, or null while open
 * @param version starts at 0 and grows by one with each stored change
 */
public record Payment(
    PaymentRequest request,
    PaymentStatus status,
    BigInteger confirmedUnits,
    BigInteger unconfirmedUnits,
    Instant watchedAt,
    Instant expiresAt,
    Instant updatedAt,
    Instant finishedAt,
    long version) {
  /** Checks the fields. */
  public Payment {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(confirmedUnits, "confirmedUnits");
    Objects.requireNonNull(unconfirmedUnits, "unconfirmedUnits");
    Objects.requireNonNull(watchedAt, "watchedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * A newly watched request.
   *
   * @param request the request
   * @param now the moment it is watched
   * @return a {@link PaymentStatus#PENDING} payment at version 0
   */
  public static Payment watched(PaymentRequest request, Instant now) {
    return new Payment(request, PaymentStatus.PENDING, BigInteger.ZERO, BigInteger.ZERO, now,
        request.expiryFrom(now), now, null, 0);
  }

  /** The request id. */
  public String id() {
    return request.id();
  }

  /** The confirmed amount received. */
  public TokenAmount received() {
    return request.asset().amount(confirmedUnits);
  }

  /** The amount seen but not yet confirmed. */
  public TokenAmount unconfirmed() {
    return request.asset().amount(unconfirmedUnits);
  }
}

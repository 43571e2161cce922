package io.tronpay.monitor.jdbc;

import io.tronpay.monitor.PaymentStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which requests {@link JdbcPaymentStore#exportPayments} reads.
 *
 * @param statuses the states to include; empty for every state
 * @param watchedFrom only requests watched at or after this moment, or null for all
 */
public record PaymentExportFilter(Set<PaymentStatus> statuses, Instant watchedFrom) {
  private static final PaymentExportFilter ALL = new PaymentExportFilter(Set.of(), null);

  /** Copies the states. */
  public PaymentExportFilter {
    statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
  }

  /** Every request. */
  public static PaymentExportFilter all() {
    return ALL;
  }
}

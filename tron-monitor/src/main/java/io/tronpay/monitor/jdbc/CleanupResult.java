package io.tronpay.monitor.jdbc;

/**
 * What {@link JdbcPaymentStore#cleanup} deleted.
 *
 * @param payments finished requests, with their transfers
 * @param logEntries audit-log rows of events no longer waiting for delivery
 * @param webhookDeliveries delivered webhook deliveries
 */
public record CleanupResult(int payments, int logEntries, int webhookDeliveries) {
  /** Every row deleted, transfers aside. */
  public int total() {
    return payments + logEntries + webhookDeliveries;
  }
}

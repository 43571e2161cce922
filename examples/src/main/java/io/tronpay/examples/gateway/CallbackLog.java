package io.tronpay.examples.gateway;

import io.tronpay.monitor.webhook.WebhookEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What the seed service reported about callbacks ({@code callback_attempts},
 * {@code last_callback_attempt}, {@code callback_success}) and webhook totals, read from the
 * webhook delivery table the JDBC store keeps in the same database.
 *
 * <p>The SDK looks deliveries up by event, not by payment, so the gateway reads the table itself,
 * read-only, with plain SQL that runs on H2, PostgreSQL and MySQL alike. The columns it reads came
 * with store schema version 2; migrations are append-only, so later versions keep them.
 */
final class CallbackLog {
  /** The store schema version that made the delivery table; later versions only add to it. */
  static final int SCHEMA_VERSION = 2;

  private final DataSource dataSource;
  private final String table;

  CallbackLog(DataSource dataSource, String tablePrefix) {
    this.dataSource = dataSource;
    this.table = tablePrefix + "webhook_deliveries";
  }

  /**
   * One payment's callbacks.
   *
   * @param attempts HTTP attempts over all of the payment's events
   * @param lastAttempt the latest attempt, or null before the first
   * @param lastSucceeded whether that latest attempt was answered with a 2xx
   */
  record Summary(long attempts, Instant lastAttempt, boolean lastSucceeded) {}

  Summary of(String paymentId) {
    String sql = "SELECT attempts, last_attempt_ns, state FROM " + table
        + " WHERE payment_id = ? AND endpoint_id = ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, paymentId);
      ps.setString(2, WebhookEndpoint.CALLBACK_ID);
      long attempts = 0;
      long lastNanos = Long.MIN_VALUE;
      boolean lastSucceeded = false;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          attempts += rs.getInt(1);
          long at = rs.getLong(2);
          if (!rs.wasNull() && at > lastNanos) {
            lastNanos = at;
            lastSucceeded = "DELIVERED".equals(rs.getString(3));
          }
        }
      }
      Instant last = lastNanos == Long.MIN_VALUE ? null
          : Instant.ofEpochSecond(Math.floorDiv(lastNanos, 1_000_000_000L),
              Math.floorMod(lastNanos, 1_000_000_000L));
      return new Summary(attempts, last, lastSucceeded);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read webhook deliveries: " + e.getMessage(), e);
    }
  }

  /** Deliveries per state, lower-case ({@code delivered}, {@code pending}, {@code dead}). */
  Map<String, Long> countsByState() {
    Map<String, Long> counts = new TreeMap<>(Map.of("delivered", 0L, "pending", 0L, "dead", 0L));
    String sql = "SELECT state, COUNT(*) FROM " + table + " GROUP BY state";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read webhook deliveries: " + e.getMessage(), e);
    }
  }
}

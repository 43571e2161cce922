package io.tronpay.monitor.jdbc;

import io.tronpay.monitor.internal.jdbc.Rows;
import io.tronpay.monitor.webhook.WebhookDelivery;
import io.tronpay.monitor.webhook.WebhookDeliveryStore;
import io.tronpay.monitor.webhook.WebhookEndpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Webhook deliveries in the store's database (schema version 2), shared by every instance:
 * claims take row locks with SKIP LOCKED where the database has it. A callback delivery's
 * attempt also updates the request's {@code callback_*} columns, as the seeds kept them.
 */
final class JdbcWebhookDeliveries implements WebhookDeliveryStore {
  private static final String COLUMNS = "event_id, endpoint_id, payment_id, url, payload, "
      + "state, attempts, next_attempt_ns, last_attempt_ns, last_status, last_error";

  private final JdbcPaymentStore store;
  private final String p;
  private final Dialect dialect;

  JdbcWebhookDeliveries(JdbcPaymentStore store) {
    this.store = store;
    this.p = store.tablePrefix();
    this.dialect = store.dialect();
  }

  @Override
  public void enqueue(List<WebhookDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    store.inTransaction(c -> {
      Set<String> existing = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT endpoint_id FROM " + p
          + "webhook_deliveries WHERE event_id = ?")) {
        Set<String> events = new HashSet<>();
        for (WebhookDelivery d : deliveries) {
          if (events.add(d.eventId())) {
            ps.setString(1, d.eventId());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                existing.add(d.eventId() + "\n" + rs.getString(1));
              }
            }
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + p + "webhook_deliveries ("
          + COLUMNS + ", created_at_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int n = 0;
        for (WebhookDelivery d : deliveries) {
          if (existing.add(d.eventId() + "\n" + d.endpointId())) {
            bind(ps, d);
            ps.setLong(12, Rows.nanos(d.nextAttemptAt()));
            ps.addBatch();
            n++;
          }
        }
        if (n > 0) {
          ps.executeBatch();
        }
      }
      return null;
    });
  }

  private static void bind(PreparedStatement ps, WebhookDelivery d) throws SQLException {
    ps.setString(1, d.eventId());
    ps.setString(2, d.endpointId());
    ps.setString(3, d.paymentId());
    ps.setString(4, d.url());
    ps.setString(5, d.payload());
    ps.setString(6, d.state().name());
    ps.setInt(7, d.attempts());
    ps.setLong(8, Rows.nanos(d.nextAttemptAt()));
    if (d.lastAttemptAt() == null) {
      ps.setNull(9, Types.BIGINT);
    } else {
      ps.setLong(9, Rows.nanos(d.lastAttemptAt()));
    }
    ps.setInt(10, d.lastStatus());
    ps.setString(11, d.lastError() == null ? null
        : d.lastError().substring(0, Math.min(500, d.lastError().length())));
  }

  private static WebhookDelivery read(ResultSet rs) throws SQLException {
    long last = rs.getLong("last_attempt_ns");
    Instant lastAt = rs.wasNull() ? null : Rows.instant(last);
    return new WebhookDelivery(rs.getString("event_id"), rs.getString("endpoint_id"),
        rs.getString("payment_id"), rs.getString("url"), rs.getString("payload"),
        WebhookDelivery.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
        Rows.instant(rs.getLong("next_attempt_ns")), lastAt, rs.getInt("last_status"),
        rs.getString("last_error"));
  }

  @Override
  public List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int max) {
    long nowNs = Rows.nanos(now);
    return store.inTransaction(c -> {
      List<WebhookDelivery> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + p
          + "webhook_deliveries WHERE state = 'PENDING' AND next_attempt_ns <= ? AND "
          + "(claimed_until_ns IS NULL OR claimed_until_ns <= ?) ORDER BY seq LIMIT ?"
          + dialect.claimLock())) {
        ps.setLong(1, nowNs);
        ps.setLong(2, nowNs);
        ps.setInt(3, max);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "webhook_deliveries SET "
          + "claimed_until_ns = ? WHERE event_id = ? AND endpoint_id = ?")) {
        for (WebhookDelivery d : out) {
          ps.setLong(1, Rows.nanos(leaseUntil));
          ps.setString(2, d.eventId());
          ps.setString(3, d.endpointId());
          ps.addBatch();
        }
        if (!out.isEmpty()) {
          ps.executeBatch();
        }
      }
      return out;
    });
  }

  @Override
  public void record(WebhookDelivery d) {
    store.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "webhook_deliveries SET "
          + "state = ?, attempts = ?, next_attempt_ns = ?, last_attempt_ns = ?, last_status = ?, "
          + "last_error = ?, claimed_until_ns = NULL WHERE event_id = ? AND endpoint_id = ?")) {
        ps.setString(1, d.state().name());
        ps.setInt(2, d.attempts());
        ps.setLong(3, Rows.nanos(d.nextAttemptAt()));
        if (d.lastAttemptAt() == null) {
          ps.setNull(4, Types.BIGINT);
        } else {
          ps.setLong(4, Rows.nanos(d.lastAttemptAt()));
        }
        ps.setInt(5, d.lastStatus());
        ps.setString(6, d.lastError() == null ? null
            : d.lastError().substring(0, Math.min(500, d.lastError().length())));
        ps.setString(7, d.eventId());
        ps.setString(8, d.endpointId());
        ps.executeUpdate();
      }
      if (d.endpointId().equals(WebhookEndpoint.CALLBACK_ID) && d.paymentId() != null
          && d.lastAttemptAt() != null) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "payments SET "
            + "callback_attempts = callback_attempts + 1, last_callback_attempt_ns = ?, "
            + "callback_success = ? WHERE payment_id = ?")) {
          ps.setLong(1, Rows.nanos(d.lastAttemptAt()));
          ps.setBoolean(2, d.state() == WebhookDelivery.State.DELIVERED);
          ps.setString(3, d.paymentId());
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  @Override
  public List<WebhookDelivery> deliveriesOf(String eventId) {
    return select("event_id = ?", eventId, Integer.MAX_VALUE);
  }

  @Override
  public List<WebhookDelivery> deadLetters(int max) {
    return select("state = ?", WebhookDelivery.State.DEAD.name(), max);
  }

  private List<WebhookDelivery> select(String where, String value, int max) {
    return store.read(c -> {
      List<WebhookDelivery> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + p
          + "webhook_deliveries WHERE " + where + " ORDER BY seq")) {
        ps.setString(1, value);
        ps.setMaxRows(max == Integer.MAX_VALUE ? 0 : max);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
      }
      return out;
    });
  }

  @Override
  public int redeliver(String eventId, Instant now) {
    return store.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "webhook_deliveries SET "
          + "state = 'PENDING', attempts = 0, next_attempt_ns = ?, claimed_until_ns = NULL "
          + "WHERE event_id = ? AND state <> 'PENDING'")) {
        ps.setLong(1, Rows.nanos(now));
        ps.setString(2, eventId);
        return ps.executeUpdate();
      }
    });
  }

  /**
   * The endpoints an event has deliveries for, on the caller's connection.
   *
   * @param c the connection
   * @param p the table prefix
   * @param eventId the event
   * @return the endpoint ids
   * @throws SQLException from the driver
   */
  static List<String> endpointsOf(Connection c, String p, String eventId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT endpoint_id FROM " + p
        + "webhook_deliveries WHERE event_id = ? ORDER BY seq")) {
      ps.setString(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /**
   * Gives an event's deliveries a fresh schedule, due at {@code nowNs}, on the caller's
   * transaction: dead and delivered ones, and pending ones no sender holds a claim on (a claimed
   * one is being sent right now and must not go out twice).
   *
   * @param c the connection, in a transaction
   * @param p the table prefix
   * @param eventId the event
   * @param nowNs when they are due, in epoch nanoseconds
   * @return how many were requeued
   * @throws SQLException from the driver
   */
  static int requeue(Connection c, String p, String eventId, long nowNs) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "webhook_deliveries SET "
        + "state = 'PENDING', attempts = 0, next_attempt_ns = ?, claimed_until_ns = NULL "
        + "WHERE event_id = ? AND (state <> 'PENDING' OR claimed_until_ns IS NULL "
        + "OR claimed_until_ns <= ?)")) {
      ps.setLong(1, nowNs);
      ps.setString(2, eventId);
      ps.setLong(3, nowNs);
      return ps.executeUpdate();
    }
  }

  @Override
  public int endpointFailed(String endpointId) {
    return store.inTransaction(c -> {
      ensureEndpoint(c, endpointId);
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "webhook_endpoints SET "
          + "consecutive_failures = consecutive_failures + 1 WHERE endpoint_id = ?")) {
        ps.setString(1, endpointId);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT consecutive_failures FROM " + p
          + "webhook_endpoints WHERE endpoint_id = ?")) {
        ps.setString(1, endpointId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  private void ensureEndpoint(Connection c, String endpointId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + p + "webhook_endpoints "
        + "WHERE endpoint_id = ? FOR UPDATE")) {
      ps.setString(1, endpointId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + p + "webhook_endpoints "
        + "(endpoint_id, url, disabled, consecutive_failures) VALUES (?, '', ?, 0)")) {
      ps.setString(1, endpointId);
      ps.setBoolean(2, false);
      ps.executeUpdate();
    }
  }

  @Override
  public void endpointSucceeded(String endpointId) {
    store.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "webhook_endpoints SET "
          + "consecutive_failures = 0 WHERE endpoint_id = ? AND consecutive_failures <> 0")) {
        ps.setString(1, endpointId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void setEndpointDisabled(String endpointId, boolean disabled) {
    store.inTransaction(c -> {
      ensureEndpoint(c, endpointId);
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + p + "webhook_endpoints SET "
          + "disabled = ?, consecutive_failures = ? WHERE endpoint_id = ?")) {
        ps.setBoolean(1, disabled);
        ps.setInt(2, 0);
        ps.setString(3, endpointId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public boolean isEndpointDisabled(String endpointId) {
    return store.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT disabled FROM " + p
          + "webhook_endpoints WHERE endpoint_id = ?")) {
        ps.setString(1, endpointId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        }
      }
    });
  }
}

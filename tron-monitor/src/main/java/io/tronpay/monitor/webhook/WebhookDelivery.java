package io.tronpay.monitor.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One event's delivery to one endpoint, and how it went.
 *
 * @param eventId the event, also the {@code webhook-id}
 * @param endpointId the endpoint, or {@link WebhookEndpoint#CALLBACK_ID}
 * @param paymentId the request, or null
 * @param url where it goes
 * @param payload the JSON body, the same bytes on every attempt
 * @param state where it stands
 * @param attempts attempts made
 * @param nextAttemptAt when the next attempt is due
 * @param lastAttemptAt when the last attempt was made, or null
 * @param lastStatus the last HTTP status, or 0 when none came back
 * @param lastError why the last attempt failed, or null
 */
public record WebhookDelivery(
    String eventId,
    String endpointId,
    String paymentId,
    String url,
    String payload,
    State state,
    int attempts,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    int lastStatus,
    String lastError) {
  /** Checks the fields. */
  public WebhookDelivery {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
  }

  /**
   * This delivery after an attempt.
   *
   * @param next the new state
   * @param at when the attempt was made
   * @param status the HTTP status, or 0
   * @param error why it failed, or null
   * @param nextAt when the next attempt is due
   * @return the copy, with one more attempt
   */
  public WebhookDelivery attempted(State next, Instant at, int status, String error,
      Instant nextAt) {
    return new WebhookDelivery(eventId, endpointId, paymentId, url, payload, next, attempts + 1,
        nextAt, at, status, error);
  }

  /** Where a delivery stands. */
  public enum State {
    /** Waiting for its next attempt. */
    PENDING,
    /** A 2xx came back. */
    DELIVERED,
    /** Given up on: attempts used up, URL refused or endpoint disabled. */
    DEAD
  }
}

package io.tronpay.monitor.webhook;

import java.time.Instant;
import java.util.List;

/**
 * Where a {@link WebhookListener} keeps its deliveries and endpoint health, so a restart resumes
 * the retry schedule and several instances share the work. {@link InMemoryWebhookDeliveryStore}
 * is the default; {@code JdbcPaymentStore.webhookDeliveries()} keeps them in the database.
 * Implementations are thread-safe.
 */
public interface WebhookDeliveryStore {
  /**
   * Queues deliveries; one already queued for the same event and endpoint is kept as it is.
   *
   * @param deliveries new deliveries
   */
  void enqueue(List<WebhookDelivery> deliveries);

  /**
   * Takes pending deliveries that are due, hiding them from other claims until
   * {@code leaseUntil}.
   *
   * @param now the moment
   * @param leaseUntil when an unrecorded claim returns
   * @param max the most to take
   * @return the deliveries, oldest first
   */
  List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int max);

  /**
   * Stores a delivery's state after an attempt and releases its claim.
   *
   * @param delivery the new state
   */
  void record(WebhookDelivery delivery);

  /**
   * The deliveries of one event.
   *
   * @param eventId the event
   * @return one per endpoint
   */
  List<WebhookDelivery> deliveriesOf(String eventId);

  /**
   * Dead-lettered deliveries, oldest first.
   *
   * @param max the most to return
   * @return the deliveries
   */
  List<WebhookDelivery> deadLetters(int max);

  /**
   * Makes an event's dead or delivered deliveries pending again with a fresh schedule.
   *
   * @param eventId the event
   * @param now when they are due
   * @return how many were requeued
   */
  int redeliver(String eventId, Instant now);

  /**
   * Counts a failed attempt against an endpoint.
   *
   * @param endpointId the endpoint
   * @return its consecutive failures now
   */
  int endpointFailed(String endpointId);

  /**
   * Resets an endpoint's consecutive failures.
   *
   * @param endpointId the endpoint
   */
  void endpointSucceeded(String endpointId);

  /**
   * Disables or re-enables an endpoint.
   *
   * @param endpointId the endpoint
   * @param disabled whether deliveries to it stop
   */
  void setEndpointDisabled(String endpointId, boolean disabled);

  /**
   * Whether an endpoint is disabled.
   *
   * @param endpointId the endpoint
   * @return whether deliveries to it stop
   */
  boolean isEndpointDisabled(String endpointId);
}

package io.tronpay.monitor.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link WebhookDeliveryStore} in the heap, gone when the process ends. Thread-safe. */
public final class InMemoryWebhookDeliveryStore implements WebhookDeliveryStore {
  private final Map<String, WebhookDelivery> deliveries = new LinkedHashMap<>();
  private final Map<String, Instant> claims = new HashMap<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final Set<String> disabled = new HashSet<>();

  /** An empty store. */
  public InMemoryWebhookDeliveryStore() {}

  private static String key(WebhookDelivery d) {
    return d.eventId() + "\n" + d.endpointId();
  }

  @Override
  public synchronized void enqueue(List<WebhookDelivery> batch) {
    for (WebhookDelivery d : batch) {
      deliveries.putIfAbsent(key(d), d);
    }
  }

  @Override
  public synchronized List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int max) {
    List<WebhookDelivery> out = new ArrayList<>();
    for (Map.Entry<String, WebhookDelivery> e : deliveries.entrySet()) {
      if (out.size() >= max) {
        break;
      }
      WebhookDelivery d = e.getValue();
      Instant claim = claims.get(e.getKey());
      if (d.state() != WebhookDelivery.State.PENDING || d.nextAttemptAt().isAfter(now)
          || (claim != null && claim.isAfter(now))) {
        continue;
      }
      claims.put(e.getKey(), leaseUntil);
      out.add(d);
    }
    return out;
  }

  @Override
  public synchronized void record(WebhookDelivery delivery) {
    deliveries.put(key(delivery), delivery);
    claims.remove(key(delivery));
  }

  @Override
  public synchronized List<WebhookDelivery> deliveriesOf(String eventId) {
    List<WebhookDelivery> out = new ArrayList<>();
    for (WebhookDelivery d : deliveries.values()) {
      if (d.eventId().equals(eventId)) {
        out.add(d);
      }
    }
    return out;
  }

  @Override
  public synchronized List<WebhookDelivery> deadLetters(int max) {
    List<WebhookDelivery> out = new ArrayList<>();
    for (WebhookDelivery d : deliveries.values()) {
      if (d.state() == WebhookDelivery.State.DEAD && out.size() < max) {
        out.add(d);
      }
    }
    return out;
  }

  @Override
  public synchronized int redeliver(String eventId, Instant now) {
    int n = 0;
    for (Map.Entry<String, WebhookDelivery> e : deliveries.entrySet()) {
      WebhookDelivery d = e.getValue();
      if (d.eventId().equals(eventId) && d.state() != WebhookDelivery.State.PENDING) {
        e.setValue(new WebhookDelivery(d.eventId(), d.endpointId(), d.paymentId(), d.url(),
            d.payload(), WebhookDelivery.State.PENDING, 0, now, d.lastAttemptAt(),
            d.lastStatus(), d.lastError()));
        claims.remove(e.getKey());
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized int endpointFailed(String endpointId) {
    return failures.merge(endpointId, 1, Integer::sum);
  }

  @Override
  public synchronized void endpointSucceeded(String endpointId) {
    failures.remove(endpointId);
  }

  @Override
  public synchronized void setEndpointDisabled(String endpointId, boolean off) {
    if (off) {
      disabled.add(endpointId);
    } else {
      disabled.remove(endpointId);
      failures.remove(endpointId);
    }
  }

  @Override
  public synchronized boolean isEndpointDisabled(String endpointId) {
    return disabled.contains(endpointId);
  }
}

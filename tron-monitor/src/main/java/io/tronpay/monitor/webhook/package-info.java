/**
 * Signed webhooks: {@link io.tronpay.monitor.webhook.WebhookListener} delivers a monitor's
 * events to HTTP endpoints with retries and dead-lettering, and
 * {@link io.tronpay.monitor.webhook.WebhookVerifier} checks them on the receiving side.
 */
package io.tronpay.monitor.webhook;

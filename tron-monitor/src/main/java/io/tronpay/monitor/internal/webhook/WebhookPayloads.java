package io.tronpay.monitor.internal.webhook;

import io.tronpay.core.TokenAmount;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.internal.jdbc.MetadataJson;
import io.tronpay.monitor.internal.jdbc.Rows;
import java.time.Instant;
import java.util.Locale;

/**
 * The JSON body of a webhook: the seeds' fields, then the event id and type and the base-unit
 * amounts as strings. Decimal amounts are written from their exact decimal text, so a JSON
 * number like {@code 12.345678} is never a rounded binary float on our side.
 */
public final class WebhookPayloads {
  private WebhookPayloads() {}

  /**
   * The body of an event.
   *
   * @param e the event
   * @param payment its payment, or null when unknown (an unmatched transfer or a purged request)
   * @param blockTimestampMs the transfer's block time in epoch milliseconds, or -1
   * @return the JSON text
   */
  public static String of(PaymentEvent e, Payment payment, long blockTimestampMs) {
    StringBuilder out = new StringBuilder(512).append('{');
    field(out, "payment_id", e.paymentId());
    field(out, "order_id", e.orderId());
    field(out, "wallet_address", e.address().toBase58());
    field(out, "currency", Rows.currency(e.asset()));
    TokenAmount expected = payment == null ? null : payment.request().expectedAmount();
    number(out, "expected_amount_usdt", expected);
    number(out, "received_amount_usdt", e.received());
    field(out, "transaction_hash", e.txId());
    field(out, "block_timestamp", blockTimestampMs < 0 ? null
        : Instant.ofEpochMilli(blockTimestampMs).toString());
    field(out, "status", e.status() == null ? null : e.status().name().toLowerCase(Locale.ROOT));
    field(out, "event_id", e.eventId());
    field(out, "event_type", e.type().wireName());
    field(out, "expected_units", expected == null ? null : expected.units().toString());
    field(out, "received_units", e.received().units().toString());
    field(out, "amount_units", e.amount() == null ? null : e.amount().units().toString());
    number(out, "amount", e.amount());
    field(out, "asset_contract", e.asset().contract() == null ? null
        : e.asset().contract().toBase58());
    out.append("\"decimals\":").append(e.asset().decimals()).append(',');
    out.append("\"block_number\":").append(e.blockNumber()).append(',');
    field(out, "occurred_at", e.occurredAt().toString());
    out.setLength(out.length() - 1);
    return out.append('}').toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append('"').append(name).append("\":");
    if (value == null) {
      out.append("null");
    } else {
      MetadataJson.quote(out, value);
    }
    out.append(',');
  }

  private static void number(StringBuilder out, String name, TokenAmount value) {
    out.append('"').append(name).append("\":")
        .append(value == null ? "null" : value.toDecimalString()).append(',');
  }
}

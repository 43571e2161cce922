/**
 * TronPay monitor: {@link io.tronpay.monitor.PaymentMonitor} watches deposit addresses for
 * incoming USDT-TRC20 and TRX payments, matches them to payment requests, keeps its state in a
 * {@link io.tronpay.monitor.PaymentStore} and tells listeners, at least once, with stable event
 * ids.
 */
module io.tronpay.monitor {
  requires transitive io.tronpay.core;
  requires transitive io.tronpay.client;
  requires org.slf4j;
  requires transitive java.sql;

  exports io.tronpay.monitor;
  exports io.tronpay.monitor.jdbc;
  exports io.tronpay.monitor.webhook;
}

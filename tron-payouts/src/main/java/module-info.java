/**
 * TronPay payouts: transaction builders for TRX, TRC20 and Stake 2.0, fee estimation, the
 * crash-safe {@code PayoutService} with its ledger, refunds and sweeps.
 */
module io.tronpay.payouts {
  requires transitive io.tronpay.core;
  requires transitive io.tronpay.client;
  requires org.slf4j;
  requires transitive java.sql;

  exports io.tronpay.payouts;
  exports io.tronpay.payouts.jdbc;
}

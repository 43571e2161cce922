/** A consumer of the published TronPay modules, compiled and run on the module path. */
module io.tronpay.consumertest {
  requires io.tronpay.wallet;
  requires io.tronpay.client;
}

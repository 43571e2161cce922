/**
 * TronPay core: addresses, Base58Check, hashes, keys and signatures, exact amounts, the
 * transaction model with its protobuf codec, TRC20 ABI and TIP-191 message signing.
 */
@SuppressWarnings("module") // tron-wallet, which the internal package goes to, builds later
module io.tronpay.core {
  requires org.bouncycastle.provider;

  exports io.tronpay.core;
  exports io.tronpay.core.tx;
  exports io.tronpay.core.abi;
  // The wallet derives keys on the same curve setup; hosts never see this package.
  exports io.tronpay.core.internal to io.tronpay.wallet;
}

/**
 * TronPay wallet: BIP39 mnemonics, BIP32/BIP44 HD keys for TRON ({@code m/44'/195'/a'}), watch-only
 * deposit addresses from an account xpub, Web3 Secret Storage v3 keystores, and QR codes.
 */
// ZXing core ships only an Automatic-Module-Name, no module-info.
@SuppressWarnings("requires-automatic")
module io.tronpay.wallet {
  requires transitive io.tronpay.core;
  requires org.bouncycastle.provider;
  requires com.google.zxing;

  exports io.tronpay.wallet;
}

package io.tronpay.consumertest;

import io.tronpay.client.TransactionJson;
import io.tronpay.core.Address;
import io.tronpay.core.Signature;
import io.tronpay.core.Trx;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.wallet.HdSigner;
import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.TronAccount;
import java.util.ArrayList;
import java.util.List;

/**
 * Uses the SDK the way a host application would, through the published jars only: derive an
 * address from a mnemonic, build and sign a TRX transfer, print its node JSON. Exits 1 when a
 * check fails, so run.sh fails.
 */
public final class ConsumerSmokeTest {
  // Test vector from tron-wallet's tronweb/hd.json (tronweb 6.5.1): m/44'/195'/0'/0/0, no passphrase.
  private static final String TEST_MNEMONIC =
      "gas badge devote win please mask bone hybrid genre rose speak tragic";
  private static final String EXPECTED_ADDRESS = "TTbgkLuJ9wsXBv448MzRpeYsGVc8Wdx3mm";
  // Mainnet block 30864544, from the shared real-chain fixtures.
  private static final long REF_BLOCK_NUMBER = 30_864_544L;
  private static final String REF_BLOCK_ID =
      "0000000001d6f4a09f60c27befccff6fe3cc593b2d6c46cdc79d3fd4f55db859";
  private static final String RECIPIENT = "TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC";

  private ConsumerSmokeTest() {}

  public static void main(String[] args) {
    List<String> failures = new ArrayList<>();
    Mnemonic mnemonic = Mnemonic.parse(TEST_MNEMONIC);
    TronAccount account = TronAccount.fromMnemonic(mnemonic, "", 0);
    Address from = account.address(0, 0);
    if (!from.toBase58().equals(EXPECTED_ADDRESS)) {
      failures.add("derived " + from.toBase58() + ", expected " + EXPECTED_ADDRESS);
    }

    RawData raw = RawData.builder()
        .contract(new TransferContract(from, Address.parse(RECIPIENT), Trx.toSun(1)))
        .referenceBlock(REF_BLOCK_NUMBER, REF_BLOCK_ID)
        .timestamp(1_700_000_000_000L)
        .expiration(1_700_000_060_000L)
        .build();
    HdSigner signer = account.signer(0, 0);
    Transaction signed = Transaction.of(raw).sign(signer);
    signer.destroy();
    account.destroy();
    mnemonic.destroy();

    System.out.println(TransactionJson.toJson(signed));

    if (!signed.txId().matches("[0-9a-f]{64}")) {
      failures.add("txID is not 64 lowercase hex characters: " + signed.txId());
    }
    if (signed.signatures().size() != 1) {
      failures.add("expected one signature, got " + signed.signatures().size());
    } else {
      Signature signature = signed.signatures().get(0);
      Address recovered = signature.recoverAddress(signed.txIdBytes());
      if (!recovered.equals(from)) {
        failures.add("signature recovers to " + recovered.toBase58() + ", not " + from.toBase58());
      }
    }
    String mode = ConsumerSmokeTest.class.getModule().isNamed() ? "module path" : "class path";
    if (failures.isEmpty()) {
      System.out.println("consumer smoke test passed on the " + mode);
    } else {
      failures.forEach(f -> System.err.println("FAILED: " + f));
      System.exit(1);
    }
  }
}

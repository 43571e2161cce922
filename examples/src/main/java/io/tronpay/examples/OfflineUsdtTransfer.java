package io.tronpay.examples;

import io.tronpay.client.TransactionJson;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TriggerSmartContract;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds, signs and checks a 12.5 USDT transfer without touching the network.
 *
 * <p>Run it with {@code mvn -q -pl examples exec:java} after {@code mvn -q -DskipTests install}.
 * It exits with a non-zero status if any of its own checks fails.
 */
public final class OfflineUsdtTransfer {
  /** USDT on TRON mainnet: a TRC20 token with 6 decimals. */
  static final Address USDT = Address.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
  static final int USDT_DECIMALS = 6;
  static final Address RECIPIENT = Address.fromBase58("TVMydtyfWxufY3SyHfJRU8FPvs24XYnaYm");
  static final String AMOUNT = "12.5";

  /*
   * A real mainnet block (from a node's /wallet/getblock answer). A transaction names a recent
   * block so that it can only land on the chain that has that block; a real application asks
   * its node for the latest block instead, because the node refuses references that are too old.
   */
  static final long REFERENCE_BLOCK_NUMBER = 30_864_544L;
  static final String REFERENCE_BLOCK_ID =
      "0000000001d6f4a09f60c27befccff6fe3cc593b2d6c46cdc79d3fd4f55db859";

  static final long FEE_LIMIT_SUN = Trx.toSun(30);
  static final long LIFETIME_MILLIS = 60_000L;

  private OfflineUsdtTransfer() {}

  /**
   * Runs the recipe and exits with status 1 if a check fails.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    int status = run(System.out, Clock.systemUTC());
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The whole recipe, narrated on {@code out}; returns 0 when every check passes. */
  static int run(PrintStream out, Clock clock) {
    out.println("== Offline USDT transfer ==");
    out.println();

    out.println("1. Make a fresh key. Its secret stays in memory and is never printed; only the");
    out.println("   address, which anyone may see, is shown.");
    PrivateKey key = PrivateKey.generate();
    try {
      Address sender = key.address();
      out.println("   sender address: " + sender);
      out.println();

      out.println("2. Turn '" + AMOUNT + " USDT' into base units. USDT has " + USDT_DECIMALS
          + " decimals:");
      TokenAmount amount = TokenAmount.parse(AMOUNT, USDT_DECIMALS);
      out.println("   " + AMOUNT + " USDT = " + amount.units() + " units (exact integer math, "
          + "no floating point).");
      out.println();

      out.println("3. Encode the TRC20 call transfer(recipient, units) as ABI call data.");
      byte[] callData = new Trc20Call.Transfer(RECIPIENT, amount.units()).encode();
      out.println("   recipient: " + RECIPIENT);
      out.println("   call data: " + HexFormat.of().formatHex(callData));
      out.println();

      out.println("4. Wrap it in a TriggerSmartContract aimed at the USDT contract and add the");
      out.println("   envelope: the reference block, a " + LIFETIME_MILLIS / 1000
          + "-second lifetime, and a fee limit of " + Trx.format(FEE_LIMIT_SUN) + " TRX");
      out.println("   (the most TRX the network may burn for the call's energy).");
      long now = clock.millis();
      RawData rawData = RawData.builder()
          .contract(new TriggerSmartContract(sender, USDT, callData))
          .referenceBlock(REFERENCE_BLOCK_NUMBER, REFERENCE_BLOCK_ID)
          .timestamp(now)
          .expiration(now + LIFETIME_MILLIS)
          .feeLimit(FEE_LIMIT_SUN)
          .build();
      Transaction unsigned = Transaction.of(rawData);
      out.println("   txID (SHA-256 of the encoded raw data): " + unsigned.txId());
      out.println();

      out.println("5. Sign the txID with the key (deterministic RFC 6979 signature).");
      Transaction signed = unsigned.sign(key);
      out.println("   signature: " + signed.signatures().get(0).toHex());
      out.println();

      out.println("6. The node JSON that /wallet/broadcasttransaction accepts:");
      String json = TransactionJson.toJson(signed);
      out.println(json);
      out.println();

      out.println("7. Check our own work before anyone relies on it:");
      Checks checks = new Checks(out);
      Transaction decoded = Transaction.decode(signed.encode());
      checks.check("the encoded bytes decode back to the same transaction",
          decoded.equals(signed));
      checks.check("the txID of the decoded bytes is unchanged",
          decoded.txId().equals(signed.txId()));
      checks.check("the signature recovers to the sender " + sender,
          decoded.recoverSigners().equals(List.of(sender)));
      checks.check("the JSON reads back to the same transaction",
          TransactionJson.fromJson(json).equals(signed));
      TriggerSmartContract call = (TriggerSmartContract) decoded.rawData().contract();
      checks.check("the call goes to the USDT contract", call.contractAddress().equals(USDT));
      checks.check("the call data is transfer(" + RECIPIENT + ", " + amount.units() + ")",
          Trc20Call.decode(call.data())
              .equals(new Trc20Call.Transfer(RECIPIENT, amount.units())));
      out.println();
      if (checks.failures > 0) {
        out.println("FAILED: " + checks.failures + " check(s) did not pass.");
        return 1;
      }
      out.println("All checks passed. Nothing was sent: broadcasting is a later recipe.");
      return 0;
    } finally {
      key.destroy();
    }
  }

  /** Prints each check and counts the ones that fail. */
  private static final class Checks {
    private final PrintStream out;
    private int failures;

    Checks(PrintStream out) {
      this.out = out;
    }

    void check(String what, boolean passed) {
      out.println("   [" + (passed ? "ok" : "FAIL") + "] " + what);
      if (!passed) {
        failures++;
      }
    }
  }
}

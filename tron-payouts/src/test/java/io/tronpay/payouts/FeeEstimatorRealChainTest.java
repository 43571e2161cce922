package io.tronpay.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.tronpay.core.Signature;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.payouts.FeeEstimate.Bandwidth;
import io.tronpay.payouts.FeeEstimate.BandwidthSource;
import io.tronpay.payouts.FeeEstimate.Energy;
import io.tronpay.payouts.FeeEstimate.EnergySource;
import io.tronpay.payouts.internal.ResourcePricing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The estimator's pricing rules, fed with real mainnet transactions and chain parameters, must
 * reproduce what mainnet charged for them ({@code gettransactioninfobyid}). Data: the README
 * beside the resources.
 */
class FeeEstimatorRealChainTest {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  private static final String DIR = "/fees/mainnet/";

  @Test
  void usdtTransfer_payingEnergyAndBandwidthInTrx_pricesToTheFeeMainnetCharged() {
    Transaction tx = signedTransaction("mainnet_TriggerSmartContract_USDT_46710419.json");
    Map<String, Object> info = json("mainnet_gettransactioninfobyid_USDT_46710419.json");
    Map<String, Object> receipt = map(info, "receipt");
    Map<String, Long> params = chainParameters();

    // The energy the node reported and the 2 units the owner had staked; no bandwidth tier
    // covered the bytes, as the receipt's net_fee shows.
    Energy energy = ResourcePricing.energy(EnergySource.ESTIMATE_ENERGY,
        number(receipt, "energy_usage_total"), number(receipt, "energy_usage_total"),
        number(receipt, "energy_usage"), params.get("getEnergyFee"));
    Bandwidth bandwidth = ResourcePricing.bandwidth(tx.bandwidthEstimate(), 0, 0,
        params.get("getTransactionFee"), false, params.get("getCreateAccountFee"),
        params.get("getCreateNewAccountBandwidthRate"));

    assertEquals(number(receipt, "energy_fee"), energy.burnSun());
    assertEquals(number(receipt, "net_fee"), bandwidth.burnSun());
    assertEquals(number(info, "fee"), energy.burnSun() + bandwidth.burnSun());
  }

  @Test
  void trxTransfer_activatingItsRecipient_burnsTheFlatFeesMainnetCharged() {
    Transaction tx = signedTransaction("mainnet_TransferContract_95e91bfa.json");
    Map<String, Object> info = json("mainnet_gettransactioninfobyid_TransferContract_fee_95e91bfa.json");
    Map<String, Long> params = chainParameters();

    // Free bandwidth is left untouched: activation may not use it.
    Bandwidth bandwidth = ResourcePricing.bandwidth(tx.bandwidthEstimate(), 0,
        params.get("getFreeNetLimit"), params.get("getTransactionFee"), true,
        params.get("getCreateAccountFee"), params.get("getCreateNewAccountBandwidthRate"));

    assertEquals(BandwidthSource.ACCOUNT_CREATION_FEE, bandwidth.source());
    assertEquals(number(map(info, "receipt"), "net_fee"), bandwidth.burnSun());
    assertEquals(number(info, "fee"),
        bandwidth.burnSun() + params.get("getCreateNewAccountFeeInSystemContract"));
  }

  @Test
  void transaction_signedOnMainnet_usesTheBandwidthMainnetCharged() {
    Transaction tx = signedTransaction("mainnet_TriggerSmartContract_USDT_46710419.json");
    Map<String, Object> info = json("mainnet_gettransactioninfobyid_USDT_46710419.json");
    Map<String, Long> params = chainParameters();

    Bandwidth bandwidth = ResourcePricing.bandwidth(tx.bandwidthEstimate(), 0, 0,
        params.get("getTransactionFee"), false, 0, 1);

    assertEquals(number(map(info, "receipt"), "net_fee") / params.get("getTransactionFee"),
        bandwidth.bytes());
  }

  private static Transaction signedTransaction(String file) {
    Map<String, Object> json = json(file);
    RawData raw = RawData.decode(HexFormat.of().parseHex((String) json.get("raw_data_hex")));
    @SuppressWarnings("unchecked")
    List<String> signatures = (List<String>) json.get("signature");
    return Transaction.of(raw, signatures.stream().map(Signature::fromHex).toList());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> chainParameters() {
    Map<String, Object> json = json("mainnet_getchainparameters_edge.json");
    Map<String, Long> out = new java.util.HashMap<>();
    for (Object entry : (List<Object>) json.get("chainParameter")) {
      Map<String, Object> e = (Map<String, Object>) entry;
      Object value = e.get("value");
      out.put((String) e.get("key"), value == null ? 0L : ((Number) value).longValue());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  private static long number(Map<String, Object> m, String key) {
    Object value = m.get(key);
    return value == null ? 0 : ((Number) value).longValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String file) {
    try (InputStream in = FeeEstimatorRealChainTest.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIR + file);
      }
      return (Map<String, Object>) JSON.fromJson(
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

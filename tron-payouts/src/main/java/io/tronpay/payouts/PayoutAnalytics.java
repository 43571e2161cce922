package io.tronpay.payouts;

import java.math.BigInteger;
import java.util.Map;

/**
 * Totals over the ledger.
 *
 * @param counts payouts per state (every state present, 0 when none)
 * @param confirmedVolume base units paid in confirmed transfers, per asset key ({@link
 *     Asset#key()})
 * @param feesBurnedSun TRX burned by every transaction that reached the chain, sun
 */
public record PayoutAnalytics(
    Map<PayoutState, Long> counts, Map<String, BigInteger> confirmedVolume, long feesBurnedSun) {
  /** Copies the maps. */
  public PayoutAnalytics {
    counts = Map.copyOf(counts);
    confirmedVolume = Map.copyOf(confirmedVolume);
  }
}

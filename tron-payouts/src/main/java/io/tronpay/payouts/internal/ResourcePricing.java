package io.tronpay.payouts.internal;

import io.tronpay.payouts.FeeEstimate.Bandwidth;
import io.tronpay.payouts.FeeEstimate.BandwidthSource;
import io.tronpay.payouts.FeeEstimate.Energy;
import io.tronpay.payouts.FeeEstimate.EnergySource;
import java.math.BigInteger;

/**
 * The network's charging rules as pure arithmetic, apart from the node requests that feed them,
 * so that they can be checked against the receipts of real transactions.
 */
public final class ResourcePricing {
  private static final long SUN_PER_TRX = 1_000_000L;

  private ResourcePricing() {}

  /**
   * {@code energy} raised by {@code percent}, rounded up so the margin never shrinks to nothing.
   *
   * @param energy not negative
   * @param percent not negative
   * @return the energy with the margin
   */
  public static long withMargin(long energy, int percent) {
    long scaled = Math.multiplyExact(energy, 100L + percent);
    return Math.addExact(scaled, 99) / 100;
  }

  /**
   * Prices energy the way java-tron does: staked energy first, all of it if need be, and the rest
   * burned at the energy price.
   *
   * @param source where {@code required} came from
   * @param required energy the call uses
   * @param withMargin the same with the safety margin
   * @param stakedAvailable the owner's unused staked energy
   * @param priceSun sun per unit
   * @return the energy side of an estimate
   */
  public static Energy energy(EnergySource source, long required, long withMargin,
      long stakedAvailable, long priceSun) {
    long toBuy = Math.max(0, required - Math.max(0, stakedAvailable));
    return new Energy(source, required, withMargin, Math.max(0, stakedAvailable), toBuy,
        priceSun, Math.multiplyExact(toBuy, priceSun));
  }

  /**
   * The sun a fee limit must allow for {@code energy}, after staked energy.
   *
   * @param energy energy the call may use
   * @param stakedAvailable the owner's unused staked energy
   * @param priceSun sun per unit
   * @return the burn
   */
  public static long energyBurn(long energy, long stakedAvailable, long priceSun) {
    return Math.multiplyExact(Math.max(0, energy - Math.max(0, stakedAvailable)), priceSun);
  }

  /**
   * Prices bandwidth the way java-tron's bandwidth processor does. Each tier must cover all the
   * bytes or it is skipped: staked bandwidth, then free bandwidth, then TRX. Activating an
   * account skips free bandwidth and burns a flat fee instead of the per-byte price.
   *
   * @param bytes the signed transaction's bandwidth
   * @param stakedAvailable the owner's unused staked bandwidth
   * @param freeAvailable the owner's unused free bandwidth
   * @param priceSun sun per byte
   * @param createsAccount whether the transaction activates its recipient
   * @param createAccountFeeSun the flat fee when activation is not covered by stake
   * @param createAccountBandwidthRate how many bytes of stake activation costs per byte
   * @return the bandwidth side of an estimate
   */
  public static Bandwidth bandwidth(long bytes, long stakedAvailable, long freeAvailable,
      long priceSun, boolean createsAccount, long createAccountFeeSun,
      long createAccountBandwidthRate) {
    long staked = Math.max(0, stakedAvailable);
    long free = Math.max(0, freeAvailable);
    if (createsAccount) {
      long cost = Math.multiplyExact(bytes, Math.max(1, createAccountBandwidthRate));
      if (staked >= cost) {
        return new Bandwidth(bytes, staked, free, BandwidthSource.STAKED, 0, priceSun, 0);
      }
      return new Bandwidth(bytes, staked, free, BandwidthSource.ACCOUNT_CREATION_FEE, bytes,
          priceSun, createAccountFeeSun);
    }
    if (staked >= bytes) {
      return new Bandwidth(bytes, staked, free, BandwidthSource.STAKED, 0, priceSun, 0);
    }
    if (free >= bytes) {
      return new Bandwidth(bytes, staked, free, BandwidthSource.FREE, 0, priceSun, 0);
    }
    return new Bandwidth(bytes, staked, free, BandwidthSource.BURNED, bytes, priceSun,
        Math.multiplyExact(bytes, priceSun));
  }

  /**
   * The staked TRX whose delegation grants at least {@code energy}: whole TRX, since the network
   * counts a stake's energy per whole TRX ({@code TotalEnergyLimit / TotalEnergyWeight} each), and
   * at least the 1 TRX the network accepts.
   *
   * @param energy not negative
   * @param totalEnergyLimit the network's energy per day ({@code TotalEnergyLimit}), positive
   * @param totalEnergyWeight the network's TRX staked for energy ({@code TotalEnergyWeight}),
   *     positive
   * @return sun, a multiple of 1 TRX
   */
  public static long stakeForEnergySun(long energy, long totalEnergyLimit,
      long totalEnergyWeight) {
    BigInteger trx = ceilDiv(BigInteger.valueOf(energy).multiply(
        BigInteger.valueOf(totalEnergyWeight)), BigInteger.valueOf(totalEnergyLimit));
    return Math.multiplyExact(Math.max(1, trx.longValueExact()), SUN_PER_TRX);
  }

  /**
   * The part of an account's energy stake that its energy use holds, which java-tron keeps from
   * being delegated.
   *
   * @param energyUsed the account's current energy use
   * @param totalEnergyLimit the network's energy per day, positive
   * @param totalEnergyWeight the network's TRX staked for energy, positive
   * @return sun, rounded up
   */
  public static long stakeHeldByUseSun(long energyUsed, long totalEnergyLimit,
      long totalEnergyWeight) {
    return ceilDiv(BigInteger.valueOf(Math.max(0, energyUsed))
        .multiply(BigInteger.valueOf(totalEnergyWeight))
        .multiply(BigInteger.valueOf(SUN_PER_TRX)), BigInteger.valueOf(totalEnergyLimit))
        .longValueExact();
  }

  private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }
}

package io.tronpay.testkit.internal;

/**
 * The chain's economic parameters. Defaults follow mainnet's chain parameters; the TRC20 energy
 * figures are those mainnet charged for real USDT transfers (see the module README).
 */
public record Params(
    long energyPriceSun,
    long bandwidthPriceSun,
    long freeNetLimit,
    long createAccountFeeSun,
    long createNewAccountFeeInSystemContractSun,
    long maxFeeLimitSun,
    long unfreezeDelayDays,
    long totalNetLimit,
    long totalNetWeight,
    long totalEnergyLimit,
    long totalEnergyWeight,
    long transferEnergyToHolder,
    long transferEnergyToNewHolder,
    long revertEnergy,
    long approveEnergy,
    long readEnergy,
    long relayOverheadEnergy,
    long rewardSunPerVotePerBlock,
    long memoFeeSun) {

  /** Mainnet-like defaults. */
  public static Params defaults() {
    return new Params(100, 1000, 600, 100_000, 1_000_000, 15_000_000_000L, 14,
        43_200_000_000L, 27_907_349_371L, 180_000_000_000L, 16_307_687_034L,
        64_285, 130_285, 4_416, 22_314, 935, 9_000, 1, 1_000_000);
  }

  /** Bandwidth a stake of {@code sun} grants. */
  public long netLimit(long sun) {
    return scale(sun, totalNetLimit, totalNetWeight);
  }

  /** Energy a stake of {@code sun} grants. */
  public long energyLimit(long sun) {
    return scale(sun, totalEnergyLimit, totalEnergyWeight);
  }

  private static long scale(long sun, long limit, long weight) {
    return java.math.BigInteger.valueOf(sun / 1_000_000L)
        .multiply(java.math.BigInteger.valueOf(limit))
        .divide(java.math.BigInteger.valueOf(weight))
        .longValueExact();
  }
}

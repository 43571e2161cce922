package io.tronpay.payouts;

import java.util.List;
import java.util.Objects;

/**
 * What a transaction will cost before it is sent, as {@link FeeEstimator} works it out. Every
 * amount of TRX is in sun; resources are in energy units and bytes.
 *
 * @param energy the energy the call uses and what of it must be bought
 * @param bandwidth the bandwidth the signed bytes use and what of it must be bought
 * @param accountCreationFeeSun the fee for activating the recipient of a TRX transfer ({@code
 *     getCreateNewAccountFeeInSystemContract}), 0 if the recipient exists
 * @param memoFeeSun the fee for a memo ({@code getMemoFee}), 0 without a memo
 * @param multiSignFeeSun the fee for more than one signature ({@code getMultiSignFee}), 0 for one
 * @param totalBurnSun all TRX the transaction is expected to burn: energy, bandwidth and fees
 * @param feeLimitSun the transaction's fee limit
 * @param suggestedFeeLimitSun the energy burn with the safety margin: a fee limit that covers it
 * @param feeLimitCovers whether the fee limit covers the energy burn with the safety margin
 *     (always true for a transaction that calls no contract)
 * @param recipientHoldsNoTokens whether the recipient of a TRC20 transfer holds none of the token
 *     yet, so the transfer costs about double the energy
 * @param warnings human-readable warnings, empty if none
 */
public record FeeEstimate(
    Energy energy,
    Bandwidth bandwidth,
    long accountCreationFeeSun,
    long memoFeeSun,
    long multiSignFeeSun,
    long totalBurnSun,
    long feeLimitSun,
    long suggestedFeeLimitSun,
    boolean feeLimitCovers,
    boolean recipientHoldsNoTokens,
    List<String> warnings) {

  /** Checks the fields and copies the list. */
  public FeeEstimate {
    Objects.requireNonNull(energy, "energy");
    Objects.requireNonNull(bandwidth, "bandwidth");
    warnings = List.copyOf(warnings);
  }

  /**
   * Whether the transaction is expected to burn any TRX at all.
   *
   * @return true if {@link #totalBurnSun()} is above 0
   */
  public boolean burnsTrx() {
    return totalBurnSun > 0;
  }

  /** Where the energy figure came from. */
  public enum EnergySource {
    /** The transaction calls no contract and uses no energy. */
    NONE,
    /** The node's {@code estimateenergy}. */
    ESTIMATE_ENERGY,
    /** The {@code energy_used} of {@code triggerconstantcontract}, for nodes without it. */
    CONSTANT_CALL
  }

  /** Which resource pays for the bandwidth. */
  public enum BandwidthSource {
    /** Bandwidth from staked (or delegated) TRX. */
    STAKED,
    /** The account's free daily bandwidth. */
    FREE,
    /** Neither covers the bytes, so TRX is burned at the bandwidth price. */
    BURNED,
    /**
     * The transfer activates its recipient and staked bandwidth does not cover it, so a flat fee
     * ({@code getCreateAccountFee}) is burned instead; free bandwidth cannot pay for activation.
     */
    ACCOUNT_CREATION_FEE
  }

  /**
   * The energy side of an estimate.
   *
   * @param source where {@code required} came from
   * @param required the energy the node expects the call to use
   * @param withMargin {@code required} plus the estimator's safety margin
   * @param stakedAvailable energy the owner has from stakes and delegations, not yet used
   * @param toBuy the part of {@code required} that staked energy does not cover
   * @param priceSun sun per unit of energy ({@code getEnergyFee})
   * @param burnSun {@code toBuy} times the price
   */
  public record Energy(
      EnergySource source,
      long required,
      long withMargin,
      long stakedAvailable,
      long toBuy,
      long priceSun,
      long burnSun) {
    /** Checks the source. */
    public Energy {
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * The bandwidth side of an estimate.
   *
   * @param bytes the bandwidth the signed transaction uses
   * @param stakedAvailable bandwidth the owner has from stakes and delegations, not yet used
   * @param freeAvailable the owner's free daily bandwidth not yet used
   * @param source which resource pays
   * @param toBuy the bytes paid with TRX: 0 or all of them, as the network never splits them
   * @param priceSun sun per byte ({@code getTransactionFee})
   * @param burnSun sun burned for bandwidth
   */
  public record Bandwidth(
      long bytes,
      long stakedAvailable,
      long freeAvailable,
      BandwidthSource source,
      long toBuy,
      long priceSun,
      long burnSun) {
    /** Checks the source. */
    public Bandwidth {
      Objects.requireNonNull(source, "source");
    }
  }
}

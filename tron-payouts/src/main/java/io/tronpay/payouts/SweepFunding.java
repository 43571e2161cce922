package io.tronpay.payouts;

import io.tronpay.core.Trx;
import java.util.Objects;

/**
 * How a sweep pays for the energy of each deposit address's token transfer: by delegating energy
 * of the treasury's staked TRX for the duration of the transfer ({@link #delegateEnergy()}, the
 * default, which burns no TRX for energy), or by sending each deposit address TRX that the
 * transfer burns ({@link #fundTrx(long)}). Immutable.
 */
public final class SweepFunding {
  /** The two ways of paying for energy. */
  public enum Mode {
    /** Delegate energy of the treasury's stake before the transfer and take it back after. */
    DELEGATE_ENERGY,
    /** Send TRX to the deposit address, which its transfer burns for energy. */
    FUND_TRX
  }

  private static final SweepFunding DELEGATE = new SweepFunding(Mode.DELEGATE_ENERGY, 0);

  private final Mode mode;
  private final long sunPerAddress;

  private SweepFunding(Mode mode, long sunPerAddress) {
    this.mode = mode;
    this.sunPerAddress = sunPerAddress;
  }

  /**
   * Delegates energy of TRX the treasury staked for energy (Stake 2.0) to each deposit address
   * before its transfer, and takes it back afterwards.
   *
   * @return the default funding
   */
  public static SweepFunding delegateEnergy() {
    return DELEGATE;
  }

  /**
   * Sends {@code sunPerAddress} of TRX to each deposit address before its transfer, to be burnt
   * for the transfer's energy and bandwidth; what is left stays on the deposit address.
   *
   * @param sunPerAddress greater than 0
   * @return the funding
   * @throws InvalidFieldException naming {@code sunPerAddress} if it is not positive
   */
  public static SweepFunding fundTrx(long sunPerAddress) {
    return new SweepFunding(Mode.FUND_TRX, Fields.positive("sunPerAddress", sunPerAddress));
  }

  /**
   * The way energy is paid.
   *
   * @return the mode
   */
  public Mode mode() {
    return mode;
  }

  /**
   * Whether energy is delegated from the treasury's stake.
   *
   * @return true for {@link Mode#DELEGATE_ENERGY}
   */
  public boolean delegatesEnergy() {
    return mode == Mode.DELEGATE_ENERGY;
  }

  /**
   * The TRX sent to each deposit address in {@link Mode#FUND_TRX}.
   *
   * @return sun, 0 when energy is delegated
   */
  public long sunPerAddress() {
    return sunPerAddress;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SweepFunding other && mode == other.mode
        && sunPerAddress == other.sunPerAddress;
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, sunPerAddress);
  }

  @Override
  public String toString() {
    return delegatesEnergy() ? "delegate energy from the treasury's stake"
        : "fund " + Trx.format(sunPerAddress) + " TRX per address to burn for energy";
  }
}

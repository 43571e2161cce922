package io.tronpay.payouts;

/** What a ledger entry's transaction does. Sweeps add the resource steps around a transfer. */
public enum PayoutKind {
  /** A TRX or TRC20 transfer. */
  TRANSFER,
  /** Delegates energy of staked TRX ({@code amount} sun) to {@code to}, for a sweep. */
  DELEGATE_ENERGY,
  /** Takes back energy delegated to {@code to} ({@code amount} sun), after a sweep. */
  UNDELEGATE_ENERGY
}

package io.tronpay.monitor;

/** How incoming transfers find their request. */
public enum MatchMode {
  /**
   * The deposit address belongs to this request alone; every transfer of the asset to it counts,
   * and several transfers add up. Recommended, with watch-only addresses derived from an xpub.
   */
  UNIQUE_ADDRESS,
  /**
   * The address is shared; a transfer counts only when it equals the request's expected amount
   * exactly. {@link AmountAllocator} hands out amounts that tell open requests apart.
   */
  SHARED_ADDRESS
}

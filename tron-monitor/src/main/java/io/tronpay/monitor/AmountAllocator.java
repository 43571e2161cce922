package io.tronpay.monitor;

import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Hands out unique amounts for requests that share one deposit address: the base amount plus
 * the smallest multiple of {@code increment} (1 × increment or more) that no open request on
 * the address expects. Starting at one increment keeps round amounts, which strangers send by
 * mistake, from ever matching.
 *
 * @param increment the step in base units (1 = the smallest unit)
 * @param maxIncrements how many steps to try before giving up
 */
public record AmountAllocator(BigInteger increment, int maxIncrements) {
  /** Steps of one base unit, up to 10,000 open requests per address and base amount. */
  public static final AmountAllocator DEFAULT = new AmountAllocator(BigInteger.ONE, 10_000);

  /** Checks the values. */
  public AmountAllocator {
    Objects.requireNonNull(increment, "increment");
    if (increment.signum() <= 0) {
      throw new IllegalArgumentException("increment must be more than 0, got " + increment);
    }
    if (maxIncrements < 1) {
      throw new IllegalArgumentException("maxIncrements must be at least 1, got "
          + maxIncrements);
    }
  }

  /**
   * The amount for a new request.
   *
   * @param base the price in base units
   * @param taken amounts that open requests on the address already expect
   * @return {@code base + k × increment} for the smallest free {@code k ≥ 1}
   * @throws AllocationExhaustedException if all {@code maxIncrements} steps are taken
   */
  public BigInteger allocate(BigInteger base, Collection<BigInteger> taken) {
    Set<BigInteger> used = new HashSet<>(taken);
    BigInteger candidate = base;
    for (int k = 1; k <= maxIncrements; k++) {
      candidate = candidate.add(increment);
      if (!used.contains(candidate)) {
        return candidate;
      }
    }
    throw new AllocationExhaustedException("all " + maxIncrements
        + " amounts above " + base + " are taken by open requests");
  }

  /** Every amount this allocator may hand out for a base is taken. */
  public static final class AllocationExhaustedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * An exhausted allocator.
     *
     * @param message which base amount
     */
    public AllocationExhaustedException(String message) {
      super(message);
    }
  }
}

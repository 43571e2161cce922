package io.tronpay.wallet;

import io.tronpay.core.Address;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Restores a gateway's next address index from the chain after it lost its database: it walks the
 * addresses in order and stops once {@code gapLimit} unused ones follow the last used one (BIP44
 * uses 20).
 */
public final class GapLimit {
  /** The gap limit BIP44 recommends. */
  public static final int BIP44_GAP_LIMIT = 20;

  private GapLimit() {}

  /**
   * The outcome of a scan.
   *
   * @param lastUsed the highest used index found, empty if none was used
   * @param firstUnused the lowest unused index (a hole below {@code lastUsed}, or the next one)
   * @param nextIndex the index to hand out next: {@code lastUsed + 1}, or 0
   * @param scanned how many addresses were checked
   */
  public record Result(OptionalInt lastUsed, int firstUnused, int nextIndex, int scanned) {
    /** Checks the fields are present. */
    public Result {
      Objects.requireNonNull(lastUsed, "lastUsed");
    }
  }

  /**
   * Scans the receiving chain ({@code 0/i}) of {@code account}.
   *
   * @param isUsed whether an address has ever received a transfer, e.g. asked of a node
   * @throws GapLimitException if {@code gapLimit} is below 1
   */
  public static Result scan(WatchOnlyAccount account, Predicate<Address> isUsed, int gapLimit) {
    return scan(account, 0, isUsed, gapLimit);
  }

  /** Scans the chain {@code change/i} of {@code account}; see {@link #scan(WatchOnlyAccount, Predicate, int)}. */
  public static Result scan(
      WatchOnlyAccount account, int change, Predicate<Address> isUsed, int gapLimit) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(isUsed, "isUsed");
    if (gapLimit < 1) {
      throw new GapLimitException(gapLimit);
    }
    int lastUsed = -1;
    int firstUnused = -1;
    int index = 0;
    int unusedRun = 0;
    while (unusedRun < gapLimit && index <= HdPath.MAX_INDEX && index >= 0) {
      if (isUsed.test(account.address(change, index))) {
        lastUsed = index;
        unusedRun = 0;
      } else {
        if (firstUnused < 0) {
          firstUnused = index;
        }
        unusedRun++;
      }
      index++;
    }
    return new Result(lastUsed < 0 ? OptionalInt.empty() : OptionalInt.of(lastUsed),
        firstUnused < 0 ? lastUsed + 1 : firstUnused, lastUsed + 1, index);
  }

  /** A gap limit below 1. */
  public static final class GapLimitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    GapLimitException(int gapLimit) {
      super("gap limit must be at least 1, got " + gapLimit);
    }
  }
}

package io.tronpay.payouts;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The shipped {@link PayoutPolicy}: a maximum per payout and a rolling 24-hour maximum, per asset.
 * Assets without a limit are refused, so a new token never pays out unchecked. Immutable; build it
 * with {@link #builder()}.
 */
public final class LimitsPolicy implements PayoutPolicy {
  private static final Duration WINDOW = Duration.ofHours(24);

  private final Map<String, BigInteger> perPayout;
  private final Map<String, BigInteger> perDay;

  private LimitsPolicy(Builder b) {
    this.perPayout = Map.copyOf(b.perPayout);
    this.perDay = Map.copyOf(b.perDay);
  }

  /**
   * A builder with no limits yet.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Decision approve(PayoutRequest request, Context context) {
    String key = request.asset().key();
    BigInteger max = perPayout.get(key);
    BigInteger daily = perDay.get(key);
    if (max == null || daily == null) {
      return Decision.refuse("no limits configured for " + request.asset().symbol());
    }
    BigInteger amount = request.amount().units();
    if (amount.compareTo(max) > 0) {
      return Decision.refuse("amount " + request.amount() + " " + request.asset().symbol()
          + " exceeds the per-payout maximum " + request.asset().amount(max));
    }
    BigInteger committed = context.committedSince(request.asset(), context.now().minus(WINDOW));
    if (committed.add(amount).compareTo(daily) > 0) {
      return Decision.refuse("24 h total would reach " + request.asset().amount(committed
          .add(amount)) + " " + request.asset().symbol() + ", above the maximum "
          + request.asset().amount(daily));
    }
    return Decision.approve();
  }

  @Override
  public String toString() {
    return "LimitsPolicy[perPayout=" + perPayout + ", per24h=" + perDay + "]";
  }

  /** Configures a {@link LimitsPolicy}. */
  public static final class Builder {
    private final Map<String, BigInteger> perPayout = new HashMap<>();
    private final Map<String, BigInteger> perDay = new HashMap<>();

    private Builder() {}

    /**
     * Limits for one asset.
     *
     * @param asset the asset
     * @param maxPerPayout base units one payout may pay at most
     * @param maxPer24h base units all payouts created in any 24 h window may pay at most
     * @return this
     */
    public Builder limit(Asset asset, BigInteger maxPerPayout, BigInteger maxPer24h) {
      Fields.positive("maxPerPayout", maxPerPayout);
      Fields.positive("maxPer24h", maxPer24h);
      perPayout.put(asset.key(), maxPerPayout);
      perDay.put(asset.key(), maxPer24h);
      return this;
    }

    /**
     * The policy.
     *
     * @return an immutable policy
     */
    public LimitsPolicy build() {
      return new LimitsPolicy(this);
    }
  }
}

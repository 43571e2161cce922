package io.tronpay.payouts;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a sweep will do and what it will cost, worked out by {@link SweepPlanner} before anything
 * is signed: the deposit addresses it moves tokens from, in order, each with its balance and
 * steps, and the addresses it leaves alone. A plan is data; printing it ({@link #describe()}) is
 * the dry run, and {@link Sweeper#run(SweepPlan)} carries it out. A host may store the plan and
 * rebuild it with the canonical constructor to run it again after a crash.
 *
 * @param sweepId the sweep's id, from which every step's idempotency key derives
 * @param token the token swept
 * @param treasury where the tokens go; it pays for activations, delegations and funding
 * @param funding how the transfers' energy is paid
 * @param minimum the smallest balance swept
 * @param items the addresses swept, in the order their steps are taken
 * @param skipped the addresses left alone, with the reason
 * @param total the sum of the items' balances
 * @param totalFundSun TRX the treasury sends to deposit addresses, in sun
 * @param totalDelegateSun staked TRX whose energy is delegated at once, in sun
 * @param estimatedBurnSun TRX all steps are expected to burn, in sun
 * @param treasuryDelegatableSun the treasury's staked TRX whose energy it may delegate now, in sun
 *     (0 when energy is not delegated)
 * @param warnings human-readable warnings, empty if none
 */
public record SweepPlan(
    String sweepId,
    Asset token,
    Address treasury,
    SweepFunding funding,
    TokenAmount minimum,
    List<Item> items,
    List<Skipped> skipped,
    TokenAmount total,
    long totalFundSun,
    long totalDelegateSun,
    long estimatedBurnSun,
    long treasuryDelegatableSun,
    List<String> warnings) {

  /** The longest sweep id: the longest step key must fit the ledger's 128 characters. */
  public static final int MAX_SWEEP_ID_LENGTH = 64;

  private static final Pattern SWEEP_ID = Pattern.compile("[A-Za-z0-9._-]+");

  /** Checks that the fields agree with each other and copies the lists. */
  public SweepPlan {
    requireSweepId(sweepId);
    Objects.requireNonNull(token, "token");
    Fields.address("treasury", treasury);
    Objects.requireNonNull(funding, "funding");
    Objects.requireNonNull(minimum, "minimum");
    items = List.copyOf(items);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(total, "total");
    Set<Address> seen = new HashSet<>();
    BigInteger sum = BigInteger.ZERO;
    long fund = 0;
    long delegate = 0;
    long burn = 0;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item.deposit().equals(treasury)) {
        throw new InvalidFieldException("items[" + i + "].deposit", "is the treasury");
      }
      if (!seen.add(item.deposit())) {
        throw new InvalidFieldException("items[" + i + "].deposit",
            item.deposit().toBase58() + " appears twice");
      }
      if (item.balance().decimals() != token.decimals()) {
        throw new InvalidFieldException("items[" + i + "].balance",
            "has " + item.balance().decimals() + " decimals but " + token.symbol() + " has "
                + token.decimals());
      }
      sum = sum.add(item.balance().units());
      fund = Math.addExact(fund, item.fundSun());
      delegate = Math.addExact(delegate, item.delegateSun());
      burn = Math.addExact(burn, item.estimatedBurnSun());
    }
    requireTotal("total", sum, total.units());
    requireTotal("totalFundSun", BigInteger.valueOf(fund), BigInteger.valueOf(totalFundSun));
    requireTotal("totalDelegateSun", BigInteger.valueOf(delegate),
        BigInteger.valueOf(totalDelegateSun));
    requireTotal("estimatedBurnSun", BigInteger.valueOf(burn),
        BigInteger.valueOf(estimatedBurnSun));
  }

  private static void requireTotal(String field, BigInteger expected, BigInteger actual) {
    if (!expected.equals(actual)) {
      throw new InvalidFieldException(field, "is " + actual + " but the items add up to "
          + expected);
    }
  }

  static String requireSweepId(String sweepId) {
    if (sweepId == null || sweepId.isEmpty()) {
      throw new InvalidFieldException("sweepId", "is missing");
    }
    if (sweepId.length() > MAX_SWEEP_ID_LENGTH) {
      throw new InvalidFieldException("sweepId", "must be at most " + MAX_SWEEP_ID_LENGTH
          + " characters, got " + sweepId.length());
    }
    if (!SWEEP_ID.matcher(sweepId).matches()) {
      throw new InvalidFieldException("sweepId",
          "may hold only letters, digits, '.', '_' and '-'");
    }
    return sweepId;
  }

  /**
   * The dry-run report: what will be swept from where, each address's steps, the cost and the
   * warnings. Nothing is signed or sent to produce it.
   *
   * @return several lines of text
   */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("Sweep ").append(sweepId).append(": ").append(total).append(' ')
        .append(token.symbol()).append(" from ").append(items.size()).append(" of ")
        .append(items.size() + skipped.size()).append(" deposit addresses to ")
        .append(treasury.toBase58()).append('\n');
    out.append("Energy: ").append(funding);
    if (funding.delegatesEnergy()) {
      out.append(" (").append(Trx.format(totalDelegateSun)).append(" of ")
          .append(Trx.format(treasuryDelegatableSun)).append(" TRX delegatable)");
    }
    out.append('\n');
    for (Item item : items) {
      out.append("  ").append(item.deposit().toBase58()).append("  ").append(item.balance())
          .append(' ').append(token.symbol());
      if (item.activationNeeded()) {
        out.append("  activate");
      }
      if (item.fundSun() > 0) {
        out.append("  fund ").append(Trx.format(item.fundSun())).append(" TRX");
      }
      if (item.delegateSun() > 0) {
        out.append("  delegate ").append(Trx.format(item.delegateSun())).append(" TRX (")
            .append(item.energyWithMargin()).append(" energy)");
      }
      out.append("  burns ~").append(Trx.format(item.estimatedBurnSun())).append(" TRX\n");
    }
    for (Skipped s : skipped) {
      out.append("  skip ").append(s.deposit().toBase58()).append("  ").append(s.balance())
          .append(' ').append(token.symbol()).append(": ").append(s.reason()).append('\n');
    }
    out.append("Estimated TRX burnt: ").append(Trx.format(estimatedBurnSun))
        .append("; TRX sent to deposit addresses: ").append(Trx.format(totalFundSun))
        .append('\n');
    for (String warning : warnings) {
      out.append("Warning: ").append(warning).append('\n');
    }
    out.append("Dry run: nothing has been signed or sent.");
    return out.toString();
  }

  /** The dry-run report, as {@link #describe()}. */
  @Override
  public String toString() {
    return describe();
  }

  /**
   * One deposit address to sweep and its steps: fund (when {@code fundSun} is above 0; it also
   * activates the account), delegate energy (when {@code delegateSun} is above 0), transfer the
   * token, and take the energy back.
   *
   * @param deposit the deposit address
   * @param balance its token balance when planned: the amount transferred
   * @param activationNeeded whether the address is not an account on chain yet (it only received
   *     tokens), so that the funding transfer must activate it before energy can be delegated to
   *     it or it can send anything
   * @param energy the energy the node expects the transfer to use
   * @param energyWithMargin {@code energy} with the planner's safety margin
   * @param fundSun TRX the treasury sends to the address first, in sun; 0 for none
   * @param delegateSun staked TRX whose energy the treasury delegates, in sun; 0 for none
   * @param fundBurnSun TRX the funding transfer is expected to burn (the treasury pays)
   * @param delegateBurnSun TRX the delegation is expected to burn (the treasury pays)
   * @param transferBurnSun TRX the token transfer is expected to burn (the address pays)
   * @param undelegateBurnSun TRX taking the energy back is expected to burn (the treasury pays)
   */
  public record Item(
      Address deposit,
      TokenAmount balance,
      boolean activationNeeded,
      long energy,
      long energyWithMargin,
      long fundSun,
      long delegateSun,
      long fundBurnSun,
      long delegateBurnSun,
      long transferBurnSun,
      long undelegateBurnSun) {

    /** Checks the fields. */
    public Item {
      Fields.address("deposit", deposit);
      Objects.requireNonNull(balance, "balance");
      Fields.positive("balance", balance.units());
      requireNotNegative("energy", energy);
      requireNotNegative("energyWithMargin", energyWithMargin);
      requireNotNegative("fundSun", fundSun);
      requireNotNegative("delegateSun", delegateSun);
      requireNotNegative("fundBurnSun", fundBurnSun);
      requireNotNegative("delegateBurnSun", delegateBurnSun);
      requireNotNegative("transferBurnSun", transferBurnSun);
      requireNotNegative("undelegateBurnSun", undelegateBurnSun);
      if (activationNeeded && fundSun == 0) {
        throw new InvalidFieldException("fundSun", "must be above 0 to activate "
            + deposit.toBase58());
      }
    }

    private static void requireNotNegative(String field, long value) {
      if (value < 0) {
        throw new InvalidFieldException(field, "must not be negative, got " + value);
      }
    }

    /**
     * TRX all of this address's steps are expected to burn.
     *
     * @return sun
     */
    public long estimatedBurnSun() {
      return Math.addExact(Math.addExact(fundBurnSun, delegateBurnSun),
          Math.addExact(transferBurnSun, undelegateBurnSun));
    }
  }

  /**
   * A deposit address the sweep leaves alone.
   *
   * @param deposit the address
   * @param balance its token balance when planned
   * @param reason why, such as a balance below the minimum
   */
  public record Skipped(Address deposit, TokenAmount balance, String reason) {
    /** Checks the fields. */
    public Skipped {
      Fields.address("deposit", deposit);
      Objects.requireNonNull(balance, "balance");
      Objects.requireNonNull(reason, "reason");
    }
  }
}

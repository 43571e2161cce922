package io.tronpay.payouts;

import io.tronpay.client.Account;
import io.tronpay.client.AccountResource;
import io.tronpay.client.ChainParameters;
import io.tronpay.client.ConstantCallResult;
import io.tronpay.client.TronClient;
import io.tronpay.client.TronNodeException;
import io.tronpay.client.TronTransportException;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.payouts.FeeEstimate.Bandwidth;
import io.tronpay.payouts.FeeEstimate.BandwidthSource;
import io.tronpay.payouts.internal.ResourcePricing;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out a {@link SweepPlan}: which deposit addresses hold enough of a token to sweep to the
 * treasury, and for each what its transfer needs and costs. It reads the chain and signs nothing,
 * so a plan is also the dry run.
 *
 * <p>For each address at or above the minimum it asks the node for the energy of the transfer to
 * the treasury ({@code estimateenergy}, or {@code triggerconstantcontract} on nodes without it)
 * and adds the safety margin; an address whose transfer would revert (a blacklisted holder, say)
 * is skipped. It checks whether the address is an account yet: one that only received tokens is
 * not, and java-tron refuses both a delegation to it and any transaction from it, so the treasury
 * first sends it TRX (1 sun, or what its bandwidth needs), paying the activation fee. It prices
 * bandwidth against the address's free daily bandwidth and the treasury's staked and free
 * bandwidth, in the order the {@link Sweeper} sends the steps.
 *
 * <p>With {@link SweepFunding#delegateEnergy()} it converts each transfer's energy into whole TRX of
 * stake ({@code TotalEnergyWeight / TotalEnergyLimit} per unit of energy, at least 1 TRX), and
 * checks the sum against the stake the treasury may delegate now (its energy stake less what its
 * own energy use holds). Addresses that no longer fit are skipped, to be swept by a later run.
 *
 * <p>Immutable and thread-safe; it does not own the client.
 */
public final class SweepPlanner {
  /** The most deposit addresses one plan takes. */
  public static final int MAX_DEPOSITS = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(SweepPlanner.class);
  /** The smallest TRX transfer that activates an account: 1 sun. */
  private static final long ACTIVATION_SUN = 1;

  private final TronClient client;
  private final Asset token;
  private final Address treasury;
  private final TokenAmount minimum;
  private final SweepFunding funding;
  private final int safetyMarginPercent;
  private final long tokenFeeLimitSun;

  private SweepPlanner(Builder b) {
    this.client = b.client;
    this.token = b.token;
    this.treasury = b.treasury;
    this.minimum = b.minimum;
    this.funding = b.funding;
    this.safetyMarginPercent = b.safetyMarginPercent;
    this.tokenFeeLimitSun = b.tokenFeeLimitSun;
  }

  /**
   * A builder; client, token, treasury and minimum are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Plans a sweep of {@code deposits}: reads each one's balance and keeps those at or above the
   * minimum, in the order given.
   *
   * @param sweepId 1 to 64 letters, digits, '.', '_' or '-'; every step's idempotency key derives
   *     from it, so running a plan twice under one id sweeps each address once
   * @param deposits up to {@value #MAX_DEPOSITS} distinct addresses, not the treasury
   * @return the plan
   * @throws InvalidFieldException naming {@code sweepId}, {@code deposits} or {@code
   *     deposits[i]}, or {@code treasury} if it is not an account on chain
   */
  public SweepPlan plan(String sweepId, Collection<Address> deposits) {
    SweepPlan.requireSweepId(sweepId);
    List<Address> addresses = checkDeposits(deposits);

    ChainParameters params = client.getChainParameters();
    ReferenceBlock reference = ReferenceBlock.of(client.getNowBlock());
    Account treasuryAccount = client.getAccount(treasury).orElseThrow(() ->
        new InvalidFieldException("treasury", treasury.toBase58()
            + " is not an account on chain"));
    AccountResource treasuryResource = client.getAccountResource(treasury);
    List<String> warnings = new ArrayList<>();
    List<SweepPlan.Skipped> skipped = new ArrayList<>();

    List<Candidate> candidates = new ArrayList<>();
    for (Address deposit : addresses) {
      TokenAmount balance = token.amount(client.balanceOf(token.contract(), deposit));
      if (balance.compareTo(minimum) < 0) {
        skipped.add(new SweepPlan.Skipped(deposit, balance,
            "below the minimum of " + minimum + " " + token.symbol()));
      } else {
        candidates.add(new Candidate(deposit, balance));
      }
    }

    long delegatable = funding.delegatesEnergy() ? delegatable(treasuryAccount,
        treasuryResource, warnings) : 0;
    long delegated = 0;
    boolean outOfStake = false;
    List<Draft> drafts = new ArrayList<>();
    for (Candidate c : candidates) {
      Optional<Draft> draft = draft(c, params, reference, treasuryResource, skipped);
      if (draft.isEmpty()) {
        continue;
      }
      Draft d = draft.get();
      if (d.delegateSun > 0 && delegated + d.delegateSun > delegatable) {
        skipped.add(new SweepPlan.Skipped(c.deposit, c.balance, "needs "
            + Trx.format(d.delegateSun) + " TRX of delegated stake, more than the treasury has"
            + " left after the addresses before it; sweep it in a later run"));
        outOfStake = true;
        continue;
      }
      delegated += d.delegateSun;
      drafts.add(d);
    }
    if (outOfStake) {
      warnings.add("the treasury may delegate " + Trx.format(delegatable)
          + " TRX of energy stake, not enough for every address; stake more TRX for energy"
          + " or sweep the rest in a later run");
    }

    priceTreasurySteps(drafts, params, reference, treasuryResource);
    List<SweepPlan.Item> items = new ArrayList<>();
    TokenAmount total = token.amount(BigInteger.ZERO);
    long fund = 0;
    long delegate = 0;
    long burn = 0;
    long treasurySpend = 0;
    for (Draft d : drafts) {
      SweepPlan.Item item = d.item();
      items.add(item);
      total = total.plus(item.balance());
      fund += item.fundSun();
      delegate += item.delegateSun();
      burn += item.estimatedBurnSun();
      treasurySpend += item.fundSun() + item.fundBurnSun() + item.delegateBurnSun()
          + item.undelegateBurnSun();
    }
    if (treasurySpend > treasuryAccount.balance()) {
      warnings.add("the treasury holds " + Trx.format(treasuryAccount.balance())
          + " TRX but the sweep is expected to take " + Trx.format(treasurySpend)
          + " TRX from it");
    }
    LOG.info("sweep {} planned: {} {} from {} of {} addresses, ~{} TRX burnt", sweepId, total,
        token.symbol(), items.size(), addresses.size(), Trx.format(burn));
    return new SweepPlan(sweepId, token, treasury, funding, minimum, items, skipped, total, fund,
        delegate, burn, delegatable, warnings);
  }

  private List<Address> checkDeposits(Collection<Address> deposits) {
    if (deposits == null) {
      throw new InvalidFieldException("deposits", "is missing");
    }
    if (deposits.size() > MAX_DEPOSITS) {
      throw new InvalidFieldException("deposits", "a plan takes at most " + MAX_DEPOSITS
          + " addresses, got " + deposits.size());
    }
    List<Address> out = new ArrayList<>(deposits.size());
    Set<Address> seen = new HashSet<>();
    int i = 0;
    for (Address deposit : deposits) {
      if (deposit == null) {
        throw new InvalidFieldException("deposits[" + i + "]", "is missing");
      }
      if (deposit.equals(treasury)) {
        throw new InvalidFieldException("deposits[" + i + "]", "is the treasury "
            + treasury.toBase58());
      }
      if (!seen.add(deposit)) {
        throw new InvalidFieldException("deposits[" + i + "]", deposit.toBase58()
            + " appears twice");
      }
      out.add(deposit);
      i++;
    }
    return out;
  }

  /** The treasury's energy stake that it may delegate now, as java-tron reckons it. */
  private long delegatable(Account account, AccountResource resource, List<String> warnings) {
    long staked = 0;
    for (Account.Stake stake : account.frozenV2()) {
      if (stake.resource() == ResourceCode.ENERGY) {
        staked += stake.amount();
      }
    }
    if (resource.totalEnergyLimit() <= 0 || resource.totalEnergyWeight() <= 0) {
      warnings.add("the node reports no network energy totals; nothing can be delegated");
      return 0;
    }
    long held = ResourcePricing.stakeHeldByUseSun(resource.energyUsed(),
        resource.totalEnergyLimit(), resource.totalEnergyWeight());
    if (staked == 0) {
      warnings.add("the treasury has no TRX staked for energy; stake some (Stake 2.0) or fund"
          + " the addresses with TRX instead");
    }
    return Math.max(0, staked - held);
  }

  private Optional<Draft> draft(Candidate c, ChainParameters params, ReferenceBlock reference,
      AccountResource treasuryResource, List<SweepPlan.Skipped> skipped) {
    Transaction transfer = Trc20Transfer.transfer(token.contract(), c.deposit, treasury,
        c.balance.units()).feeLimit(tokenFeeLimitSun).referenceBlock(reference).build();
    byte[] callData = new Trc20Call.Transfer(treasury, c.balance.units()).encode();
    long energy;
    try {
      energy = transferEnergy(c.deposit, callData);
    } catch (TronNodeException e) {
      skipped.add(new SweepPlan.Skipped(c.deposit, c.balance, "the transfer would fail ("
          + e.code() + (e.nodeMessage().isEmpty() ? "" : ": " + e.nodeMessage()) + ")"));
      return Optional.empty();
    }
    long withMargin = ResourcePricing.withMargin(energy, safetyMarginPercent);

    Optional<Account> account = client.getAccount(c.deposit);
    boolean exists = account.isPresent();
    long trx = account.map(Account::balance).orElse(0L);
    long energyAvailable = 0;
    long stakedNet = 0;
    long freeNet = params.get("getFreeNetLimit").orElse(0);
    if (exists) {
      AccountResource r = client.getAccountResource(c.deposit);
      energyAvailable = Math.max(0, r.energyLimit() - r.energyUsed());
      stakedNet = r.netLimit() - r.netUsed();
      freeNet = r.freeNetLimit() - r.freeNetUsed();
    }
    Bandwidth net = ResourcePricing.bandwidth(transfer.bandwidthEstimate(1), stakedNet, freeNet,
        params.transactionFee(), false, 0, 1);

    long delegateSun = 0;
    long energyBurn = 0;
    if (funding.delegatesEnergy()) {
      long shortfall = withMargin - energyAvailable;
      if (shortfall > 0) {
        delegateSun = ResourcePricing.stakeForEnergySun(shortfall,
            treasuryResource.totalEnergyLimit(), treasuryResource.totalEnergyWeight());
      }
    } else {
      energyBurn = ResourcePricing.energyBurn(energy, energyAvailable, params.energyFee());
    }
    long transferBurn = Math.addExact(net.burnSun(), energyBurn);
    long fundSun;
    if (funding.delegatesEnergy()) {
      // The margin covers a transfer signed a few bytes longer than the one priced here.
      long needed = ResourcePricing.withMargin(transferBurn, safetyMarginPercent);
      fundSun = Math.max(needed - trx, exists ? 0 : ACTIVATION_SUN);
    } else {
      fundSun = funding.sunPerAddress();
      long needed = net.burnSun() + ResourcePricing.energyBurn(withMargin, energyAvailable,
          params.energyFee());
      if (fundSun + trx < needed) {
        skipped.add(new SweepPlan.Skipped(c.deposit, c.balance, "would hold "
            + Trx.format(fundSun + trx) + " TRX but its transfer may burn "
            + Trx.format(needed) + " TRX; raise the TRX funded per address"));
        return Optional.empty();
      }
    }
    return Optional.of(new Draft(c.deposit, c.balance, !exists, energy, withMargin, fundSun,
        delegateSun, transferBurn));
  }

  /** The transfer's energy; a node refusal means the transfer would fail on chain too. */
  private long transferEnergy(Address deposit, byte[] callData) {
    try {
      return client.estimateEnergy(deposit, token.contract(), callData, 0);
    } catch (TronNodeException e) {
      if (TronNodeException.CONTRACT_EXE_ERROR.equals(e.code())
          || TronNodeException.CONTRACT_VALIDATE_ERROR.equals(e.code())) {
        throw e;
      }
      LOG.debug("estimateenergy refused ({}); using triggerconstantcontract", e.code());
    } catch (TronTransportException e) {
      if (e.httpStatus() != 404 && e.httpStatus() != 405) {
        throw e;
      }
      LOG.debug("estimateenergy not served (HTTP {}); using triggerconstantcontract",
          e.httpStatus());
    }
    ConstantCallResult result = client.triggerConstantContract(deposit, token.contract(), callData);
    if (result.reverted()) {
      throw new TronNodeException(TronNodeException.CONTRACT_EXE_ERROR, "REVERT");
    }
    return result.energyUsed();
  }

  /**
   * Prices the treasury's transactions in the order the sweeper sends them (every funding, then
   * every delegation, then every undelegation), each drawing on the treasury's staked bandwidth,
   * then its free bandwidth, then TRX.
   */
  private void priceTreasurySteps(List<Draft> drafts, ChainParameters params,
      ReferenceBlock reference, AccountResource resource) {
    long staked = resource.netLimit() - resource.netUsed();
    long free = resource.freeNetLimit() - resource.freeNetUsed();
    long price = params.transactionFee();
    long createFee = params.createNewAccountFeeInSystemContract();
    long createBandwidthFee = params.get("getCreateAccountFee").orElse(0);
    long createRate = params.get("getCreateNewAccountBandwidthRate").orElse(1);
    for (Draft d : drafts) {
      if (d.fundSun > 0) {
        long bytes = TrxTransfer.of(treasury, d.deposit, d.fundSun).referenceBlock(reference)
            .build().bandwidthEstimate(1);
        Bandwidth net = ResourcePricing.bandwidth(bytes, staked, free, price, d.activation,
            createBandwidthFee, createRate);
        staked -= used(net, d.activation ? bytes * Math.max(1, createRate) : bytes,
            BandwidthSource.STAKED);
        free -= used(net, bytes, BandwidthSource.FREE);
        d.fundBurn = net.burnSun() + (d.activation ? createFee : 0);
      }
    }
    for (int pass = 0; pass < 2; pass++) {
      for (Draft d : drafts) {
        if (d.delegateSun == 0) {
          continue;
        }
        TransactionBuilder builder = pass == 0
            ? Staking.delegate(treasury, d.deposit, ResourceCode.ENERGY, d.delegateSun)
            : Staking.undelegate(treasury, d.deposit, ResourceCode.ENERGY, d.delegateSun);
        long bytes = builder.referenceBlock(reference).build().bandwidthEstimate(1);
        Bandwidth net = ResourcePricing.bandwidth(bytes, staked, free, price, false, 0, 1);
        staked -= used(net, bytes, BandwidthSource.STAKED);
        free -= used(net, bytes, BandwidthSource.FREE);
        if (pass == 0) {
          d.delegateBurn = net.burnSun();
        } else {
          d.undelegateBurn = net.burnSun();
        }
      }
    }
  }

  private static long used(Bandwidth net, long bytes, BandwidthSource source) {
    return net.source() == source ? bytes : 0;
  }

  /** A deposit address at or above the minimum. */
  private record Candidate(Address deposit, TokenAmount balance) {}

  /** An item while the treasury's share of the cost is worked out. */
  private static final class Draft {
    final Address deposit;
    final TokenAmount balance;
    final boolean activation;
    final long energy;
    final long withMargin;
    final long fundSun;
    final long delegateSun;
    final long transferBurn;
    long fundBurn;
    long delegateBurn;
    long undelegateBurn;

    Draft(Address deposit, TokenAmount balance, boolean activation, long energy,
        long withMargin, long fundSun, long delegateSun, long transferBurn) {
      this.deposit = deposit;
      this.balance = balance;
      this.activation = activation;
      this.energy = energy;
      this.withMargin = withMargin;
      this.fundSun = fundSun;
      this.delegateSun = delegateSun;
      this.transferBurn = transferBurn;
    }

    SweepPlan.Item item() {
      return new SweepPlan.Item(deposit, balance, activation, energy, withMargin, fundSun,
          delegateSun, fundBurn, delegateBurn, transferBurn, undelegateBurn);
    }
  }

  /** Configures a {@link SweepPlanner}. */
  public static final class Builder {
    private TronClient client;
    private Asset token;
    private Address treasury;
    private TokenAmount minimum;
    private SweepFunding funding = SweepFunding.delegateEnergy();
    private int safetyMarginPercent = FeeEstimator.DEFAULT_SAFETY_MARGIN_PERCENT;
    private long tokenFeeLimitSun = TransactionBuilder.DEFAULT_CONTRACT_FEE_LIMIT_SUN;

    private Builder() {}

    /**
     * The node to read.
     *
     * @param client a client; the planner does not close it
     * @return this
     */
    public Builder client(TronClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The token to sweep.
     *
     * @param token a TRC20 token, such as USDT
     * @return this
     * @throws InvalidFieldException naming {@code token} for TRX
     */
    public Builder token(Asset token) {
      if (token == null) {
        throw new InvalidFieldException("token", "is missing");
      }
      if (token.isTrx()) {
        throw new InvalidFieldException("token", "must be a TRC20 token, not TRX");
      }
      this.token = token;
      return this;
    }

    /**
     * Where the tokens go. It must be an account on chain; it pays for activations, funding and
     * delegations and holds the energy stake.
     *
     * @param treasury the treasury address
     * @return this
     */
    public Builder treasury(Address treasury) {
      this.treasury = Fields.address("treasury", treasury);
      return this;
    }

    /**
     * The smallest balance worth sweeping; smaller ones are left alone.
     *
     * @param minimum greater than 0, with the token's decimals (checked at {@link #build()})
     * @return this
     */
    public Builder minimum(TokenAmount minimum) {
      if (minimum == null) {
        throw new InvalidFieldException("minimum", "is missing");
      }
      Fields.positive("minimum", minimum.units());
      this.minimum = minimum;
      return this;
    }

    /**
     * How the transfers' energy is paid; default {@link SweepFunding#delegateEnergy()}.
     *
     * @param funding the funding
     * @return this
     */
    public Builder funding(SweepFunding funding) {
      if (funding == null) {
        throw new InvalidFieldException("funding", "is missing");
      }
      this.funding = funding;
      return this;
    }

    /**
     * The margin added to each transfer's energy before it is turned into stake or TRX; default
     * {@value FeeEstimator#DEFAULT_SAFETY_MARGIN_PERCENT}%.
     *
     * @param percent 0 to {@value FeeEstimator#MAX_SAFETY_MARGIN_PERCENT}
     * @return this
     */
    public Builder safetyMarginPercent(int percent) {
      if (percent < 0 || percent > FeeEstimator.MAX_SAFETY_MARGIN_PERCENT) {
        throw new InvalidFieldException("safetyMarginPercent", "must be 0 to "
            + FeeEstimator.MAX_SAFETY_MARGIN_PERCENT + ", got " + percent);
      }
      this.safetyMarginPercent = percent;
      return this;
    }

    /**
     * The fee limit the transfers will carry, which counts in their size; set it to the {@code
     * PayoutService}'s {@code tokenFeeLimit} if that differs from the default 100 TRX.
     *
     * @param sun 0 up to the chain maximum
     * @return this
     */
    public Builder tokenFeeLimit(long sun) {
      this.tokenFeeLimitSun = TransactionBuilder.requireFeeLimit(sun,
          TransactionBuilder.DEFAULT_MAX_FEE_LIMIT_SUN);
      return this;
    }

    /**
     * The planner.
     *
     * @return a new planner
     * @throws InvalidFieldException naming the first missing field ({@code client}, {@code
     *     token}, {@code treasury}, {@code minimum}), or {@code minimum} if its decimals are not
     *     the token's
     */
    public SweepPlanner build() {
      if (client == null) {
        throw new InvalidFieldException("client", "is missing");
      }
      if (token == null) {
        throw new InvalidFieldException("token", "is missing");
      }
      if (treasury == null) {
        throw new InvalidFieldException("treasury", "is missing");
      }
      if (minimum == null) {
        throw new InvalidFieldException("minimum", "is missing");
      }
      if (minimum.decimals() != token.decimals()) {
        throw new InvalidFieldException("minimum", "has " + minimum.decimals()
            + " decimals but " + token.symbol() + " has " + token.decimals());
      }
      return new SweepPlanner(this);
    }
  }
}

package io.tronpay.payouts;

import io.tronpay.core.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link SweepPlan} through a {@link PayoutService} whose payer is the treasury and
 * whose {@code otherSigners} signs for the deposit addresses. Every step is a ledger entry under
 * an idempotency key derived from the sweep id and the address ({@link #stepKey}), so running the
 * same plan again after a crash resumes it: a step already in the ledger is followed to its end,
 * never taken twice.
 *
 * <p>The steps run in stages across all addresses, each stage waiting until its transactions are
 * solidified: fund (TRX to addresses that need activation or TRX), delegate energy, transfer the
 * tokens to the treasury, take the energy back. One address at a time would wait for three
 * solidifications per address (about a minute each on mainnet); stages wait four times per sweep,
 * and each poll checks every pending step with one pass. Energy is taken back from every address
 * whose delegation landed, once its transfer has settled, whether the transfer succeeded or not;
 * that includes addresses an earlier run under the same id delegated to that a new plan no longer
 * lists. A step that cannot be taken again under its key (a failed funding, say) fails its
 * address; plan again under a new sweep id to retry it.
 *
 * <p>Thread-safe; run one sweep per service at a time.
 */
public final class Sweeper {
  /** The poll interval of the default pause: about one block. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(3);
  /** How many polls a stage waits by default before the run returns unfinished. */
  public static final int DEFAULT_MAX_POLLS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

  /** A sweep's steps for one deposit address, in the order they are taken. */
  public enum Step {
    /** The treasury sends TRX to the address, which activates it if need be. */
    FUND,
    /** The treasury delegates energy of its stake to the address. */
    DELEGATE,
    /** The address transfers its tokens to the treasury. */
    TRANSFER,
    /** The treasury takes the delegated energy back. */
    UNDELEGATE
  }

  /** Waits between two polls of the ledger and the chain. */
  @FunctionalInterface
  public interface Pause {
    /**
     * Waits, typically one block.
     *
     * @throws InterruptedException if interrupted; the run then returns what it has
     */
    void pause() throws InterruptedException;
  }

  private final PayoutService payouts;
  private final Pause pause;
  private final int maxPolls;

  private Sweeper(Builder b) {
    this.payouts = b.payouts;
    this.pause = b.pause;
    this.maxPolls = b.maxPolls;
  }

  /**
   * A builder; the payout service is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The idempotency key of one step: {@code sweep:<sweepId>:<address>:<step>}, at most 116
   * characters.
   *
   * @param sweepId the sweep's id
   * @param deposit the deposit address
   * @param step the step
   * @return the key
   */
  public static String stepKey(String sweepId, Address deposit, Step step) {
    SweepPlan.requireSweepId(sweepId);
    Fields.address("deposit", deposit);
    Objects.requireNonNull(step, "step");
    return keyPrefix(sweepId) + deposit.toBase58() + ":" + step.name().toLowerCase(Locale.ROOT);
  }

  private static String keyPrefix(String sweepId) {
    return "sweep:" + sweepId + ":";
  }

  /**
   * Runs (or resumes) the plan: takes each step not yet in the ledger, follows those that are,
   * and waits for each stage to settle. Returns when every step has settled, or when a stage
   * waited its maximum number of polls (the report is then not {@link SweepReport#complete()};
   * run again to finish).
   *
   * @param plan the plan; its treasury must be the service's payer
   * @return what the ledger shows now
   * @throws InvalidFieldException naming {@code treasury} if it is not the service's payer, or
   *     {@code sweepId} if a step's key holds an unrelated payout
   */
  public SweepReport run(SweepPlan plan) {
    Objects.requireNonNull(plan, "plan");
    if (!plan.treasury().equals(payouts.payer())) {
      throw new InvalidFieldException("treasury", plan.treasury().toBase58()
          + " is not the payer of the PayoutService (" + payouts.payer().toBase58() + ")");
    }
    List<Lane> lanes = lanes(plan);
    LOG.info("sweep {}: {} addresses to sweep, {} to follow from earlier runs", plan.sweepId(),
        plan.items().size(), lanes.size() - plan.items().size());
    payouts.resume();
    try {
      stage(plan, lanes, Step.FUND, lane -> lane.canStart() && lane.item.fundSun() > 0
          ? new Request(PayoutKind.TRANSFER, plan.treasury(), lane.deposit, Asset.TRX,
              BigInteger.valueOf(lane.item.fundSun()))
          : null);
      stage(plan, lanes, Step.DELEGATE, lane -> lane.canStart() && lane.item.delegateSun() > 0
          && funded(plan, lane)
          ? new Request(PayoutKind.DELEGATE_ENERGY, plan.treasury(), lane.deposit, Asset.TRX,
              BigInteger.valueOf(lane.item.delegateSun()))
          : null);
      stage(plan, lanes, Step.TRANSFER, lane -> lane.canStart() && funded(plan, lane)
          && energized(plan, lane)
          ? new Request(PayoutKind.TRANSFER, lane.deposit, plan.treasury(), plan.token(),
              lane.item.balance().units())
          : null);
      stage(plan, lanes, Step.UNDELEGATE, lane -> {
        Optional<Payout> delegate = find(plan, lane, Step.DELEGATE);
        Optional<Payout> transfer = find(plan, lane, Step.TRANSFER);
        boolean lent = delegate.isPresent() && delegate.get().state() == PayoutState.CONFIRMED;
        boolean settled = transfer.isEmpty() || transfer.get().state().isTerminal();
        return lent && settled ? new Request(PayoutKind.UNDELEGATE_ENERGY, plan.treasury(),
            lane.deposit, Asset.TRX, delegate.get().amount()) : null;
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("sweep {} interrupted; run it again to finish", plan.sweepId());
    }
    SweepReport report = report(plan, lanes);
    LOG.info("sweep {}: {} {} swept, {} sun burnt, complete: {}", plan.sweepId(),
        report.swept(), plan.token().symbol(), report.feesBurntSun(), report.complete());
    return report;
  }

  /** The plan's addresses, then those an earlier run under this id lent energy to. */
  private List<Lane> lanes(SweepPlan plan) {
    List<Lane> lanes = new ArrayList<>();
    Set<Address> listed = new HashSet<>();
    for (SweepPlan.Item item : plan.items()) {
      lanes.add(new Lane(item.deposit(), item, payouts.canSign(item.deposit())));
      listed.add(item.deposit());
    }
    String prefix = keyPrefix(plan.sweepId());
    for (Payout p : payouts.history(new PayoutFilter(Set.of(), null, PayoutKind.DELEGATE_ENERGY,
        null, null, Integer.MAX_VALUE))) {
      if (p.idempotencyKey().startsWith(prefix) && p.from().equals(plan.treasury())
          && listed.add(p.to())) {
        lanes.add(new Lane(p.to(), null, false));
      }
    }
    return lanes;
  }

  private void stage(SweepPlan plan, List<Lane> lanes, Step step,
      Function<Lane, Request> start) throws InterruptedException {
    List<String> keys = new ArrayList<>();
    int started = 0;
    for (Lane lane : lanes) {
      String key = stepKey(plan.sweepId(), lane.deposit, step);
      Optional<Payout> existing = payouts.statusByKey(key);
      if (existing.isPresent()) {
        requireStep(key, existing.get(), step, lane.deposit);
        keys.add(key);
        continue;
      }
      Request r = start.apply(lane);
      if (r != null) {
        payouts.enqueue(key, r.kind, r.from, r.to, r.asset, r.amount);
        keys.add(key);
        started++;
      }
    }
    LOG.info("sweep {}: {} {} steps, {} new", plan.sweepId(), keys.size(), step, started);
    if (!await(keys)) {
      LOG.warn("sweep {}: {} steps still unsettled after {} polls", plan.sweepId(), step,
          maxPolls);
    }
  }

  private static void requireStep(String key, Payout p, Step step, Address deposit) {
    boolean matches;
    switch (step) {
      case DELEGATE:
        matches = p.kind() == PayoutKind.DELEGATE_ENERGY && p.to().equals(deposit);
        break;
      case UNDELEGATE:
        matches = p.kind() == PayoutKind.UNDELEGATE_ENERGY && p.to().equals(deposit);
        break;
      case TRANSFER:
        matches = p.kind() == PayoutKind.TRANSFER && p.from().equals(deposit);
        break;
      default:
        matches = p.kind() == PayoutKind.TRANSFER && p.asset().isTrx() && p.to().equals(deposit);
        break;
    }
    if (!matches) {
      throw new InvalidFieldException("sweepId", "the key " + key
          + " already holds a payout that is not this sweep step (" + p.id() + ")");
    }
  }

  /** Polls until every step settled; false if the polls ran out first. */
  private boolean await(List<String> keys) throws InterruptedException {
    for (int polls = 0; ; polls++) {
      if (keys.stream().allMatch(this::settled)) {
        return true;
      }
      if (polls >= maxPolls) {
        return false;
      }
      pause.pause();
      payouts.resume();
    }
  }

  /** Finished, or waiting for a signer that the host does not know (polling will not help). */
  private boolean settled(String key) {
    Payout p = payouts.statusByKey(key).orElseThrow();
    return p.state().isTerminal()
        || (p.state() == PayoutState.REQUESTED && !payouts.canSign(p.from()));
  }

  private Optional<Payout> find(SweepPlan plan, Lane lane, Step step) {
    return payouts.statusByKey(stepKey(plan.sweepId(), lane.deposit, step));
  }

  private static boolean confirmed(Optional<Payout> p) {
    return p.isPresent() && p.get().state() == PayoutState.CONFIRMED;
  }

  /** The address holds the TRX it needs: no funding was planned, or it landed. */
  private boolean funded(SweepPlan plan, Lane lane) {
    return lane.item.fundSun() == 0 || confirmed(find(plan, lane, Step.FUND));
  }

  /** The address has the energy it needs: no delegation was planned, or it landed. */
  private boolean energized(SweepPlan plan, Lane lane) {
    return lane.item.delegateSun() == 0 || confirmed(find(plan, lane, Step.DELEGATE));
  }

  private SweepReport report(SweepPlan plan, List<Lane> lanes) {
    List<SweepReport.Entry> entries = new ArrayList<>();
    BigInteger swept = BigInteger.ZERO;
    long fees = 0;
    long funded = 0;
    long delegated = 0;
    long returned = 0;
    for (Lane lane : lanes) {
      SweepReport.Entry e = entry(plan, lane);
      entries.add(e);
      swept = swept.add(e.swept().units());
      fees += e.feesBurntSun();
      delegated += e.delegatedSun();
      returned += e.returnedSun();
      Optional<Payout> fund = find(plan, lane, Step.FUND);
      if (confirmed(fund)) {
        funded += fund.get().amount().longValueExact();
      }
    }
    return new SweepReport(plan.sweepId(), plan.token(), entries, plan.token().amount(swept),
        fees, funded, delegated, returned);
  }

  private SweepReport.Entry entry(SweepPlan plan, Lane lane) {
    List<Payout> steps = new ArrayList<>();
    long fees = 0;
    String unsettled = null;
    String failed = null;
    for (Step step : Step.values()) {
      Optional<Payout> p = find(plan, lane, step);
      if (p.isEmpty()) {
        continue;
      }
      Payout payout = p.get();
      steps.add(payout);
      fees += payout.feeSun();
      String name = step.name().toLowerCase(Locale.ROOT);
      if (!payout.state().isTerminal() && unsettled == null) {
        unsettled = name + " is " + payout.state()
            + (payout.lastError() == null ? "" : " (" + payout.lastError() + ")");
      } else if (payout.state() != PayoutState.CONFIRMED && payout.state().isTerminal()
          && failed == null) {
        failed = name + " " + payout.state()
            + (payout.lastError() == null ? "" : ": " + payout.lastError());
      }
    }
    Optional<Payout> transfer = find(plan, lane, Step.TRANSFER);
    Optional<Payout> delegate = find(plan, lane, Step.DELEGATE);
    Optional<Payout> undelegate = find(plan, lane, Step.UNDELEGATE);
    BigInteger swept = confirmed(transfer) ? transfer.get().amount() : BigInteger.ZERO;
    long delegated = confirmed(delegate) ? delegate.get().amount().longValueExact() : 0;
    long returned = confirmed(undelegate) ? undelegate.get().amount().longValueExact() : 0;

    SweepReport.Outcome outcome;
    String detail;
    if (unsettled != null) {
      outcome = SweepReport.Outcome.UNFINISHED;
      detail = unsettled;
    } else if (delegated > 0 && undelegate.isEmpty()) {
      outcome = SweepReport.Outcome.UNFINISHED;
      detail = "the delegated energy is not taken back yet";
    } else if (confirmed(transfer)) {
      outcome = SweepReport.Outcome.SWEPT;
      detail = failed == null ? "" : failed;
    } else if (lane.item != null && !lane.signer && transfer.isEmpty()) {
      outcome = SweepReport.Outcome.UNFINISHED;
      detail = "no signer for the deposit address";
    } else {
      outcome = SweepReport.Outcome.FAILED;
      detail = failed != null ? failed
          : lane.item == null ? "not in this plan; its delegated energy was taken back"
          : "not transferred";
    }
    return new SweepReport.Entry(lane.deposit, outcome, plan.token().amount(swept), fees,
        delegated, returned, steps, detail);
  }

  /** One address's place in the run: a plan item, or an address followed from an earlier run. */
  private static final class Lane {
    final Address deposit;
    final SweepPlan.Item item;
    final boolean signer;

    Lane(Address deposit, SweepPlan.Item item, boolean signer) {
      this.deposit = deposit;
      this.item = item;
      this.signer = signer;
    }

    /** Whether new steps may be taken for it: it is in the plan and its signer is known. */
    boolean canStart() {
      return item != null && signer;
    }
  }

  /** A step to enqueue. */
  private record Request(PayoutKind kind, Address from, Address to, Asset asset,
      BigInteger amount) {}

  /** Configures a {@link Sweeper}. */
  public static final class Builder {
    private PayoutService payouts;
    private Pause pause = sleeping(DEFAULT_POLL_INTERVAL);
    private int maxPolls = DEFAULT_MAX_POLLS;

    private Builder() {}

    /**
     * The payout service that takes the steps: its payer must be the treasury, and its {@code
     * otherSigners} must sign for the deposit addresses.
     *
     * @param payouts the service
     * @return this
     */
    public Builder payouts(PayoutService payouts) {
      this.payouts = Objects.requireNonNull(payouts, "payouts");
      return this;
    }

    /**
     * Sleeps {@code interval} between polls (default {@link #DEFAULT_POLL_INTERVAL}).
     *
     * @param interval positive
     * @return this
     */
    public Builder pollInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isZero() || interval.isNegative()) {
        throw new InvalidFieldException("pollInterval", "must be positive, got " + interval);
      }
      this.pause = sleeping(interval);
      return this;
    }

    /**
     * Replaces the sleep between polls, for example with a test chain's block production.
     *
     * @param pause what to do between polls
     * @return this
     */
    public Builder pause(Pause pause) {
      this.pause = Objects.requireNonNull(pause, "pause");
      return this;
    }

    /**
     * How many polls each stage waits at most (default {@value #DEFAULT_MAX_POLLS}); a run
     * that runs out returns an unfinished report.
     *
     * @param polls at least 1
     * @return this
     */
    public Builder maxPolls(int polls) {
      if (polls < 1) {
        throw new InvalidFieldException("maxPolls", "must be at least 1, got " + polls);
      }
      this.maxPolls = polls;
      return this;
    }

    /**
     * The sweeper.
     *
     * @return a new sweeper
     * @throws InvalidFieldException naming {@code payouts} if it is missing
     */
    public Sweeper build() {
      if (payouts == null) {
        throw new InvalidFieldException("payouts", "is missing");
      }
      return new Sweeper(this);
    }

    private static Pause sleeping(Duration interval) {
      long millis = interval.toMillis();
      return () -> Thread.sleep(millis);
    }
  }

  @Override
  public String toString() {
    return "Sweeper[" + payouts + "]";
  }
}

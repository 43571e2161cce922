package io.tronpay.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.Block;
import io.tronpay.client.ChainTransaction;
import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.Signer;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.DelegateResourceContract;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.UnDelegateResourceContract;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevToken;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sweeps against DevNode: 50 deposit addresses with keys derived from a fixed seed, funded with
 * random USDT balances (some below the minimum, some nothing), most of them never activated. Every
 * expectation comes from the amounts the test sent and from DevNode's state.
 */
class SweepTest {
  private static final long SEED = 20_260_801L;
  private static final int DEPOSITS = 50;
  private static final BigInteger MINIMUM = BigInteger.valueOf(10_000_000);
  private static final long STAKE_SUN = Trx.toSun(600_000);

  private TestChain chain;
  private DevAccount treasury;
  private DevToken usdt;
  private Asset token;
  /** Deposit address to its key, in derivation order. */
  private final Map<Address, PrivateKey> keys = new LinkedHashMap<>();
  /** What the test sent to each deposit address. */
  private final Map<Address, BigInteger> sent = new HashMap<>();

  @BeforeEach
  void start() {
    chain = new TestChain("payouts-sweep", 1);
    treasury = chain.account(0);
    usdt = chain.node.usdt();
    token = Asset.trc20("USDT", usdt.address(), 6);
    chain.land(Staking.freezeV2(treasury.address(), STAKE_SUN, ResourceCode.ENERGY)
        .referenceBlock(chain.head()).buildAndSign(treasury.privateKey()));
    fundDeposits();
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  /** HD-like keys from a fixed seed; random balances sent from another dev account. */
  private void fundDeposits() {
    Random random = new Random(SEED);
    DevAccount funder = chain.account(1);
    ReferenceBlock head = chain.head();
    for (int i = 0; i < DEPOSITS; i++) {
      PrivateKey key = PrivateKey.fromBytes(Hashes.sha256(("sweep-deposit:" + SEED + ":" + i)
          .getBytes(StandardCharsets.UTF_8)));
      keys.put(key.address(), key);
      long units;
      if (i % 10 == 3) {
        units = 0;
      } else if (i % 5 == 1) {
        units = 1 + random.nextInt(MINIMUM.intValueExact() - 1);
      } else {
        units = MINIMUM.longValueExact() + random.nextInt(2_000_000_000);
      }
      sent.put(key.address(), BigInteger.valueOf(units));
      if (units > 0) {
        chain.client.broadcastTransaction(Trc20Transfer.transfer(token.contract(),
            funder.address(), key.address(), BigInteger.valueOf(units))
            .referenceBlock(head).buildAndSign(funder.privateKey()));
      }
      if (i % 7 == 0) {
        // Some deposit addresses already are accounts: they need no activation.
        chain.node.fund(key.address(), Trx.toSun(2));
      }
    }
    chain.node.mineBlock();
    for (Map.Entry<Address, BigInteger> e : sent.entrySet()) {
      assertEquals(e.getValue(), chain.node.tokenBalance(usdt, e.getKey()));
    }
  }

  private List<Address> deposits() {
    return new ArrayList<>(keys.keySet());
  }

  private boolean aboveMinimum(Address deposit) {
    return sent.get(deposit).compareTo(MINIMUM) >= 0;
  }

  private SweepPlanner.Builder planner() {
    return SweepPlanner.builder().client(chain.client).token(token)
        .treasury(treasury.address()).minimum(TokenAmount.of(MINIMUM, 6));
  }

  private PayoutService service(PayoutLedger ledger) {
    return PayoutService.builder().client(chain.client).ledger(ledger)
        .payer(treasury.address(), treasury.privateKey())
        .otherSigners(address -> {
          PrivateKey key = keys.get(address);
          return key == null ? List.<Signer>of() : List.<Signer>of(key);
        })
        .build();
  }

  private Sweeper sweeper(PayoutService service) {
    return Sweeper.builder().payouts(service).pause(() -> chain.node.mineBlock()).build();
  }

  /** Every TRX balance the sweep can touch, from DevNode. */
  private long trxHeld() {
    long total = chain.node.balance(treasury.address());
    for (Address deposit : keys.keySet()) {
      total += chain.node.balance(deposit);
    }
    return total;
  }

  private long treasuryEnergyStake() {
    return chain.client.getAccount(treasury.address()).orElseThrow().frozenV2().stream()
        .filter(s -> s.resource() == ResourceCode.ENERGY)
        .mapToLong(io.tronpay.client.Account.Stake::amount).sum();
  }

  /** Every transaction DevNode mined after block {@code from}. */
  private List<Transaction> minedSince(long from) {
    List<Transaction> out = new ArrayList<>();
    long head = chain.node.headBlockNumber();
    for (long start = from + 1; start <= head; start += 100) {
      for (Block b : chain.client.getBlockByLimitNext(start, Math.min(head + 1, start + 100))) {
        for (ChainTransaction tx : b.transactions()) {
          out.add(tx.decoded().orElseThrow());
        }
      }
    }
    return out;
  }

  /**
   * The sweep's transactions per deposit address, by kind: on chain, each address sent exactly
   * one transfer, and the treasury sent it at most one funding, one delegation and one
   * undelegation.
   */
  private void assertEachStepOnChainOnce(long fromBlock) {
    Map<String, Integer> counts = new HashMap<>();
    for (Transaction tx : minedSince(fromBlock)) {
      Contract c = tx.rawData().contract();
      if (keys.containsKey(c.owner())) {
        counts.merge(c.owner().toBase58() + ":transfer", 1, Integer::sum);
      } else if (c instanceof TransferContract t && keys.containsKey(t.to())) {
        counts.merge(t.to().toBase58() + ":fund", 1, Integer::sum);
      } else if (c instanceof DelegateResourceContract d) {
        counts.merge(d.receiver().toBase58() + ":delegate", 1, Integer::sum);
      } else if (c instanceof UnDelegateResourceContract u) {
        counts.merge(u.receiver().toBase58() + ":undelegate", 1, Integer::sum);
      }
    }
    for (Address deposit : keys.keySet()) {
      String a = deposit.toBase58();
      int expected = aboveMinimum(deposit) ? 1 : 0;
      assertEquals(expected, counts.getOrDefault(a + ":transfer", 0), a + " transfers");
      assertEquals(expected, counts.getOrDefault(a + ":delegate", 0), a + " delegations");
      assertEquals(expected, counts.getOrDefault(a + ":undelegate", 0), a + " undelegations");
      assertTrue(counts.getOrDefault(a + ":fund", 0) <= expected, a + " fundings");
    }
  }

  /** What DevNode shows after a sweep: balances moved once, every delegation back. */
  private void assertSwept(BigInteger treasuryBefore) {
    BigInteger total = BigInteger.ZERO;
    for (Address deposit : keys.keySet()) {
      BigInteger expected = aboveMinimum(deposit) ? BigInteger.ZERO : sent.get(deposit);
      assertEquals(expected, chain.node.tokenBalance(usdt, deposit), deposit.toBase58());
      if (aboveMinimum(deposit)) {
        total = total.add(sent.get(deposit));
      }
      assertEquals(0, chain.client.getAccountResource(deposit).energyLimit(),
          "energy left delegated to " + deposit.toBase58());
    }
    assertEquals(treasuryBefore.add(total), chain.node.tokenBalance(usdt, treasury.address()));
    assertEquals(STAKE_SUN, treasuryEnergyStake(), "the treasury's whole stake is back");
  }

  @Test
  void sweep_movesEveryBalanceAboveTheMinimum_returnsEveryDelegation_burnsNoDepositTrx() {
    BigInteger treasuryBefore = chain.node.tokenBalance(usdt, treasury.address());
    long fromBlock = chain.node.headBlockNumber();
    SweepPlan plan = planner().build().plan("sweep-1", deposits());

    InMemoryPayoutLedger ledger = new InMemoryPayoutLedger();
    SweepReport report = sweeper(service(ledger)).run(plan);

    assertTrue(report.complete(), report::describe);
    assertSwept(treasuryBefore);
    assertEachStepOnChainOnce(fromBlock);
    BigInteger expectedTotal = BigInteger.ZERO;
    for (Address deposit : keys.keySet()) {
      SweepReport.Entry entry = report.entry(deposit);
      if (!aboveMinimum(deposit)) {
        assertEquals(null, entry);
        continue;
      }
      expectedTotal = expectedTotal.add(sent.get(deposit));
      assertEquals(SweepReport.Outcome.SWEPT, entry.outcome(), entry::detail);
      Payout transfer = ledger.findByKey(Sweeper.stepKey("sweep-1", deposit,
          Sweeper.Step.TRANSFER)).orElseThrow();
      assertEquals(0, chain.client.getTransactionInfoById(transfer.txId()).orElseThrow()
          .receipt().energyFee(), "the deposit address burnt TRX for energy");
      SweepPlan.Item item = plan.items().stream().filter(i -> i.deposit().equals(deposit))
          .findFirst().orElseThrow();
      long trxBefore = item.activationNeeded() ? 0 : Trx.toSun(2);
      assertEquals(trxBefore + item.fundSun(), chain.node.balance(deposit),
          "the deposit address burnt TRX");
    }
    assertEquals(expectedTotal, report.swept().units());
    assertEquals(plan.totalDelegateSun(), report.delegatedSun());
    assertEquals(report.delegatedSun(), report.returnedSun());
  }

  @Test
  void dryRun_changesNothing_totalsTheChosenBalances_andEstimatesTheBurnWithinTenPercent() {
    long trxBefore = trxHeld();
    BigInteger treasuryBefore = chain.node.tokenBalance(usdt, treasury.address());
    long head = chain.node.headBlockNumber();

    SweepPlan plan = planner().build().plan("dry-run", deposits());
    String report = plan.describe();

    chain.node.mineBlock();
    assertTrue(chain.client.getBlockByNum(head + 1).orElseThrow().transactions().isEmpty(),
        "planning sent a transaction");
    assertEquals(trxBefore, trxHeld());
    for (Address deposit : keys.keySet()) {
      assertEquals(sent.get(deposit), chain.node.tokenBalance(usdt, deposit));
      assertEquals(0, chain.client.getAccountResource(deposit).energyLimit());
    }
    BigInteger chosen = BigInteger.ZERO;
    int count = 0;
    for (Address deposit : keys.keySet()) {
      if (aboveMinimum(deposit)) {
        chosen = chosen.add(sent.get(deposit));
        count++;
      }
    }
    assertEquals(chosen, plan.total().units());
    assertEquals(count, plan.items().size());
    assertEquals(DEPOSITS - count, plan.skipped().size());
    assertTrue(report.contains(plan.total().toString()), report);
    assertTrue(report.contains("Dry run"), report);
    assertTrue(plan.warnings().isEmpty(), plan.warnings()::toString);

    SweepReport done = sweeper(service(new InMemoryPayoutLedger())).run(plan);
    assertTrue(done.complete(), done::describe);
    assertSwept(treasuryBefore);
    long burnt = trxBefore - trxHeld();
    assertEquals(burnt, done.feesBurntSun(), "the ledger's fees are what DevNode charged");
    assertTrue(Math.abs(plan.estimatedBurnSun() - burnt) * 10 <= burnt,
        "estimated " + plan.estimatedBurnSun() + " sun, DevNode charged " + burnt);
  }

  @Test
  void crashesMidSweep_rerunningSweepsEachAddressOnce_andReturnsEachDelegation() {
    BigInteger treasuryBefore = chain.node.tokenBalance(usdt, treasury.address());
    long fromBlock = chain.node.headBlockNumber();
    SweepPlanner planner = planner().build();
    SweepPlan plan = planner.plan("crash-1", deposits());
    InMemoryPayoutLedger durable = new InMemoryPayoutLedger();
    // Each new process crashes at a chosen ledger write, before or after it is stored; the
    // choices land in every stage. Every other restart plans afresh instead of re-running the
    // first plan, so addresses already swept drop out of the plan while their delegations remain.
    int[] crashAt = {60, 150, 90, 70, 40, 20, 8, 3};
    List<String> crashes = new ArrayList<>();
    SweepReport report = null;
    for (int attempt = 0; report == null; attempt++) {
      boolean crashing = attempt < crashAt.length;
      PayoutLedger ledger = crashing
          ? CrashingLedger.atUpdate(durable, crashAt[attempt], attempt % 2 == 1) : durable;
      SweepPlan current = attempt % 2 == 0 ? plan : planner.plan("crash-1", deposits());
      try {
        report = sweeper(service(ledger)).run(current);
        assertFalse(crashing, "a run finished before its chosen write");
      } catch (CrashingLedger.Crash crash) {
        crashes.add(crash.getMessage());
        chain.node.mineBlock();
      }
    }
    for (String step : List.of(":fund ", ":delegate ", ":transfer ", ":undelegate ")) {
      assertTrue(crashes.stream().anyMatch(c -> c.contains(step)), "no crash at " + step
          + " in " + crashes);
    }
    assertTrue(report.complete(), report::describe);
    assertSwept(treasuryBefore);
    assertEachStepOnChainOnce(fromBlock);
  }

  @Test
  void fundTrx_sendsTrxThatEachTransferBurns_andDelegatesNothing() {
    List<Address> some = new ArrayList<>();
    for (Address deposit : keys.keySet()) {
      if (aboveMinimum(deposit) && some.size() < 4) {
        some.add(deposit);
      }
    }
    long perAddress = Trx.toSun(15);
    SweepPlan plan = planner().funding(SweepFunding.fundTrx(perAddress)).build()
        .plan("fund-trx", some);
    assertEquals(4, plan.items().size());
    assertEquals(0, plan.totalDelegateSun());
    long trxBefore = trxHeld();

    InMemoryPayoutLedger ledger = new InMemoryPayoutLedger();
    SweepReport report = sweeper(service(ledger)).run(plan);

    assertTrue(report.complete(), report::describe);
    long burnt = trxBefore - trxHeld();
    assertEquals(burnt, report.feesBurntSun());
    assertTrue(Math.abs(plan.estimatedBurnSun() - burnt) * 10 <= burnt,
        "estimated " + plan.estimatedBurnSun() + " sun, DevNode charged " + burnt);
    for (Address deposit : some) {
      assertEquals(BigInteger.ZERO, chain.node.tokenBalance(usdt, deposit));
      Payout transfer = ledger.findByKey(Sweeper.stepKey("fund-trx", deposit,
          Sweeper.Step.TRANSFER)).orElseThrow();
      long energyFee = chain.client.getTransactionInfoById(transfer.txId()).orElseThrow()
          .receipt().energyFee();
      assertTrue(energyFee > 0, "the transfer should burn the funded TRX");
      assertNotNull(report.entry(deposit));
      assertFalse(ledger.findByKey(Sweeper.stepKey("fund-trx", deposit,
          Sweeper.Step.DELEGATE)).isPresent());
    }
    assertEquals(STAKE_SUN, treasuryEnergyStake());
  }

  @Test
  void transferThatFailsOnChain_stillHasItsEnergyTakenBack_andABlockedAddressIsNotPlanned() {
    List<Address> three = new ArrayList<>();
    for (Address deposit : keys.keySet()) {
      if (aboveMinimum(deposit) && three.size() < 3) {
        three.add(deposit);
      }
    }
    chain.node.blacklist(usdt, three.get(2), true);
    SweepPlan plan = planner().build().plan("blocked", three);
    assertEquals(2, plan.items().size());
    assertTrue(plan.skipped().get(0).reason().contains("CONTRACT_EXE_ERROR"),
        plan.skipped().get(0).reason());
    // Blocked after planning: the transfer lands and reverts.
    chain.node.blacklist(usdt, three.get(1), true);

    SweepReport report = sweeper(service(new InMemoryPayoutLedger())).run(plan);

    assertTrue(report.complete(), report::describe);
    assertEquals(SweepReport.Outcome.SWEPT, report.entry(three.get(0)).outcome());
    SweepReport.Entry failed = report.entry(three.get(1));
    assertEquals(SweepReport.Outcome.FAILED, failed.outcome());
    assertTrue(failed.detail().startsWith("transfer FAILED"), failed.detail());
    assertEquals(failed.delegatedSun(), failed.returnedSun());
    assertTrue(failed.returnedSun() > 0);
    assertEquals(BigInteger.ZERO, chain.node.tokenBalance(usdt, three.get(0)));
    assertEquals(sent.get(three.get(1)), chain.node.tokenBalance(usdt, three.get(1)));
    assertEquals(sent.get(three.get(2)), chain.node.tokenBalance(usdt, three.get(2)));
    for (Address deposit : three) {
      assertEquals(0, chain.client.getAccountResource(deposit).energyLimit());
    }
    assertEquals(STAKE_SUN, treasuryEnergyStake());
  }
}

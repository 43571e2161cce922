package io.tronpay.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad sweep input is refused before any request, naming the field. */
class SweepValidationTest {
  /** Nothing listens here: a request would fail the test with a transport error. */
  private final TronClient client = TronClient.builder().fullNode("http://127.0.0.1:9").build();
  private final Address treasury = PrivateKey.generate().address();
  private final Asset usdt = Asset.USDT;

  @AfterEach
  void close() {
    client.close();
  }

  private static void assertField(String field, Executable call) {
    assertEquals(field, assertThrows(InvalidFieldException.class, call).field());
  }

  private SweepPlanner.Builder planner() {
    return SweepPlanner.builder().client(client).token(usdt).treasury(treasury)
        .minimum(usdt.parse("1"));
  }

  @Test
  void plannerBuilder_namesTheField() {
    assertField("minimum", () -> planner().minimum(TokenAmount.of(0, 6)));
    assertField("minimum", () -> planner().minimum(null));
    assertField("minimum", () -> planner().minimum(TokenAmount.of(5, 2)).build());
    assertField("minimum", () -> SweepPlanner.builder().client(client).token(usdt)
        .treasury(treasury).build());
    assertField("token", () -> planner().token(Asset.TRX));
    assertField("token", () -> SweepPlanner.builder().client(client).treasury(treasury)
        .minimum(usdt.parse("1")).build());
    assertField("treasury", () -> planner().treasury(null));
    assertField("treasury", () -> SweepPlanner.builder().client(client).token(usdt)
        .minimum(usdt.parse("1")).build());
    assertField("client", () -> SweepPlanner.builder().token(usdt).treasury(treasury)
        .minimum(usdt.parse("1")).build());
    assertField("funding", () -> planner().funding(null));
    assertField("sunPerAddress", () -> SweepFunding.fundTrx(0));
    assertField("safetyMarginPercent", () -> planner().safetyMarginPercent(1001));
  }

  @Test
  void plan_badIdOrDeposits_namesTheFieldWithoutAskingTheNode() {
    SweepPlanner planner = planner().build();
    Address a = PrivateKey.generate().address();
    Address b = PrivateKey.generate().address();
    assertField("sweepId", () -> planner.plan("", List.of(a)));
    assertField("sweepId", () -> planner.plan("run 7", List.of(a)));
    assertField("sweepId", () -> planner.plan("x".repeat(65), List.of(a)));
    assertField("deposits", () -> planner.plan("s1", null));
    assertField("deposits[2]", () -> planner.plan("s1", List.of(a, b, treasury)));
    assertField("deposits[2]", () -> planner.plan("s1", List.of(a, b, a)));
    assertField("deposits[1]", () -> planner.plan("s1", Arrays.asList(a, null)));
    List<Address> tooMany = new ArrayList<>();
    for (int i = 0; i <= SweepPlanner.MAX_DEPOSITS; i++) {
      tooMany.add(PrivateKey.generate().address());
    }
    assertField("deposits", () -> planner.plan("s1", tooMany));
  }

  @Test
  void stepKeys_fitTheLedgersLimit_forTheLongestId() {
    String longest = "i".repeat(SweepPlan.MAX_SWEEP_ID_LENGTH);
    Address deposit = PrivateKey.generate().address();
    String key = Sweeper.stepKey(longest, deposit, Sweeper.Step.UNDELEGATE);
    assertEquals("sweep:" + longest + ":" + deposit.toBase58() + ":undelegate", key);
    assertEquals(116, key.length());
    PayoutRequest.token(key, deposit, usdt, usdt.parse("1"));
  }

  @Test
  void plan_inconsistentFields_areRefused() {
    Address deposit = PrivateKey.generate().address();
    SweepPlan.Item item = new SweepPlan.Item(deposit, usdt.parse("5"), false, 64_000, 70_400,
        0, 7_000_000, 0, 0, 0, 0);
    assertField("total", () -> new SweepPlan("s1", usdt, treasury,
        SweepFunding.delegateEnergy(), usdt.parse("1"), List.of(item), List.of(),
        usdt.parse("6"), 0, 7_000_000, 0, 0, List.of()));
    assertField("totalDelegateSun", () -> new SweepPlan("s1", usdt, treasury,
        SweepFunding.delegateEnergy(), usdt.parse("1"), List.of(item), List.of(),
        usdt.parse("5"), 0, 0, 0, 0, List.of()));
    SweepPlan.Item toTreasury = new SweepPlan.Item(treasury, usdt.parse("5"), false, 64_000,
        70_400, 0, 0, 0, 0, 0, 0);
    assertField("items[0].deposit", () -> new SweepPlan("s1", usdt, treasury,
        SweepFunding.delegateEnergy(), usdt.parse("1"), List.of(toTreasury), List.of(),
        usdt.parse("5"), 0, 0, 0, 0, List.of()));
    assertField("fundSun", () -> new SweepPlan.Item(deposit, usdt.parse("5"), true, 64_000,
        70_400, 0, 0, 0, 0, 0, 0));
    assertField("balance", () -> new SweepPlan.Item(deposit, TokenAmount.of(BigInteger.ZERO, 6),
        false, 0, 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void sweeper_refusesAMissingServiceAndAPlanForAnotherTreasury() {
    assertField("payouts", () -> Sweeper.builder().build());
    assertField("maxPolls", () -> Sweeper.builder().maxPolls(0));
    assertField("pollInterval", () -> Sweeper.builder().pollInterval(Duration.ZERO));
    PrivateKey payer = PrivateKey.generate();
    PayoutService service = PayoutService.builder().client(client)
        .ledger(new InMemoryPayoutLedger()).payer(payer.address(), payer).build();
    Sweeper sweeper = Sweeper.builder().payouts(service).build();
    SweepPlan plan = new SweepPlan("s1", usdt, treasury, SweepFunding.delegateEnergy(),
        usdt.parse("1"), List.of(), List.of(), usdt.parse("0"), 0, 0, 0, 0, List.of());
    assertField("treasury", () -> sweeper.run(plan));
  }
}

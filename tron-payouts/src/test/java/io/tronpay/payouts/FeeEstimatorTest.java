package io.tronpay.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.TransactionInfo;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.payouts.FeeEstimate.BandwidthSource;
import io.tronpay.payouts.FeeEstimate.EnergySource;
import io.tronpay.testkit.DevAccount;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proof against DevNode: each estimate is made before broadcasting, then compared with what the
 * node charged ({@code gettransactioninfobyid}); it must lie within 10%.
 */
class FeeEstimatorTest {
  private TestChain chain;
  private FeeEstimator estimator;
  private DevAccount alice;
  private DevAccount bob;

  @BeforeEach
  void start() {
    chain = new TestChain("fee-estimator", 1);
    estimator = FeeEstimator.of(chain.client);
    alice = chain.account(0);
    bob = chain.account(1);
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  @Test
  void trxTransfers_beforeAndAfterFreeBandwidthRunsOut_matchWhatTheNodeCharged() {
    boolean sawFree = false;
    boolean sawBurn = false;
    for (int i = 1; i <= 4; i++) {
      Transaction tx = TrxTransfer.of(alice.address(), bob.address(), Trx.toSun(i))
          .referenceBlock(chain.head()).buildAndSign(alice.privateKey());
      FeeEstimate estimate = estimator.estimate(tx);
      TransactionInfo info = chain.land(tx);

      assertWithinTenPercent(info.fee(), estimate.totalBurnSun());
      assertWithinTenPercent(info.receipt().netFee(), estimate.bandwidth().burnSun());
      assertWithinTenPercent(info.receipt().netUsage() + info.receipt().netFee()
          / estimate.bandwidth().priceSun(), estimate.bandwidth().bytes());
      assertEquals(EnergySource.NONE, estimate.energy().source());
      assertEquals(0, estimate.energy().required());
      assertTrue(estimate.feeLimitCovers());
      sawFree |= estimate.bandwidth().source() == BandwidthSource.FREE;
      sawBurn |= estimate.bandwidth().source() == BandwidthSource.BURNED;
    }
    assertTrue(sawFree, "the first transfer should ride on free bandwidth");
    assertTrue(sawBurn, "a later transfer should burn TRX once free bandwidth is spent");
  }

  @Test
  void trxTransfer_toUnactivatedAddress_includesTheActivationFeesTheNodeCharged() {
    Address fresh = PrivateKey.generate().address();
    Transaction tx = TrxTransfer.of(alice.address(), fresh, Trx.toSun(5))
        .referenceBlock(chain.head()).buildAndSign(alice.privateKey());

    FeeEstimate estimate = estimator.estimate(tx);
    TransactionInfo info = chain.land(tx);

    assertWithinTenPercent(info.fee(), estimate.totalBurnSun());
    assertEquals(BandwidthSource.ACCOUNT_CREATION_FEE, estimate.bandwidth().source());
    assertTrue(estimate.accountCreationFeeSun() > 0);
    assertFalse(estimate.warnings().isEmpty());
  }

  @Test
  void trxTransfer_withMemo_includesTheMemoFeeTheNodeBurnt() {
    Transaction tx = TrxTransfer.of(alice.address(), bob.address(), Trx.toSun(1))
        .referenceBlock(chain.head()).memo("invoice 42").buildAndSign(alice.privateKey());

    FeeEstimate estimate = estimator.estimate(tx);
    TransactionInfo info = chain.land(tx);

    assertTrue(estimate.memoFeeSun() > 0);
    assertEquals(info.fee(), estimate.memoFeeSun() + estimate.bandwidth().burnSun());
    assertEquals(info.fee(), estimate.totalBurnSun());
  }

  @Test
  void usdtTransfer_toHolder_matchesWhatTheNodeChargedWithoutWarning() {
    Transaction tx = usdt(alice, bob.address(), "12.5");

    FeeEstimate estimate = estimator.estimate(tx);
    TransactionInfo info = chain.land(tx);

    assertWithinTenPercent(info.receipt().energyUsageTotal(), estimate.energy().required());
    assertWithinTenPercent(info.receipt().energyFee(), estimate.energy().burnSun());
    assertWithinTenPercent(info.fee(), estimate.totalBurnSun());
    assertEquals(EnergySource.ESTIMATE_ENERGY, estimate.energy().source());
    assertFalse(estimate.recipientHoldsNoTokens());
    assertTrue(estimate.warnings().isEmpty(), () -> estimate.warnings().toString());
    assertTrue(estimate.feeLimitCovers());
    assertTrue(estimate.suggestedFeeLimitSun() >= info.receipt().energyFee());
  }

  @Test
  void usdtTransfer_toAddressHoldingNoUsdt_warnsAndMatchesTheNearlyDoubleCharge() {
    Transaction toHolder = usdt(alice, bob.address(), "1");
    FeeEstimate holderEstimate = estimator.estimate(toHolder);
    Address fresh = PrivateKey.generate().address();
    Transaction toFresh = usdt(alice, fresh, "1");

    FeeEstimate estimate = estimator.estimate(toFresh);
    TransactionInfo info = chain.land(toFresh);

    assertTrue(estimate.recipientHoldsNoTokens());
    assertEquals(1, estimate.warnings().size(), () -> estimate.warnings().toString());
    assertTrue(estimate.warnings().get(0).contains(fresh.toBase58()));
    assertWithinTenPercent(info.receipt().energyUsageTotal(), estimate.energy().required());
    assertWithinTenPercent(info.fee(), estimate.totalBurnSun());
    assertTrue(estimate.energy().required() > holderEstimate.energy().required() * 3 / 2,
        "a first credit should cost well over the energy of a transfer to a holder");
  }

  @Test
  void usdtTransfer_withSomeStakedEnergy_buysOnlyTheRestAsTheNodeCharged() {
    stakeEnergy(alice, Trx.toSun(3_000));
    Transaction tx = usdt(alice, bob.address(), "3");

    FeeEstimate estimate = estimator.estimate(tx);
    TransactionInfo info = chain.land(tx);

    assertTrue(estimate.energy().stakedAvailable() > 0);
    assertTrue(estimate.energy().toBuy() < estimate.energy().required());
    assertWithinTenPercent(info.receipt().energyUsage(),
        estimate.energy().required() - estimate.energy().toBuy());
    assertWithinTenPercent(info.receipt().energyFee(), estimate.energy().burnSun());
    assertWithinTenPercent(info.fee(), estimate.totalBurnSun());
  }

  @Test
  void usdtTransfer_withEnoughStakedEnergy_burnsNoTrxForEnergy() {
    stakeEnergy(alice, Trx.toSun(20_000));
    Transaction tx = usdt(alice, bob.address(), "3");

    FeeEstimate estimate = estimator.estimate(tx);
    TransactionInfo info = chain.land(tx);

    assertEquals(0, estimate.energy().toBuy());
    assertEquals(info.receipt().energyFee(), estimate.energy().burnSun());
    assertWithinTenPercent(info.receipt().energyUsage(), estimate.energy().required());
    assertWithinTenPercent(info.fee(), estimate.totalBurnSun());
  }

  @Test
  void usdtTransfer_onNodeWithoutEstimateEnergy_fallsBackToTheConstantCall() {
    Transaction tx = usdt(alice, bob.address(), "2");
    chain.node.faults().failNext(1, 404, "/wallet/estimateenergy");

    FeeEstimate estimate = estimator.estimate(tx);
    TransactionInfo info = chain.land(tx);

    assertEquals(EnergySource.CONSTANT_CALL, estimate.energy().source());
    assertWithinTenPercent(info.receipt().energyUsageTotal(), estimate.energy().required());
    assertWithinTenPercent(info.fee(), estimate.totalBurnSun());
  }

  @Test
  void usdtTransfer_withFeeLimitBelowTheBurn_isFlaggedAndRunsOutOfEnergy() {
    Transaction tx = Trc20Transfer.transfer(chain.node.usdt().address(), alice.address(),
            bob.address(), BigInteger.valueOf(1_000_000))
        .feeLimit(Trx.toSun(1)).referenceBlock(chain.head()).buildAndSign(alice.privateKey());

    FeeEstimate estimate = estimator.estimate(tx);
    chain.client.broadcastTransaction(tx);
    chain.node.mineBlock();
    TransactionInfo info = chain.client.getTransactionInfoById(tx.txId()).orElseThrow();

    assertFalse(estimate.feeLimitCovers());
    assertEquals(Trx.toSun(1), estimate.feeLimitSun());
    assertEquals("OUT_OF_ENERGY", info.receipt().result());
  }

  @Test
  void safetyMargin_raisesTheSuggestedFeeLimitButNotTheExpectedBurn() {
    Transaction tx = usdt(alice, bob.address(), "4");

    FeeEstimate plain = estimator.withSafetyMarginPercent(0).estimate(tx);
    FeeEstimate padded = estimator.withSafetyMarginPercent(50).estimate(tx);

    assertEquals(plain.totalBurnSun(), padded.totalBurnSun());
    assertEquals(plain.energy().burnSun(), plain.suggestedFeeLimitSun());
    assertEquals(plain.energy().required(), padded.energy().required());
    assertTrue(padded.energy().withMargin() >= plain.energy().required() * 3 / 2);
    assertTrue(padded.suggestedFeeLimitSun() > plain.suggestedFeeLimitSun());
  }

  @Test
  void estimate_withTwoSigners_countsTheMissingSignatureInTheBandwidth() {
    Transaction unsigned = TrxTransfer.of(alice.address(), bob.address(), Trx.toSun(1))
        .referenceBlock(chain.head()).build();

    FeeEstimate one = estimator.estimate(unsigned);
    FeeEstimate two = estimator.estimate(unsigned, 2);

    assertEquals(unsigned.sign(alice.privateKey()).bandwidthEstimate(), one.bandwidth().bytes());
    assertEquals(unsigned.sign(alice.privateKey()).sign(bob.privateKey()).bandwidthEstimate(),
        two.bandwidth().bytes());
  }

  @Test
  void badSettings_areRefusedNamingTheField() {
    InvalidFieldException margin = assertThrows(InvalidFieldException.class,
        () -> estimator.withSafetyMarginPercent(-1));
    assertEquals("safetyMarginPercent", margin.field());

    Transaction tx = TrxTransfer.of(alice.address(), bob.address(), 1)
        .referenceBlock(chain.head()).buildAndSign(alice.privateKey());
    InvalidFieldException signers = assertThrows(InvalidFieldException.class,
        () -> estimator.estimate(tx, 0));
    assertEquals("signatureCount", signers.field());
  }

  private Transaction usdt(DevAccount from, Address to, String amount) {
    return Trc20Transfer.transfer(chain.node.usdt().address(), from.address(), to,
            TokenAmount.parse(amount, 6).units())
        .referenceBlock(chain.head()).buildAndSign(from.privateKey());
  }

  private void stakeEnergy(DevAccount account, long sun) {
    chain.land(Staking.freezeV2(account.address(), sun, ResourceCode.ENERGY)
        .referenceBlock(chain.head()).buildAndSign(account.privateKey()));
  }

  private static void assertWithinTenPercent(long charged, long estimated) {
    long allowed = charged / 10;
    assertTrue(Math.abs(estimated - charged) <= allowed,
        () -> "estimate " + estimated + " is not within 10% of the " + charged + " charged");
  }
}

package io.tronpay.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.Account;
import io.tronpay.client.TransactionInfo;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.Vote;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevToken;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every builder's transaction, broadcast to DevNode, lands with the expected state change. */
class BroadcastsLandTest {
  private TestChain chain;
  private DevAccount alice;
  private DevAccount bob;

  @BeforeEach
  void start() {
    chain = new TestChain("payouts-broadcasts", 0);
    alice = chain.account(0);
    bob = chain.account(1);
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  @Test
  void trxTransfer_withMemo_movesExactlyTheAmount() {
    long before = chain.node.balance(bob.address());
    Transaction tx = TrxTransfer.of(alice.address(), bob.address(), 1_234_567)
        .referenceBlock(chain.head()).memo("invoice 42").buildAndSign(alice.privateKey());
    chain.land(tx);
    assertEquals(before + 1_234_567, chain.node.balance(bob.address()));
    assertEquals("invoice 42", chain.client.getTransactionById(tx.txId()).orElseThrow()
        .decoded().orElseThrow().rawData().memo());
  }

  @Test
  void usdtTransfer_movesTokens() {
    DevToken usdt = chain.node.usdt();
    BigInteger before = chain.node.tokenBalance(usdt, bob.address());
    Transaction tx = Trc20Transfer.usdt(alice.address(), bob.address(),
            TokenAmount.parse("12.345678", 6))
        .referenceBlock(chain.head()).buildAndSign(alice.privateKey());
    chain.land(tx);
    assertEquals(before.add(BigInteger.valueOf(12_345_678)),
        chain.node.tokenBalance(usdt, bob.address()));
  }

  @Test
  void approveThenTransferFrom_spendsTheAllowance() {
    DevToken usdt = chain.node.usdt();
    Address carol = PrivateKey.generate().address();
    Asset token = Asset.trc20("USDT", usdt.address(), 6);
    chain.land(Trc20Transfer.approve(token, alice.address(), bob.address(),
        TokenAmount.of(5_000_000, 6)).referenceBlock(chain.head()).buildAndSign(
            alice.privateKey()));
    BigInteger aliceBefore = chain.node.tokenBalance(usdt, alice.address());
    chain.land(Trc20Transfer.transferFrom(token, bob.address(), alice.address(), carol,
        TokenAmount.of(3_000_000, 6)).referenceBlock(chain.head()).buildAndSign(
            bob.privateKey()));
    assertEquals(BigInteger.valueOf(3_000_000), chain.node.tokenBalance(usdt, carol));
    assertEquals(aliceBefore.subtract(BigInteger.valueOf(3_000_000)),
        chain.node.tokenBalance(usdt, alice.address()));
  }

  @Test
  void freezeUnfreezeCancelWithdraw_changeStakesAndBalance() {
    long stake = Trx.toSun(1_000);
    chain.land(Staking.freezeV2(alice.address(), stake, ResourceCode.ENERGY)
        .referenceBlock(chain.head()).buildAndSign(alice.privateKey()));
    assertEquals(stake, frozen(alice.address(), ResourceCode.ENERGY));

    chain.land(Staking.unfreezeV2(alice.address(), Trx.toSun(400), ResourceCode.ENERGY)
        .referenceBlock(chain.head()).buildAndSign(alice.privateKey()));
    assertEquals(Trx.toSun(600), frozen(alice.address(), ResourceCode.ENERGY));
    assertEquals(Trx.toSun(400), account(alice.address()).unfrozenV2().get(0).amount());

    chain.land(Staking.cancelAllUnfreezeV2(alice.address())
        .referenceBlock(chain.head()).buildAndSign(alice.privateKey()));
    assertEquals(stake, frozen(alice.address(), ResourceCode.ENERGY));
    assertTrue(account(alice.address()).unfrozenV2().isEmpty());

    chain.land(Staking.unfreezeV2(alice.address(), Trx.toSun(250), ResourceCode.ENERGY)
        .referenceBlock(chain.head()).buildAndSign(alice.privateKey()));
    chain.node.advanceTime(Duration.ofDays(15));
    chain.node.mineBlock();
    long before = chain.node.balance(alice.address());
    TransactionInfo info = chain.land(Staking.withdrawExpireUnfreeze(alice.address())
        .referenceBlock(chain.head()).buildAndSign(alice.privateKey()));
    assertEquals(before + Trx.toSun(250) - info.fee(), chain.node.balance(alice.address()));
    assertEquals(Trx.toSun(250), info.withdrawExpireAmount());
  }

  @Test
  void delegateLocked_thenUndelegateAfterTheLock_movesEnergyAndBack() {
    chain.land(Staking.freezeV2(alice.address(), Trx.toSun(100_000), ResourceCode.ENERGY)
        .referenceBlock(chain.head()).buildAndSign(alice.privateKey()));
    assertEquals(0, chain.client.getAccountResource(bob.address()).energyLimit());

    chain.land(Staking.delegateLocked(alice.address(), bob.address(), ResourceCode.ENERGY,
        Trx.toSun(50_000), 100).referenceBlock(chain.head()).buildAndSign(alice.privateKey()));
    assertTrue(chain.client.getAccountResource(bob.address()).energyLimit() > 0);
    assertEquals(Trx.toSun(50_000), frozen(alice.address(), ResourceCode.ENERGY));

    chain.node.advanceTime(Duration.ofSeconds(100 * 3 + 3));
    chain.node.mineBlock();
    chain.land(Staking.undelegate(alice.address(), bob.address(), ResourceCode.ENERGY,
        Trx.toSun(50_000)).referenceBlock(chain.head()).buildAndSign(alice.privateKey()));
    assertEquals(0, chain.client.getAccountResource(bob.address()).energyLimit());
    assertEquals(Trx.toSun(100_000), frozen(alice.address(), ResourceCode.ENERGY));
  }

  @Test
  void voteForSeveralWitnesses_thenClaimRewards_paysTheReward() {
    List<Address> witnesses = chain.witnesses();
    chain.land(Staking.freezeV2(alice.address(), Trx.toSun(1_000), ResourceCode.BANDWIDTH)
        .referenceBlock(chain.head()).buildAndSign(alice.privateKey()));
    List<Vote> votes = List.of(new Vote(witnesses.get(0), 600), new Vote(witnesses.get(1), 400));
    chain.land(Staking.vote(alice.address(), votes).referenceBlock(chain.head())
        .buildAndSign(alice.privateKey()));
    assertEquals(Map.of(witnesses.get(0), 600L, witnesses.get(1), 400L),
        Map.of(account(alice.address()).votes().get(0).witness(),
            account(alice.address()).votes().get(0).count(),
            account(alice.address()).votes().get(1).witness(),
            account(alice.address()).votes().get(1).count()));

    chain.node.mineBlocks(5);
    long before = chain.node.balance(alice.address());
    TransactionInfo info = chain.land(Staking.claimRewards(alice.address())
        .referenceBlock(chain.head()).buildAndSign(alice.privateKey()));
    assertTrue(info.withdrawAmount() > 0);
    assertEquals(before + info.withdrawAmount() - info.fee(), chain.node.balance(alice.address()));
  }

  @Test
  void multisig_twoOfThreeWithPermissionId_isAccepted() {
    PrivateKey k1 = PrivateKey.generate();
    PrivateKey k2 = PrivateKey.generate();
    PrivateKey k3 = PrivateKey.generate();
    chain.node.setActivePermission(alice.address(), 2, 2,
        Map.of(k1.address(), 1, k2.address(), 1, k3.address(), 1));
    long before = chain.node.balance(bob.address());
    Transaction tx = TrxTransfer.of(alice.address(), bob.address(), 7_000_000)
        .referenceBlock(chain.head()).permissionId(2).buildAndSign(k1, k3);
    assertEquals(List.of(k1.address(), k3.address()), tx.recoverSigners());
    chain.land(tx);
    assertEquals(before + 7_000_000, chain.node.balance(bob.address()));
  }

  private Account account(Address address) {
    return chain.client.getAccount(address).orElseThrow();
  }

  private long frozen(Address address, ResourceCode resource) {
    return account(address).frozenV2().stream().filter(s -> s.resource() == resource)
        .mapToLong(Account.Stake::amount).sum();
  }
}

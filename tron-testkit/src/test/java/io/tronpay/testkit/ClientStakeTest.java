package io.tronpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.Account;
import io.tronpay.client.AccountResource;
import io.tronpay.client.BroadcastResult;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.client.TronNodeException;
import io.tronpay.core.Address;
import io.tronpay.core.tx.CancelAllUnfreezeV2Contract;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.FreezeBalanceV2Contract;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.UnfreezeBalanceV2Contract;
import io.tronpay.core.tx.Vote;
import io.tronpay.core.tx.VoteWitnessContract;
import io.tronpay.core.tx.WithdrawBalanceContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stake 2.0 cancel and reward claims, seen the way an application sees them: via TronClient. */
class ClientStakeTest {
  @RegisterExtension
  final DevNodeExtension devNode = DevNodeExtension.withSeed("client-stake");

  private TronClient client;
  private DevAccount alice;

  @BeforeEach
  void connect() {
    client = TronClient.builder().fullNode(devNode.url()).build();
    alice = devNode.node().accounts().get(0);
  }

  @AfterEach
  void close() {
    client.close();
  }

  private TransactionInfo land(Contract contract) {
    DevNode node = devNode.node();
    Transaction tx = Transaction.of(node.newRawData(contract).build()).sign(alice.privateKey());
    assertEquals(BroadcastResult.Outcome.ACCEPTED, client.broadcastTransaction(tx).outcome());
    node.mineBlock();
    return client.getTransactionInfoById(tx.txId()).orElseThrow();
  }

  private long staked(Account account, ResourceCode resource) {
    return account.frozenV2().stream().filter(s -> s.resource() == resource)
        .mapToLong(Account.Stake::amount).sum();
  }

  @Test
  void cancelAllUnfreezeV2_restoresTheStakeAndItsEnergy() {
    Address me = alice.address();
    land(new FreezeBalanceV2Contract(me, 5_000_000_000L, ResourceCode.ENERGY));
    AccountResource staked = client.getAccountResource(me);
    land(new UnfreezeBalanceV2Contract(me, 2_000_000_000L, ResourceCode.ENERGY));
    land(new UnfreezeBalanceV2Contract(me, 1_000_000_000L, ResourceCode.ENERGY));

    Account unstaking = client.getAccount(me).orElseThrow();
    assertEquals(2_000_000_000L, staked(unstaking, ResourceCode.ENERGY));
    assertEquals(List.of(2_000_000_000L, 1_000_000_000L),
        unstaking.unfrozenV2().stream().map(Account.Unstake::amount).toList());
    for (Account.Unstake u : unstaking.unfrozenV2()) {
      assertEquals(ResourceCode.ENERGY, u.resource());
      assertTrue(u.expireTime() > devNode.node().headBlockTime());
    }
    assertTrue(client.getAccountResource(me).energyLimit() < staked.energyLimit());

    TransactionInfo cancel = land(new CancelAllUnfreezeV2Contract(me));
    assertFalse(cancel.failed());
    // Both unstakes were still waiting, so all of them go back to the stake and none is paid out;
    // the node lists every resource, 0 included.
    assertEquals(Map.of(ResourceCode.ENERGY, 3_000_000_000L, ResourceCode.BANDWIDTH, 0L,
        ResourceCode.TRON_POWER, 0L), cancel.cancelledUnfreezeAmounts());
    assertEquals(0, cancel.withdrawExpireAmount());
    Account restored = client.getAccount(me).orElseThrow();
    assertEquals(List.of(), restored.unfrozenV2());
    assertEquals(5_000_000_000L, staked(restored, ResourceCode.ENERGY));
    assertEquals(staked.energyLimit(), client.getAccountResource(me).energyLimit());
  }

  @Test
  void cancelAllUnfreezeV2_withNothingUnstaking_isRefused() {
    DevNode node = devNode.node();
    Transaction tx = Transaction.of(node.newRawData(new CancelAllUnfreezeV2Contract(
        alice.address())).build()).sign(alice.privateKey());
    TronNodeException e = assertThrows(TronNodeException.class,
        () -> client.broadcastTransaction(tx));
    assertEquals(TronNodeException.CONTRACT_VALIDATE_ERROR, e.code());
  }

  @Test
  void withdrawBalance_claimsVotingRewards_intoTheBalance_onceADay() {
    DevNode node = devNode.node();
    Address me = alice.address();
    land(new FreezeBalanceV2Contract(me, 100_000_000L, ResourceCode.BANDWIDTH));
    Address witness = client.getNowBlock().witness();
    land(new VoteWitnessContract(me, List.of(new Vote(witness, 100))));
    Account voted = client.getAccount(me).orElseThrow();
    assertEquals(List.of(new Vote(witness, 100)), voted.votes());
    AccountResource power = client.getAccountResource(me);
    assertEquals(100, power.tronPowerUsed());
    assertEquals(100, power.tronPowerLimit());
    node.mineBlocks(10);

    long before = client.getAccount(me).orElseThrow().balance();
    TransactionInfo claim = land(new WithdrawBalanceContract(me));
    assertTrue(claim.withdrawAmount() > 0);
    assertEquals(null, claim.receipt().result());
    assertEquals(before - claim.fee() + claim.withdrawAmount(),
        client.getAccount(me).orElseThrow().balance());

    node.mineBlocks(5);
    Transaction again = Transaction.of(node.newRawData(new WithdrawBalanceContract(me)).build())
        .sign(alice.privateKey());
    TronNodeException e = assertThrows(TronNodeException.class,
        () -> client.broadcastTransaction(again));
    assertEquals(TronNodeException.CONTRACT_VALIDATE_ERROR, e.code());
    assertTrue(e.nodeMessage().contains("less than 24 hours"), e.nodeMessage());

    node.advanceTime(Duration.ofHours(24));
    node.mineBlock();
    assertTrue(land(new WithdrawBalanceContract(me)).withdrawAmount() > 0);
  }
}

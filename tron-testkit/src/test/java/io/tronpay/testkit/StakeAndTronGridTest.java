package io.tronpay.testkit;

import static io.tronpay.testkit.TestJson.list;
import static io.tronpay.testkit.TestJson.num;
import static io.tronpay.testkit.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.DelegateResourceContract;
import io.tronpay.core.tx.FreezeBalanceV2Contract;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.core.tx.UnDelegateResourceContract;
import io.tronpay.core.tx.UnfreezeBalanceV2Contract;
import io.tronpay.core.tx.Vote;
import io.tronpay.core.tx.VoteWitnessContract;
import io.tronpay.core.tx.WithdrawExpireUnfreezeContract;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StakeAndTronGridTest {
  @RegisterExtension
  final DevNodeExtension devNode = DevNodeExtension.withSeed("stake");

  private BroadcastResult send(DevAccount from, Contract contract) {
    DevNode node = devNode.node();
    BroadcastResult result = node.broadcast(Transaction.of(node.newRawData(contract).build())
        .sign(from.privateKey()));
    node.mineBlock();
    return result;
  }

  private Map<String, Object> account(Address address) {
    return TestJson.object(new NodeHttp(devNode.url()).postOk("/wallet/getaccount",
        "{\"address\":\"" + address.toHex() + "\"}"));
  }

  @Test
  void freezeThenUnfreeze_withdrawsOnlyAfterTheDelay() {
    DevNode node = devNode.node();
    DevAccount a = node.accounts().get(0);
    assertTrue(send(a, new FreezeBalanceV2Contract(a.address(), 5_000_000_000L,
        ResourceCode.ENERGY)).accepted());
    Map<String, Object> energySlot = obj(list(account(a.address()).get("frozenV2")).get(1));
    assertEquals("ENERGY", energySlot.get("type"));
    assertEquals(5_000_000_000L, num(energySlot.get("amount")));
    Map<String, Object> resource = TestJson.object(new NodeHttp(devNode.url()).postOk(
        "/wallet/getaccountresource", "{\"address\":\"" + a.address().toHex() + "\"}"));
    assertTrue(num(resource.get("EnergyLimit")) > 0);

    assertTrue(send(a, new UnfreezeBalanceV2Contract(a.address(), 2_000_000_000L,
        ResourceCode.ENERGY)).accepted());
    Map<String, Object> pending = obj(list(account(a.address()).get("unfrozenV2")).get(0));
    assertEquals(2_000_000_000L, num(pending.get("unfreeze_amount")));
    BroadcastResult early = send(a, new WithdrawExpireUnfreezeContract(a.address()));
    assertEquals("CONTRACT_VALIDATE_ERROR", early.code());

    long before = node.balance(a.address());
    node.advanceTime(Duration.ofDays(14));
    // A transaction expires 60 s after its reference block, so build it after the jump.
    node.mineBlock();
    assertTrue(send(a, new WithdrawExpireUnfreezeContract(a.address())).accepted());
    assertEquals(before + 2_000_000_000L, node.balance(a.address()));
  }

  @Test
  void delegateWithLock_cannotBeUndelegatedUntilTheLockPasses() {
    DevNode node = devNode.node();
    DevAccount a = node.accounts().get(0);
    DevAccount b = node.accounts().get(1);
    send(a, new FreezeBalanceV2Contract(a.address(), 3_000_000_000L, ResourceCode.ENERGY));
    assertTrue(send(a, new DelegateResourceContract(a.address(), ResourceCode.ENERGY,
        1_000_000_000L, b.address(), true, 100)).accepted());
    assertEquals(1_000_000_000L, num(obj(account(b.address()).get("account_resource"))
        .get("acquired_delegated_frozenV2_balance_for_energy")));

    UnDelegateResourceContract back = new UnDelegateResourceContract(a.address(),
        ResourceCode.ENERGY, 1_000_000_000L, b.address());
    assertEquals("CONTRACT_VALIDATE_ERROR", send(a, back).code());
    node.advanceTime(Duration.ofSeconds(300));
    node.mineBlock();
    assertTrue(send(a, back).accepted());
    assertFalse(obj(account(b.address()).get("account_resource"))
        .containsKey("acquired_delegated_frozenV2_balance_for_energy"));
  }

  @Test
  void vote_beyondTronPower_isRejected() {
    DevNode node = devNode.node();
    DevAccount a = node.accounts().get(0);
    send(a, new FreezeBalanceV2Contract(a.address(), 10_000_000L, ResourceCode.BANDWIDTH));
    Address witness = Address.fromHex((String) obj(obj(TestJson.object(new NodeHttp(
        devNode.url()).postOk("/wallet/getnowblock", "{}")).get("block_header"))
        .get("raw_data")).get("witness_address"));
    assertEquals("CONTRACT_VALIDATE_ERROR", send(a, new VoteWitnessContract(a.address(),
        List.of(new Vote(witness, 11)))).code());
    assertTrue(send(a, new VoteWitnessContract(a.address(), List.of(new Vote(witness, 10))))
        .accepted());
    assertEquals(10L, num(obj(list(account(a.address()).get("votes")).get(0))
        .get("vote_count")));
  }

  @Test
  void trc20History_filtersAndPagesWithFingerprint() {
    DevNode node = devNode.node();
    DevAccount a = node.accounts().get(0);
    Address watched = PrivateKey.fromHex("66".repeat(32)).address();
    for (int i = 1; i <= 5; i++) {
      send(a, new TriggerSmartContract(a.address(), node.usdt().address(),
          new Trc20Call.Transfer(watched, BigInteger.valueOf(i)).encode()));
    }
    NodeHttp http = new NodeHttp(devNode.url());
    String base = "/v1/accounts/" + watched.toBase58() + "/transactions/trc20?only_to=true&limit=2";
    Set<String> seen = new HashSet<>();
    String page = base;
    int pages = 0;
    while (page != null) {
      Map<String, Object> answer = TestJson.object(http.get(page).body());
      for (Object item : list(answer.get("data"))) {
        seen.add((String) obj(item).get("value"));
      }
      Object fingerprint = obj(answer.get("meta")).get("fingerprint");
      page = fingerprint == null ? null : base + "&fingerprint=" + fingerprint;
      pages++;
    }
    assertEquals(Set.of("1", "2", "3", "4", "5"), seen);
    assertEquals(3, pages);

    Map<String, Object> fromOnly = TestJson.object(http.get("/v1/accounts/" + watched.toBase58()
        + "/transactions/trc20?only_from=true").body());
    assertEquals(List.of(), fromOnly.get("data"));
    Map<String, Object> confirmed = TestJson.object(http.get("/v1/accounts/"
        + watched.toBase58() + "/transactions/trc20?only_confirmed=true").body());
    assertEquals(List.of(), confirmed.get("data"));
  }

  @Test
  void tronGridAccount_listsTrc20Balances() {
    DevNode node = devNode.node();
    Address holder = node.accounts().get(4).address();
    Map<String, Object> answer = TestJson.object(new NodeHttp(devNode.url())
        .get("/v1/accounts/" + holder.toBase58()).body());
    Map<String, Object> data = obj(list(answer.get("data")).get(0));
    Map<String, Object> usdt = obj(list(data.get("trc20")).get(0));
    assertEquals(node.tokenBalance(node.usdt(), holder).toString(),
        usdt.get(node.usdt().address().toBase58()));
  }
}

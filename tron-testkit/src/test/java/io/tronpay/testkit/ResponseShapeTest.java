package io.tronpay.testkit;

import static io.tronpay.testkit.TestJson.list;
import static io.tronpay.testkit.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tronpay.client.TransactionJson;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DevNode's answers against real node and TronGrid responses: the same keys with the same JSON
 * types. Keys a real response carries only in situations DevNode does not model are listed as
 * optional per comparison.
 */
class ResponseShapeTest {
  @RegisterExtension
  static final DevNodeExtension devNode = DevNodeExtension.withSeed("shapes");

  private static String trxTx;
  private static String usdtTx;
  private static long txBlock;

  @BeforeAll
  static void landTransactions() {
    DevNode node = devNode.node();
    DevAccount a = node.accounts().get(0);
    var fresh = PrivateKey.fromHex("55".repeat(32)).address();
    Transaction trx = Transaction.of(node.newRawData(new TransferContract(a.address(), fresh,
        1_000_000)).build()).sign(a.privateKey());
    Transaction usdt = Transaction.of(node.newRawData(new TriggerSmartContract(a.address(),
        node.usdt().address(), new Trc20Call.Transfer(fresh, BigInteger.TEN).encode()))
        .build()).sign(a.privateKey());
    node.broadcast(trx);
    node.broadcast(usdt);
    txBlock = node.mineBlock();
    node.mineBlocks(4);
    trxTx = trx.txId();
    usdtTx = usdt.txId();
  }

  private static String post(String path, String body) {
    return new NodeHttp(devNode.url()).postOk(path, body);
  }

  private static String type(Object v) {
    if (v instanceof Map) {
      return "object";
    }
    if (v instanceof List) {
      return "array";
    }
    if (v instanceof BigDecimal) {
      return "number";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    return v == null ? "null" : "string";
  }

  /**
   * Same JSON type everywhere and the same keys, except {@code optional} keys, which either side
   * may lack (a real response omits a field at its default, such as a zero fee).
   */
  static void assertSameShape(String path, Object real, Object ours, Set<String> optional) {
    assertEquals(type(real), type(ours), path + " type");
    if (real instanceof Map<?, ?> r) {
      Map<?, ?> o = (Map<?, ?>) ours;
      for (Object key : o.keySet()) {
        if (!r.containsKey(key) && optional.contains(key)) {
          continue;
        }
        if (!r.containsKey(key)) {
          fail(path + "." + key + " is not in the real response (keys " + r.keySet() + ")");
        }
        assertSameShape(path + "." + key, r.get(key), o.get(key), optional);
      }
      for (Object key : r.keySet()) {
        if (!o.containsKey(key) && !optional.contains(key)) {
          fail(path + "." + key + " is missing (ours has " + o.keySet() + ")");
        }
      }
    } else if (real instanceof List<?> r && !r.isEmpty()) {
      List<?> o = (List<?>) ours;
      // Equal lengths compare slot by slot (frozenV2's three resources differ by slot).
      for (int i = 0; i < o.size(); i++) {
        assertSameShape(path + "[" + i + "]", r.size() == o.size() ? r.get(i) : r.get(0),
            o.get(i), optional);
      }
    }
  }

  @Test
  void blockWithTransaction_matchesMainnetGetBlock() {
    Map<String, Object> real = TestJson.resource("mainnet_getblock_30864544_getblockio.json");
    Map<String, Object> ours = TestJson.object(post("/wallet/getblockbynum",
        "{\"num\":" + txBlock + "}"));
    // The real block's one transaction is a TransferContract: compare with ours, the first.
    Map<String, Object> oursTrx = obj(list(ours.get("transactions")).get(0));
    ours.put("transactions", List.of(oursTrx));
    assertSameShape("block", real, ours, Set.of());
  }

  @Test
  void emptyBlocks_haveNoTransactionsKey_likeNile() {
    Map<String, Object> real = TestJson.resource("nile_getblockbylatestnum_33801077_tatum.json");
    Map<String, Object> ours = TestJson.object(post("/wallet/getblockbylatestnum",
        "{\"num\":3}"));
    Map<String, Object> realEmpty = obj(list(real.get("block")).get(1));
    for (Object block : list(ours.get("block"))) {
      assertSameShape("block", realEmpty, block, Set.of());
    }
  }

  @Test
  void transactionById_matchesMainnet() {
    Map<String, Object> real = TestJson.resource("mainnet_TransferContract_ankr_041ad82f.json");
    Map<String, Object> ours = TestJson.object(post("/wallet/gettransactionbyid",
        "{\"value\":\"" + trxTx + "\"}"));
    assertSameShape("tx", real, ours, Set.of());
    assertEquals(trxTx, TransactionJson.fromJson(post("/wallet/gettransactionbyid",
        "{\"value\":\"" + trxTx + "\"}")).txId());
  }

  @Test
  void infoOfAccountActivation_matchesMainnet() {
    Map<String, Object> real = TestJson.resource(
        "mainnet_gettransactioninfobyid_TransferContract_fee_95e91bfa.json");
    assertSameShape("info", real, TestJson.object(post("/wallet/gettransactioninfobyid",
        "{\"value\":\"" + trxTx + "\"}")), Set.of());
  }

  @Test
  void infoOfUsdtTransfer_matchesMainnet() {
    Map<String, Object> real = TestJson.resource(
        "mainnet_gettransactioninfobyid_USDT_0130dfde.json");
    assertSameShape("info", real, TestJson.object(post("/wallet/gettransactioninfobyid",
        "{\"value\":\"" + usdtTx + "\"}")),
        Set.of("energy_usage", "energy_penalty_total", "net_fee"));
  }

  @Test
  void infosByBlockNumber_matchMainnet() {
    Map<String, Object> real = TestJson.resource(
        "mainnet_gettransactioninfobyblocknum_49970749_ankr_TRUNCATED.json");
    List<Object> ours = list(TestJson.parse(post("/walletsolidity/gettransactioninfobyblocknum",
        "{\"num\":" + txBlock + "}")));
    assertEquals(List.of(), ours, "not solidified yet");
    devNode.node().mineBlocks(19);
    ours = list(TestJson.parse(post("/walletsolidity/gettransactioninfobyblocknum",
        "{\"num\":" + txBlock + "}")));
    Map<String, Object> realUsdt = obj(list(real.get("response")).get(0));
    assertSameShape("info", realUsdt, ours.get(1),
        Set.of("energy_usage", "energy_penalty_total", "net_usage", "fee", "energy_fee"));
  }

  @Test
  void account_matchesDocsExample() {
    Map<String, Object> real = obj(TestJson.resource("nile_getaccount_docs.json").get("response"));
    String address = devNode.node().accounts().get(5).address().toHex();
    assertSameShape("account", real, TestJson.object(post("/wallet/getaccount",
        "{\"address\":\"" + address + "\"}")),
        Set.of("free_net_usage", "latest_consume_free_time", "latest_consume_time_for_energy",
            "assetV2", "free_asset_net_usageV2", "asset_optimized"));
  }

  @Test
  void accountResource_matchesNileAndMainnet() {
    String address = devNode.node().accounts().get(0).address().toHex();
    Map<String, Object> ours = TestJson.object(post("/wallet/getaccountresource",
        "{\"address\":\"" + address + "\"}"));
    Map<String, Object> nile = obj(TestJson.resource("nile_getaccountresource_docs.json")
        .get("response"));
    assertSameShape("resource", nile, ours, Set.of("assetNetUsed", "assetNetLimit"));
  }

  @Test
  void chainParameters_useRealKeys() {
    Map<String, Object> real = TestJson.resource("mainnet_getchainparameters_edge.json");
    Set<Object> realKeys = new java.util.HashSet<>();
    for (Object p : list(real.get("chainParameter"))) {
      realKeys.add(obj(p).get("key"));
    }
    Map<String, Object> ours = TestJson.object(post("/wallet/getchainparameters", "{}"));
    for (Object p : list(ours.get("chainParameter"))) {
      assertTrue(realKeys.contains(obj(p).get("key")), "unknown key " + obj(p).get("key"));
      assertSameShape("param", list(real.get("chainParameter")).get(0), p, Set.of("value"));
    }
  }

  @Test
  void constantCall_andEstimate_matchDocs() {
    DevNode node = devNode.node();
    String owner = node.accounts().get(0).address().toHex();
    String body = "{\"owner_address\":\"" + owner + "\",\"contract_address\":\""
        + node.usdt().address().toHex() + "\",\"function_selector\":\"balanceOf(address)\","
        + "\"parameter\":\"000000000000000000000000" + owner.substring(2) + "\"}";
    Map<String, Object> constant = TestJson.object(post("/wallet/triggerconstantcontract", body));
    assertSameShape("constant", obj(TestJson.resource(
        "nile_triggerconstantcontract_balanceOf_docs.json").get("response")), constant, Set.of());
    assertEquals(node.tokenBalance(node.usdt(), node.accounts().get(0).address()),
        new BigInteger((String) list(constant.get("constant_result")).get(0), 16));
    Map<String, Object> estimate = TestJson.object(post("/wallet/estimateenergy", body));
    assertSameShape("estimate", obj(TestJson.resource("nile_estimateenergy_balanceOf_docs.json")
        .get("response")), estimate, Set.of());
  }

  @Test
  void trc20History_matchesTronGrid() {
    Map<String, Object> real = TestJson.resource(
        "mainnet_trongrid_v1_accounts_trc20_TL24LCps_ledger_TRIMMED.json");
    Map<String, Object> realItem = obj(list(real.get("data")).get(0));
    realItem.remove("detail"); // added by Ledger Live, not part of TronGrid's answer
    String sender = devNode.node().accounts().get(0).address().toBase58();
    Map<String, Object> ours = TestJson.object(new NodeHttp(devNode.url())
        .get("/v1/accounts/" + sender + "/transactions/trc20").body());
    real.remove("_note");
    assertSameShape("trc20", real, ours, Set.of());
  }
}

package io.tronpay.testkit;

import static io.tronpay.testkit.TestJson.list;
import static io.tronpay.testkit.TestJson.num;
import static io.tronpay.testkit.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tronpay.client.TransactionJson;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.abi.TransferEvent;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransactionFlowTest {
  @RegisterExtension
  final DevNodeExtension devNode = DevNodeExtension.withSeed("flow");

  private static final Address FRESH =
      PrivateKey.fromHex("11".repeat(32)).address();

  private Transaction signed(DevAccount from, io.tronpay.core.tx.Contract contract) {
    return Transaction.of(devNode.node().newRawData(contract).build()).sign(from.privateKey());
  }

  @Test
  void trxTransfer_broadcastOverHttp_landsWithSameTxIdAndMovesBalances() {
    DevNode node = devNode.node();
    NodeHttp http = new NodeHttp(devNode.url());
    DevAccount alice = node.accounts().get(0);
    DevAccount bob = node.accounts().get(1);
    long aliceBefore = node.balance(alice.address());
    long bobBefore = node.balance(bob.address());
    Transaction transfer = signed(alice, new TransferContract(alice.address(), bob.address(),
        2_500_000));

    Map<String, Object> answer = TestJson.object(
        http.postOk("/wallet/broadcasttransaction", TransactionJson.toJson(transfer)));
    assertEquals(Boolean.TRUE, answer.get("result"));
    assertEquals(transfer.txId(), answer.get("txid"));
    long mined = node.mineBlock();

    Map<String, Object> byId = TestJson.object(http.postOk("/wallet/gettransactionbyid",
        "{\"value\":\"" + transfer.txId() + "\"}"));
    assertEquals(transfer.txId(), byId.get("txID"));
    assertEquals(transfer, TransactionJson.fromJson(http.postOk("/wallet/gettransactionbyid",
        "{\"value\":\"" + transfer.txId() + "\"}")));
    List<Object> infos = list(TestJson.parse(http.postOk("/wallet/gettransactioninfobyblocknum",
        "{\"num\":" + mined + "}")));
    assertEquals(1, infos.size());
    Map<String, Object> receipt = obj(obj(infos.get(0)).get("receipt"));
    // A transfer between existing accounts is paid from the sender's free daily bandwidth.
    assertEquals(transfer.bandwidthEstimate(), num(receipt.get("net_usage")));
    assertEquals(bobBefore + 2_500_000, balanceOverHttp(http, bob.address()));
    assertEquals(aliceBefore - 2_500_000, balanceOverHttp(http, alice.address()));
  }

  @Test
  void trxTransfer_toNewAccount_paysActivationFeesLikeMainnet() {
    DevNode node = devNode.node();
    NodeHttp http = new NodeHttp(devNode.url());
    DevAccount alice = node.accounts().get(0);
    Transaction transfer = signed(alice, new TransferContract(alice.address(), FRESH, 1));
    http.postOk("/wallet/broadcasttransaction", TransactionJson.toJson(transfer));
    node.mineBlock();

    Map<String, Object> info = TestJson.object(http.postOk("/wallet/gettransactioninfobyid",
        "{\"value\":\"" + transfer.txId() + "\"}"));
    // Mainnet tx 95e91bfa… activated an account: fee 1.1 TRX, of which 0.1 TRX net_fee.
    Map<String, Object> real =
        TestJson.resource("mainnet_gettransactioninfobyid_TransferContract_fee_95e91bfa.json");
    assertEquals(num(real.get("fee")), num(info.get("fee")));
    assertEquals(num(obj(real.get("receipt")).get("net_fee")),
        num(obj(info.get("receipt")).get("net_fee")));
  }

  @Test
  void trxTransferWithMemo_burnsTheMainnetMemoFeeInTheReceiptsFee() {
    DevNode node = devNode.node();
    NodeHttp http = new NodeHttp(devNode.url());
    DevAccount alice = node.accounts().get(0);
    DevAccount bob = node.accounts().get(1);
    long memoFee = 0;
    for (Object p : list(TestJson.resource("mainnet_getchainparameters_edge.json")
        .get("chainParameter"))) {
      if ("getMemoFee".equals(obj(p).get("key"))) {
        memoFee = num(obj(p).get("value"));
      }
    }
    long aliceBefore = node.balance(alice.address());
    Transaction withMemo = Transaction.of(devNode.node().newRawData(
        new TransferContract(alice.address(), bob.address(), 2_000_000)).memo("order 42").build())
        .sign(alice.privateKey());
    http.postOk("/wallet/broadcasttransaction", TransactionJson.toJson(withMemo));
    node.mineBlock();

    Map<String, Object> info = TestJson.object(http.postOk("/wallet/gettransactioninfobyid",
        "{\"value\":\"" + withMemo.txId() + "\"}"));
    // Mainnet's getMemoFee (1 TRX) is burnt whatever pays the bandwidth, here the free allowance.
    assertEquals(1_000_000, memoFee);
    assertEquals(memoFee, num(info.get("fee")));
    assertEquals(withMemo.bandwidthEstimate(), num(obj(info.get("receipt")).get("net_usage")));
    assertEquals(aliceBefore - 2_000_000 - memoFee, balanceOverHttp(http, alice.address()));
  }

  @Test
  void usdtTransfer_broadcastHex_emitsTransferLogAndChargesMainnetEnergy() {
    DevNode node = devNode.node();
    NodeHttp http = new NodeHttp(devNode.url());
    DevAccount alice = node.accounts().get(0);
    DevAccount bob = node.accounts().get(1);
    BigInteger amount = BigInteger.valueOf(12_345_678);
    Transaction toHolder = signed(alice, new TriggerSmartContract(alice.address(),
        node.usdt().address(), new Trc20Call.Transfer(bob.address(), amount).encode()));
    Transaction toFresh = signed(alice, new TriggerSmartContract(alice.address(),
        node.usdt().address(), new Trc20Call.Transfer(FRESH, amount).encode()));

    for (Transaction tx : List.of(toHolder, toFresh)) {
      Map<String, Object> answer = TestJson.object(http.postOk("/wallet/broadcasthex",
          "{\"transaction\":\"" + HexFormat.of().formatHex(tx.encode()) + "\"}"));
      assertEquals("SUCCESS", answer.get("code"));
    }
    long mined = node.mineBlock();

    List<Object> infos = list(TestJson.parse(http.postOk("/wallet/gettransactioninfobyblocknum",
        "{\"num\":" + mined + "}")));
    assertEquals(2, infos.size());
    Map<String, Object> holderInfo = obj(infos.get(0));
    assertEquals(toHolder.txId(), holderInfo.get("id"));
    Map<String, Object> log = obj(list(holderInfo.get("log")).get(0));
    List<String> topics = list(log.get("topics")).stream().map(String.class::cast).toList();
    assertEquals(new TransferEvent(alice.address(), bob.address(), amount),
        TransferEvent.decodeHex(topics, (String) log.get("data")));
    assertEquals(HexFormat.of().formatHex(node.usdt().address().accountId()), log.get("address"));
    assertEquals("SUCCESS", obj(holderInfo.get("receipt")).get("result"));

    Map<String, Object> trongrid =
        TestJson.resource("mainnet_trongrid_v1_accounts_trc20_TL24LCps_ledger_TRIMMED.json");
    long holderEnergy = num(obj(obj(list(trongrid.get("data")).get(1)).get("detail"))
        .get("energy_usage_total"));
    long freshEnergy = num(obj(TestJson.resource(
        "mainnet_gettransactioninfobyid_USDT_0130dfde.json").get("receipt"))
        .get("energy_usage_total"));
    assertEquals(holderEnergy, num(obj(holderInfo.get("receipt")).get("energy_usage_total")));
    assertEquals(freshEnergy,
        num(obj(obj(infos.get(1)).get("receipt")).get("energy_usage_total")));
    assertEquals(amount, node.tokenBalance(node.usdt(), FRESH));
  }

  @Test
  void usdtTransfer_feeLimitTooLow_landsAsOutOfEnergy() {
    DevNode node = devNode.node();
    NodeHttp http = new NodeHttp(devNode.url());
    DevAccount alice = node.accounts().get(0);
    DevAccount bob = node.accounts().get(1);
    BigInteger bobBefore = node.tokenBalance(node.usdt(), bob.address());
    Transaction tx = Transaction.of(devNode.node().newRawData(new TriggerSmartContract(
            alice.address(), node.usdt().address(),
            new Trc20Call.Transfer(bob.address(), BigInteger.TEN).encode()))
        .feeLimit(1_000_000).build()).sign(alice.privateKey());
    assertEquals("SUCCESS", node.broadcast(tx).code());
    node.mineBlock();

    Map<String, Object> info = TestJson.object(http.postOk("/wallet/gettransactioninfobyid",
        "{\"value\":\"" + tx.txId() + "\"}"));
    assertEquals("OUT_OF_ENERGY", obj(info.get("receipt")).get("result"));
    assertEquals("FAILED", info.get("result"));
    assertEquals(1_000_000L, num(info.get("fee")) - num(obj(info.get("receipt"))
        .getOrDefault("net_fee", java.math.BigDecimal.ZERO)));
    assertEquals(bobBefore, node.tokenBalance(node.usdt(), bob.address()));
  }

  @Test
  void blacklistedSender_transferReverts_andKeepsCallData() {
    DevNode node = devNode.node();
    NodeHttp http = new NodeHttp(devNode.url());
    DevAccount alice = node.accounts().get(0);
    DevAccount bob = node.accounts().get(1);
    node.blacklist(node.usdt(), alice.address(), true);
    byte[] call = new Trc20Call.Transfer(bob.address(), BigInteger.ONE).encode();
    Transaction tx = signed(alice, new TriggerSmartContract(alice.address(),
        node.usdt().address(), call));
    node.broadcast(tx);
    long mined = node.mineBlock();

    Map<String, Object> block = TestJson.object(http.postOk("/wallet/getblockbynum",
        "{\"num\":" + mined + "}"));
    Map<String, Object> minedTx = obj(list(block.get("transactions")).get(0));
    assertEquals("REVERT", obj(list(minedTx.get("ret")).get(0)).get("contractRet"));
    Map<String, Object> value = obj(obj(obj(list(obj(minedTx.get("raw_data")).get("contract"))
        .get(0)).get("parameter")).get("value"));
    assertEquals(HexFormat.of().formatHex(call), value.get("data"));
    Map<String, Object> info = TestJson.object(http.postOk("/wallet/gettransactioninfobyid",
        "{\"value\":\"" + tx.txId() + "\"}"));
    assertEquals("REVERT", obj(info.get("receipt")).get("result"));
    assertFalse(info.containsKey("log"));
  }

  @Test
  void solidityApi_answersFromSolidifiedHeadOnly() {
    DevNode node = devNode.node();
    NodeHttp http = new NodeHttp(devNode.url());
    DevAccount alice = node.accounts().get(0);
    Transaction transfer = signed(alice, new TransferContract(alice.address(), FRESH, 7));
    node.broadcast(transfer);
    node.mineBlock();
    String query = "{\"value\":\"" + transfer.txId() + "\"}";

    assertEquals("{}", http.postOk("/walletsolidity/gettransactioninfobyid", query));
    node.mineBlocks(19);
    assertEquals(transfer.txId(), TestJson.object(
        http.postOk("/walletsolidity/gettransactioninfobyid", query)).get("id"));
    Map<String, Object> solidHead = TestJson.object(http.postOk("/walletsolidity/getnowblock",
        "{}"));
    assertEquals(node.solidBlockNumber(),
        num(obj(obj(solidHead.get("block_header")).get("raw_data")).get("number")));
  }

  @Test
  void getAccount_visibleTrue_acceptsAndAnswersBase58() {
    DevNode node = devNode.node();
    NodeHttp http = new NodeHttp(devNode.url());
    String base58 = node.accounts().get(2).address().toBase58();
    Map<String, Object> account = TestJson.object(http.get("/wallet/getaccount?address="
        + base58 + "&visible=true").body());
    assertEquals(base58, account.get("address"));
    assertEquals("{}", http.postOk("/wallet/getaccount",
        "{\"address\":\"" + FRESH.toHex() + "\"}"));
  }

  private static long balanceOverHttp(NodeHttp http, Address address) {
    return num(TestJson.object(http.postOk("/wallet/getaccount",
        "{\"address\":\"" + address.toHex() + "\"}")).get("balance"));
  }
}

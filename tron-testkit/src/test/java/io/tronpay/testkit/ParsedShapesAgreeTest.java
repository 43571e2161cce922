package io.tronpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.Account;
import io.tronpay.client.AccountResource;
import io.tronpay.client.Block;
import io.tronpay.client.ChainTransaction;
import io.tronpay.client.ConstantCallResult;
import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.Trc20Transfer;
import io.tronpay.client.Trc20TransferQuery;
import io.tronpay.client.TronClient;
import io.tronpay.client.TronGridAccount;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.FreezeBalanceV2Contract;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.core.tx.Vote;
import io.tronpay.core.tx.VoteWitnessContract;
import io.tronpay.core.tx.WithdrawBalanceContract;
import java.io.IOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For each kind of real answer DevNode also serves, the recorded answer and DevNode's answer to
 * the same kind of request parse through tron-client into the same typed fields: the same ones
 * populated, the same list structure, the same enum kinds. Fields that only a situation DevNode
 * does not model fills (the dynamic-energy penalty, TRC10 assets) are left out by name.
 */
class ParsedShapesAgreeTest {
  private static MockWebServer server;
  private static TronClient real;
  private static DevNode node;
  private static TronClient dev;
  private static DevAccount alice;
  private static Address fresh;
  private static long minedBlock;
  private static String usdtTx;
  private static String withdrawTx;

  @BeforeAll
  static void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new FixtureNode());
    server.start();
    real = TronClient.builder().fullNode(server.url("/").toString())
        .retryPolicy(RetryPolicy.NONE).build();

    node = DevNode.builder().seed("parsed-shapes").build();
    dev = TronClient.builder().fullNode(node.start()).build();
    alice = node.accounts().get(0);
    fresh = PrivateKey.fromHex("61".repeat(32)).address();
    land(new FreezeBalanceV2Contract(alice.address(), 100_000_000L, ResourceCode.BANDWIDTH));
    Address witness = dev.getNowBlock().witness();
    land(new VoteWitnessContract(alice.address(), List.of(new Vote(witness, 100))));
    node.mineBlocks(5);
    // The block under comparison: a USDT transfer to a new holder first, as in the recorded one.
    usdtTx = submit(new TriggerSmartContract(alice.address(), node.usdt().address(),
        new Trc20Call.Transfer(fresh, BigInteger.TEN).encode()));
    submit(new TransferContract(alice.address(), node.accounts().get(1).address(), 1_000_000));
    minedBlock = node.mineBlock();
    withdrawTx = land(new WithdrawBalanceContract(alice.address()));
    node.mineBlocks(20);
  }

  private static String submit(Contract contract) {
    Transaction tx = Transaction.of(node.newRawData(contract).build()).sign(alice.privateKey());
    dev.broadcastTransaction(tx);
    return tx.txId();
  }

  private static String land(Contract contract) {
    String txId = submit(contract);
    node.mineBlock();
    return txId;
  }

  @AfterAll
  static void stop() {
    real.close();
    server.close();
    dev.close();
    node.close();
  }

  private static Map<String, Object> shape(Block b) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("witness", b.witness() != null);
    s.put("timestamp", b.timestamp() > 0);
    s.put("contractTypes", b.transactions().stream().map(ChainTransaction::contractType)
        .distinct().toList());
    s.put("contractResults", b.transactions().stream().map(ChainTransaction::contractResult)
        .distinct().toList());
    s.put("decoded", b.transactions().stream().allMatch(t -> t.decoded().isPresent()));
    return s;
  }

  private static Map<String, Object> shape(TransactionInfo i) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("fee", i.fee() > 0);
    s.put("blockNumber", i.blockNumber() > 0);
    s.put("blockTimestamp", i.blockTimestamp() > 0);
    s.put("contractAddress", i.contractAddress() != null);
    s.put("receipt.result", i.receipt().result());
    s.put("receipt.energyFee", i.receipt().energyFee() > 0);
    s.put("receipt.energyUsageTotal", i.receipt().energyUsageTotal() > 0);
    s.put("logs", i.logs().stream().map(l -> l.topics().size()).toList());
    s.put("failed", i.failed());
    s.put("resMessage", i.resMessage());
    s.put("withdrawAmount", i.withdrawAmount() > 0);
    s.put("unfreezeAmount", i.unfreezeAmount() > 0);
    return s;
  }

  private static Map<String, Object> shape(Account a) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("balance", a.balance() > 0);
    s.put("createTime", a.createTime() > 0);
    s.put("frozenV2", a.frozenV2().stream().map(Account.Stake::resource).toList());
    s.put("owner", a.ownerPermission() == null ? null : List.of(a.ownerPermission().type(),
        a.ownerPermission().id(), a.ownerPermission().name(), a.ownerPermission().keys().size()));
    s.put("active", a.activePermissions().stream().map(p -> List.of(p.type(), p.id(), p.name(),
        p.keys().size())).toList());
    return s;
  }

  private static Map<String, Object> shape(AccountResource r) {
    // Usage depends on the account's day; the limits and network totals are always there.
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("freeNetLimit", r.freeNetLimit() > 0);
    s.put("totalNetLimit", r.totalNetLimit() > 0);
    s.put("totalNetWeight", r.totalNetWeight() > 0);
    s.put("totalEnergyLimit", r.totalEnergyLimit() > 0);
    s.put("totalEnergyWeight", r.totalEnergyWeight() > 0);
    return s;
  }

  private static Map<String, Object> shape(Trc20Transfer t) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("symbol", t.symbol());
    s.put("type", t.type());
    s.put("decimals", t.value().decimals());
    s.put("blockTimestamp", t.blockTimestamp() > 0);
    return s;
  }

  @Test
  void blockWithATransfer() {
    assertEquals(shape(real.getBlockByNum(FixtureNode.TRANSFER_BLOCK).orElseThrow()),
        shape(onlyTransfers(dev.getBlockByNum(minedBlock).orElseThrow())));
  }

  private static Block onlyTransfers(Block b) {
    return new Block(b.number(), b.blockId(), b.parentHash(), b.timestamp(), b.witness(),
        b.transactions().stream().filter(t -> t.contractType().equals("TransferContract"))
            .toList());
  }

  @Test
  void blockWithAContractCall_andEmptyBlocks() {
    List<Block> nile = real.getBlockByLimitNext(FixtureNode.NILE_FIRST, FixtureNode.NILE_FIRST + 5);
    List<Block> ours = dev.getBlockByLimitNext(minedBlock, minedBlock + 5);
    Block ourCall = ours.get(0);
    ourCall = new Block(ourCall.number(), ourCall.blockId(), ourCall.parentHash(),
        ourCall.timestamp(), ourCall.witness(), ourCall.transactions().subList(0, 1));
    assertEquals(shape(nile.get(0)), shape(ourCall));
    assertEquals(shape(nile.get(4)), shape(ours.get(4)));
  }

  @Test
  void transactionById() {
    ChainTransaction r = real.getTransactionById(FixtureNode.USDT_TX).orElseThrow();
    ChainTransaction o = dev.getTransactionById(usdtTx).orElseThrow();
    assertEquals(List.of(r.contractType(), r.contractResult(), r.transaction().rawData()
            .contract().getClass(), r.transaction().signatures().size()),
        List.of(o.contractType(), o.contractResult(), o.transaction().rawData().contract()
            .getClass(), o.transaction().signatures().size()));
  }

  @Test
  void infoOfAUsdtTransfer() {
    TransactionInfo r = real.getTransactionInfoById(FixtureNode.USDT_TX).orElseThrow();
    TransactionInfo o = dev.getTransactionInfoById(usdtTx).orElseThrow();
    assertEquals(shape(r), shape(o));
  }

  @Test
  void infosByBlockNumber() {
    List<TransactionInfo> r = real.getSolidTransactionInfoByBlockNum(FixtureNode.INFO_BLOCK);
    List<TransactionInfo> o = dev.getSolidTransactionInfoByBlockNum(minedBlock);
    Map<String, Object> realFirst = shape(r.get(0));
    Map<String, Object> ourFirst = shape(o.get(0));
    // The recorded transfer was paid from staked energy (no fee at all); DevNode's sender
    // stakes none and burns TRX. Whether a fee appears is the sender's situation, not a shape.
    for (String situational : List.of("fee", "receipt.energyFee")) {
      realFirst.remove(situational);
      ourFirst.remove(situational);
    }
    assertEquals(realFirst, ourFirst);
  }

  @Test
  void infoOfARewardClaim() {
    TransactionInfo r = real.getTransactionInfoById(FixtureNode.WITHDRAW_TX).orElseThrow();
    TransactionInfo o = dev.getTransactionInfoById(withdrawTx).orElseThrow();
    Map<String, Object> realShape = shape(r);
    Map<String, Object> ourShape = shape(o);
    // The recorded claim fit in its owner's free bandwidth; DevNode's sender has used its
    // day's free bandwidth on the setup, so it burns TRX. That is the sender's situation.
    realShape.remove("fee");
    ourShape.remove("fee");
    assertEquals(realShape, ourShape);
  }

  @Test
  void account() {
    assertEquals(shape(real.getAccount(FixtureNode.DOCS_ACCOUNT).orElseThrow()),
        shape(dev.getAccount(node.accounts().get(5).address()).orElseThrow()));
  }

  @Test
  void accountResource() {
    assertEquals(shape(real.getAccountResource(FixtureNode.DOCS_ACCOUNT)),
        shape(dev.getAccountResource(alice.address())));
  }

  @Test
  void chainParameters_devNodeNamesOnlyRealKeys() {
    Map<String, Long> r = real.getChainParameters().values();
    Map<String, Long> o = dev.getChainParameters().values();
    assertTrue(r.keySet().containsAll(o.keySet()), "DevNode invents " + o.keySet());
    for (String fee : List.of("getEnergyFee", "getTransactionFee",
        "getCreateNewAccountFeeInSystemContract")) {
      assertEquals(r.get(fee) > 0, o.get(fee) > 0, fee);
    }
  }

  @Test
  void constantCall() {
    ConstantCallResult r = real.triggerConstantContract(FixtureNode.DOCS_ACCOUNT,
        FixtureNode.NILE_USDT, new Trc20Call.BalanceOf(FixtureNode.DOCS_ACCOUNT).encode());
    ConstantCallResult o = dev.triggerConstantContract(alice.address(), node.usdt().address(),
        new Trc20Call.BalanceOf(alice.address()).encode());
    assertEquals(List.of(r.constantResult().size(), r.constantResult().get(0).length(),
            r.energyUsed() > 0, r.reverted()),
        List.of(o.constantResult().size(), o.constantResult().get(0).length(),
            o.energyUsed() > 0, o.reverted()));
  }

  @Test
  void trc20TransferOfUsdt() {
    Trc20Transfer r = real.getTrc20Transfers(FixtureNode.TRONGRID_ACCOUNT,
        Trc20TransferQuery.all(), null).transfers().get(0);
    Trc20Transfer o = dev.getTrc20Transfers(fresh, Trc20TransferQuery.all(), null)
        .transfers().get(0);
    assertEquals(shape(r), shape(o));
  }

  @Test
  void tronGridAccount() {
    TronGridAccount r = real.getTronGridAccount(FixtureNode.TRONGRID_ACCOUNT).orElseThrow();
    TronGridAccount o = dev.getTronGridAccount(alice.address()).orElseThrow();
    Map<String, Object> realShape = shape(r.account());
    Map<String, Object> ourShape = shape(o.account());
    realShape.put("trc20", !r.trc20Balances().isEmpty());
    ourShape.put("trc20", !o.trc20Balances().isEmpty());
    assertEquals(realShape, ourShape);
  }
}

package io.tronpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.Account;
import io.tronpay.client.AccountResource;
import io.tronpay.client.Block;
import io.tronpay.client.BroadcastResult;
import io.tronpay.client.ChainParameters;
import io.tronpay.client.ChainTransaction;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.Trc20Transfer;
import io.tronpay.client.Trc20TransferQuery;
import io.tronpay.client.TronClient;
import io.tronpay.client.TronGridAccount;
import io.tronpay.client.TronNodeException;
import io.tronpay.core.Address;
import io.tronpay.core.abi.TransferEvent;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TriggerSmartContract;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link TronClient} call returns, asserted once and run twice: against real recorded
 * node answers ({@link FixtureClientContractTest}) and against {@link DevNode} ({@link
 * DevNodeClientContractTest}). The assertions are about the typed results' shape and invariants,
 * so DevNode cannot drift from the real node without one of the two runs failing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TronClientContractTest {
  private static final String HASH = "[0-9a-f]{64}";
  /** The SIGERROR message of the recorded broadcast answer, decoded from its hex. */
  private static final String MISSING_SIGNATURE = new String(HexFormat.of().parseHex((String)
      TestJson.obj(TestJson.resource("broadcasttransaction_SIGERROR_hexmsg_tatum_docs.json")
          .get("response_error")).get("message")), StandardCharsets.UTF_8);

  /** The client under test, pointed at the node under test. */
  abstract TronClient client();

  /** A block holding a TRX TransferContract. */
  abstract long transferBlock();

  /** A block without transactions. */
  abstract long emptyBlock();

  /** The first of five consecutive blocks. */
  abstract long rangeStart();

  /** A solidified block whose first transaction is a successful USDT transfer. */
  abstract long usdtInfoBlock();

  /** A solidified USDT transfer (a TriggerSmartContract with a Transfer log). */
  abstract String usdtTxId();

  /** An account with TRX, an owner and one active permission. */
  abstract Address account();

  /** The USDT contract that {@link #usdtHolder()} holds. */
  abstract Address usdt();

  /** A holder of USDT that {@link #account()} may ask about. */
  abstract Address usdtHolder();

  /** A fresh signed transaction the node will accept. */
  abstract Transaction acceptable();

  /** A transaction without a signature. */
  abstract Transaction unsigned();

  /** An account TronGrid lists TRC20 balances and transfers for. */
  abstract Address tronGridAccount();

  /** How many TRC20 transfers TronGrid lists for {@link #tronGridAccount()}. */
  abstract int tronGridTransfers();

  private static void assertBlockShape(Block block) {
    assertTrue(block.blockId().matches(HASH), block.blockId());
    assertTrue(block.parentHash().matches(HASH), block.parentHash());
    assertEquals(block.number(), Long.parseLong(block.blockId().substring(0, 16), 16));
    assertEquals(block.number() - 1, Long.parseLong(block.parentHash().substring(0, 16), 16));
    assertTrue(block.timestamp() > 0);
    assertNotNull(block.witness());
    for (ChainTransaction tx : block.transactions()) {
      assertTrue(tx.txId().matches(HASH));
      assertEquals(tx.txId(), tx.decoded().orElseThrow().txId());
      assertEquals("SUCCESS", tx.contractResult());
    }
  }

  @Test
  void getNowBlock_idCarriesTheNumber_andParentIsOneLower() {
    assertBlockShape(client().getNowBlock());
  }

  @Test
  void getSolidNowBlock_isNotAheadOfTheHead() {
    Block solid = client().getSolidNowBlock();
    assertBlockShape(solid);
    assertTrue(solid.number() <= client().getNowBlock().number());
  }

  @Test
  void getBlockByNum_transferBlock_decodesTheTransfer() {
    Block block = client().getBlockByNum(transferBlock()).orElseThrow();
    assertBlockShape(block);
    assertEquals(transferBlock(), block.number());
    assertTrue(block.transactions().stream()
        .anyMatch(tx -> tx.contractType().equals("TransferContract")));
  }

  @Test
  void getBlockByNum_emptyBlock_hasNoTransactions() {
    Block block = client().getBlockByNum(emptyBlock()).orElseThrow();
    assertBlockShape(block);
    assertEquals(List.of(), block.transactions());
  }

  @Test
  void getBlockByNum_farBeyondTheHead_isEmpty() {
    assertEquals(Optional.empty(), client().getBlockByNum(client().getNowBlock().number()
        + 1_000_000));
  }

  @Test
  void getBlockByLimitNext_returnsConsecutiveBlocksThatLink() {
    List<Block> blocks = client().getBlockByLimitNext(rangeStart(), rangeStart() + 5);
    assertEquals(5, blocks.size());
    for (int i = 0; i < blocks.size(); i++) {
      assertBlockShape(blocks.get(i));
      assertEquals(rangeStart() + i, blocks.get(i).number());
      if (i > 0) {
        assertEquals(blocks.get(i - 1).blockId(), blocks.get(i).parentHash());
      }
    }
  }

  @Test
  void getTransactionInfoByBlockNum_usdtBlock_hasReceiptAndTransferLog() {
    List<TransactionInfo> infos = client().getSolidTransactionInfoByBlockNum(usdtInfoBlock());
    assertFalse(infos.isEmpty());
    for (TransactionInfo info : infos) {
      assertTrue(info.id().matches(HASH));
      assertEquals(usdtInfoBlock(), info.blockNumber());
      assertTrue(info.blockTimestamp() > 0);
    }
    TransactionInfo usdtInfo = infos.get(0);
    assertEquals("SUCCESS", usdtInfo.receipt().result());
    assertTrue(usdtInfo.receipt().energyUsageTotal() > 0);
    TransactionInfo.EventLog log = usdtInfo.logs().get(0);
    assertEquals(3, log.topics().size());
    assertNotNull(TransferEvent.decodeHex(log.topics(), log.data()));
  }

  @Test
  void getTransactionInfoByBlockNum_emptyBlock_isAnEmptyList() {
    assertEquals(List.of(), client().getSolidTransactionInfoByBlockNum(emptyBlock()));
  }

  @Test
  void transactionAndInfoById_fullAndSolidity_agreeOnTheTransaction() {
    ChainTransaction full = client().getTransactionById(usdtTxId()).orElseThrow();
    ChainTransaction solid = client().getSolidTransactionById(usdtTxId()).orElseThrow();
    assertEquals(usdtTxId(), full.txId());
    assertEquals(full, solid);
    assertEquals("TriggerSmartContract", full.contractType());
    assertEquals("SUCCESS", full.contractResult());
    Address token = ((TriggerSmartContract) full.transaction().rawData().contract())
        .contractAddress();

    TransactionInfo info = client().getTransactionInfoById(usdtTxId()).orElseThrow();
    assertEquals(info, client().getSolidTransactionInfoById(usdtTxId()).orElseThrow());
    assertEquals(usdtTxId(), info.id());
    assertEquals(token, info.contractAddress());
    assertEquals(token, info.logs().get(0).address());
    assertTrue(info.fee() > 0);
    assertFalse(info.failed());
  }

  @Test
  void transactionById_unknownId_isEmptyEverywhere() {
    String unknown = "ab".repeat(32);
    assertEquals(Optional.empty(), client().getTransactionById(unknown));
    assertEquals(Optional.empty(), client().getSolidTransactionById(unknown));
    assertEquals(Optional.empty(), client().getTransactionInfoById(unknown));
    assertEquals(Optional.empty(), client().getSolidTransactionInfoById(unknown));
  }

  @Test
  void getAccount_hasBalanceStakeSlotsAndPermissions() {
    Account account = client().getAccount(account()).orElseThrow();
    assertEquals(account(), account.address());
    assertTrue(account.balance() > 0);
    assertTrue(account.createTime() > 0);
    assertEquals(List.of(ResourceCode.BANDWIDTH, ResourceCode.ENERGY, ResourceCode.TRON_POWER),
        account.frozenV2().stream().map(Account.Stake::resource).toList());
    assertEquals(account(), account.ownerPermission().keys().get(0).address());
    assertEquals(1, account.activePermissions().size());
    assertEquals(2, account.activePermissions().get(0).id());
  }

  @Test
  void getAccount_neverFunded_isEmpty() {
    assertEquals(Optional.empty(), client().getAccount(
        Address.fromHex("41" + "77".repeat(20))));
  }

  @Test
  void getAccountResource_hasFreeBandwidthAndNetworkTotals() {
    AccountResource resource = client().getAccountResource(account());
    assertTrue(resource.freeNetLimit() > 0);
    assertTrue(resource.freeNetUsed() <= resource.freeNetLimit());
    assertTrue(resource.totalNetLimit() > 0);
    assertTrue(resource.totalNetWeight() > 0);
    assertTrue(resource.totalEnergyLimit() > 0);
    assertTrue(resource.totalEnergyWeight() > 0);
  }

  @Test
  void getChainParameters_namesTheFeesBuildersNeed() {
    ChainParameters params = client().getChainParameters();
    assertTrue(params.energyFee() > 0);
    assertTrue(params.transactionFee() > 0);
    assertTrue(params.createNewAccountFeeInSystemContract() > 0);
  }

  @Test
  void balanceOfAndDecimals_readUsdt() {
    assertTrue(client().balanceOf(usdt(), usdtHolder()).signum() > 0);
    assertEquals(io.tronpay.client.Tokens.USDT_DECIMALS, client().decimals(usdt()));
  }

  @Test
  void triggerConstantContract_balanceOf_isOneWordThatDidNotRevert() {
    var result = client().triggerConstantContract(usdtHolder(), usdt(),
        new io.tronpay.core.abi.Trc20Call.BalanceOf(usdtHolder()).encode());
    assertEquals(1, result.constantResult().size());
    assertEquals(64, result.constantResult().get(0).length());
    assertTrue(result.energyUsed() > 0);
    assertFalse(result.reverted());
  }

  @Test
  void estimateEnergy_balanceOf_isPositive() {
    assertTrue(client().estimateEnergy(usdtHolder(), usdt(),
        new io.tronpay.core.abi.Trc20Call.BalanceOf(usdtHolder()).encode(), 0) > 0);
  }

  @Test
  void broadcast_acceptedThenSameBytesAgain_isDuplicate() {
    Transaction tx = acceptable();
    assertEquals(new BroadcastResult(tx.txId(), BroadcastResult.Outcome.ACCEPTED),
        client().broadcastTransaction(tx));
    assertEquals(new BroadcastResult(tx.txId(), BroadcastResult.Outcome.DUPLICATE),
        client().broadcastTransaction(tx));
  }

  @Test
  void broadcast_unsigned_isSigErrorWithTheNodesDecodedMessage() {
    TronNodeException e = assertThrows(TronNodeException.class,
        () -> client().broadcastTransaction(unsigned()));
    assertEquals(TronNodeException.SIGERROR, e.code());
    assertEquals(MISSING_SIGNATURE, e.nodeMessage());
  }

  @Test
  void trc20Transfers_pagesWithFingerprintsUntilTheLastPage() {
    Address account = tronGridAccount();
    Trc20TransferQuery query = Trc20TransferQuery.all().withLimit(2);
    var first = client().getTrc20Transfers(account, query, null);
    assertEquals(2, first.transfers().size());
    assertNotNull(first.nextFingerprint());

    List<Trc20Transfer> all = new ArrayList<>();
    client().trc20Transfers(account, query).forEach(all::add);
    assertEquals(tronGridTransfers(), all.size());
    Set<String> distinct = new HashSet<>();
    for (Trc20Transfer t : all) {
      assertTrue(t.txId().matches(HASH));
      assertTrue(t.from().equals(account) || t.to().equals(account));
      assertEquals("Transfer", t.type());
      assertTrue(t.blockTimestamp() > 0);
      assertTrue(t.value().units().signum() >= 0);
      distinct.add(t.txId() + t.from() + t.to() + t.value());
    }
    assertEquals(all.size(), distinct.size(), "a page repeated a transfer");
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1).blockTimestamp() >= all.get(i).blockTimestamp(), "newest first");
    }
  }

  @Test
  void getTronGridAccount_listsTrc20BalancesWithTheAccount() {
    TronGridAccount account = client().getTronGridAccount(tronGridAccount()).orElseThrow();
    assertEquals(tronGridAccount(), account.account().address());
    assertFalse(account.trc20Balances().isEmpty());
    for (Map.Entry<Address, BigInteger> balance : account.trc20Balances().entrySet()) {
      assertTrue(balance.getValue().signum() >= 0);
    }
    assertNotNull(account.account().ownerPermission());
  }
}

package io.tronpay.testkit;

import static io.tronpay.testkit.TestJson.list;
import static io.tronpay.testkit.TestJson.num;
import static io.tronpay.testkit.TestJson.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.abi.TransferEvent;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultInjectionTest {
  @RegisterExtension
  final DevNodeExtension devNode = DevNodeExtension.withSeed("faults");

  private static final Address WATCHED = PrivateKey.fromHex("44".repeat(32)).address();

  private NodeHttp http() {
    return new NodeHttp(devNode.url());
  }

  private Map<String, Object> info(String txId) {
    return TestJson.object(http().postOk("/wallet/gettransactioninfobyid",
        "{\"value\":\"" + txId + "\"}"));
  }

  @Test
  void rateLimit_answers429WithRetryAfter_beyondTheBudget() {
    devNode.node().faults().rateLimit(2, 429, Duration.ofSeconds(7));
    NodeHttp http = http();
    http.postOk("/wallet/getnowblock", "{}");
    http.postOk("/wallet/getnowblock", "{}");
    NodeHttp.Answer limited = http.post("/wallet/getnowblock", "{}");
    assertEquals(429, limited.status());
    assertEquals("7", limited.retryAfter());
  }

  @Test
  void rateLimit_canAnswer403LikeABannedKey() {
    devNode.node().faults().rateLimit(1, 403, Duration.ofSeconds(1));
    http().postOk("/wallet/getnowblock", "{}");
    assertEquals(403, http().post("/wallet/getnowblock", "{}").status());
  }

  @Test
  void failNext_answersServerErrorsThenRecovers() {
    devNode.node().faults().failNext(2, 503);
    assertEquals(503, http().post("/wallet/getnowblock", "{}").status());
    assertEquals(503, http().post("/wallet/getnowblock", "{}").status());
    assertEquals(200, http().post("/wallet/getnowblock", "{}").status());
  }

  @Test
  void failNext_withPathPrefix_spareOtherPaths() {
    devNode.node().faults().failNext(1, 500, "/wallet/broadcast");
    assertEquals(200, http().post("/wallet/getnowblock", "{}").status());
    assertEquals(500, http().post("/wallet/broadcasthex", "{\"transaction\":\"00\"}").status());
  }

  @Test
  void delayNext_makesAShortReadTimeoutExpire() {
    devNode.node().faults().delayNext(1, Duration.ofSeconds(2));
    NodeHttp impatient = new NodeHttp(devNode.url(), Duration.ofMillis(200));
    assertThrows(UncheckedIOException.class, () -> impatient.post("/wallet/getnowblock", "{}"));
  }

  @Test
  void malformedNext_sendsJsonThatDoesNotParse() {
    devNode.node().faults().malformedNext(1);
    String body = http().postOk("/wallet/getnowblock", "{}");
    assertThrows(RuntimeException.class, () -> TestJson.parse(body));
  }

  @Test
  void staleHead_freezesReportedHead_whileChainMovesOn() {
    DevNode node = devNode.node();
    node.mineBlocks(2);
    node.faults().staleHead();
    node.mineBlocks(3);
    Map<String, Object> now = TestJson.object(http().postOk("/wallet/getnowblock", "{}"));
    assertEquals(2L, num(obj(obj(now.get("block_header")).get("raw_data")).get("number")));
    assertEquals(5L, node.headBlockNumber());
    node.faults().resumeHead();
    now = TestJson.object(http().postOk("/wallet/getnowblock", "{}"));
    assertEquals(5L, num(obj(obj(now.get("block_header")).get("raw_data")).get("number")));
  }

  @Test
  void unknownPath_answers404LikeJetty() {
    NodeHttp.Answer answer = http().post("/wallet/nosuchthing", "{}");
    assertEquals(404, answer.status());
    assertTrue(answer.body().contains("HTTP ERROR 404"));
  }

  private Transaction payWatched(long sun) {
    DevNode node = devNode.node();
    DevAccount a = node.accounts().get(0);
    return Transaction.of(node.newRawData(new TransferContract(a.address(), WATCHED, sun))
        .build()).sign(a.privateKey());
  }

  @Test
  void reorg_dropTransactions_replacesBlocksAndRemovesTheTransfer() {
    DevNode node = devNode.node();
    Transaction tx = payWatched(1_000_000);
    node.broadcast(tx);
    node.mineBlocks(3);
    String oldHead = TestJson.object(http().postOk("/wallet/getnowblock", "{}"))
        .get("blockID").toString();

    String newHead = node.reorg(3, ReorgMode.DROP_TRANSACTIONS);
    assertNotEquals(oldHead, newHead);
    assertEquals(3L, node.headBlockNumber());
    assertEquals("{}", http().postOk("/wallet/gettransactionbyid",
        "{\"value\":\"" + tx.txId() + "\"}"));
    assertEquals(0L, node.balance(WATCHED));
  }

  @Test
  void reorg_moveTransactions_landsTheTransferInALaterBlock() {
    DevNode node = devNode.node();
    Transaction tx = payWatched(1_000_000);
    node.broadcast(tx);
    long first = node.mineBlock();
    node.mineBlocks(2);
    node.reorg(3, ReorgMode.MOVE_TRANSACTIONS);
    long moved = num(info(tx.txId()).get("blockNumber"));
    assertEquals(first + 2, moved);
    assertEquals(1_000_000L, node.balance(WATCHED));
  }

  @Test
  void reorg_deeperThanUnsolidified_namesTheLimit() {
    DevNode node = devNode.node();
    node.mineBlocks(25);
    InvalidDevNodeArgumentException e = assertThrows(InvalidDevNodeArgumentException.class,
        () -> node.reorg(20, ReorgMode.DROP_TRANSACTIONS));
    assertTrue(e.getMessage().contains("1 to 19"), e.getMessage());
  }

  @Test
  void revertedTransfer_carriesTransferCallData_butNoLog() {
    DevNode node = devNode.node();
    String txId = node.injectRevertedTransfer(WATCHED, BigInteger.valueOf(5_000_000));
    node.mineBlock();
    Map<String, Object> info = info(txId);
    assertEquals("REVERT", obj(info.get("receipt")).get("result"));
    assertFalse(info.containsKey("log"));
    assertEquals(BigInteger.ZERO, node.tokenBalance(node.usdt(), WATCHED));
  }

  @Test
  void fakeToken_emitsRealTransferLog_fromAnotherAddress() {
    DevNode node = devNode.node();
    DevToken fake = node.deployToken("Tether USD", "USDT", 6);
    String txId = node.injectFakeTokenTransfer(fake, WATCHED, BigInteger.valueOf(100_000_000));
    node.mineBlock();
    Map<String, Object> log = obj(list(info(txId).get("log")).get(0));
    assertNotEquals(java.util.HexFormat.of().formatHex(node.usdt().address().accountId()),
        log.get("address"));
    List<String> topics = list(log.get("topics")).stream().map(String.class::cast).toList();
    assertEquals(WATCHED, TransferEvent.decodeHex(topics, (String) log.get("data")).to());
  }

  @Test
  void zeroValueTransferFrom_succeedsAndLogsTheVictimAsSender() {
    DevNode node = devNode.node();
    Address victim = node.accounts().get(3).address();
    String txId = node.injectZeroValueTransferFrom(victim, WATCHED);
    node.mineBlock();
    Map<String, Object> log = obj(list(info(txId).get("log")).get(0));
    List<String> topics = list(log.get("topics")).stream().map(String.class::cast).toList();
    assertEquals(new TransferEvent(victim, WATCHED, BigInteger.ZERO),
        TransferEvent.decodeHex(topics, (String) log.get("data")));
  }

  @Test
  void internalTransfer_logsFromUsdtInsideARelayCall() {
    DevNode node = devNode.node();
    String txId = node.injectInternalTransfer(node.accounts().get(0), WATCHED,
        BigInteger.valueOf(3_000_000));
    node.mineBlock();
    Map<String, Object> info = info(txId);
    assertNotEquals(node.usdt().address().toHex(), info.get("contract_address"));
    Map<String, Object> log = obj(list(info.get("log")).get(0));
    assertEquals(java.util.HexFormat.of().formatHex(node.usdt().address().accountId()),
        log.get("address"));
    assertEquals(1, list(info.get("internal_transactions")).size());
    assertEquals(BigInteger.valueOf(3_000_000), node.tokenBalance(node.usdt(), WATCHED));
  }
}

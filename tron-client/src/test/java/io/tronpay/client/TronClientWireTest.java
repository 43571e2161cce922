package io.tronpay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.internal.JsonNode;
import io.tronpay.core.Address;
import java.util.Optional;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TronClientWireTest {
  private static final String NOW_BLOCK = RealResponsesTest.payload(
      "/fixtures/blocks/mainnet_getblock_30864544_getblockio.json").toJson();

  private MockWebServer server;
  private MockWebServer second;
  private final List<Long> sleeps = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    second = new MockWebServer();
    second.start();
  }

  @AfterEach
  void stop() {
    server.close();
    second.close();
  }

  private TronClient.Builder builder() {
    return TronClient.builder().fullNode(server.url("/").toString()).sleeper(sleeps::add);
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  private static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).build();
  }

  private RecordedRequest take(MockWebServer s) throws InterruptedException {
    return s.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void getNowBlock_postsToTheExactPathWithTheApiKey() throws Exception {
    server.enqueue(ok(NOW_BLOCK));
    try (TronClient client = builder().apiKey("secret-key").build()) {
      assertEquals(30864544L, client.getNowBlock().number());
    }
    RecordedRequest request = take(server);
    assertEquals("POST", request.getMethod());
    assertEquals("/wallet/getnowblock", request.getUrl().encodedPath());
    assertEquals("secret-key", request.getHeaders().get("TRON-PRO-API-KEY"));
    assertEquals("{}", request.getBody().utf8());
  }

  @Test
  void requestBodies_areTheNodeFieldNames() throws Exception {
    server.enqueue(ok("{}"));
    server.enqueue(ok("{\"block\":[]}"));
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));
    Address owner = Address.fromBase58("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre");
    try (TronClient client = builder().build()) {
      assertTrue(client.getBlockByNum(7).isEmpty());
      assertEquals(0, client.getBlockByLimitNext(10, 110).size());
      assertTrue(client.getAccount(owner).isEmpty());
      assertTrue(client.getTransactionInfoById("AB".repeat(32)).isEmpty());
    }
    assertEquals("{\"num\":7}", take(server).getBody().utf8());
    assertEquals("{\"startNum\":10,\"endNum\":110}", take(server).getBody().utf8());
    RecordedRequest account = take(server);
    assertEquals("/wallet/getaccount", account.getUrl().encodedPath());
    assertEquals("{\"address\":\"" + owner.toHex() + "\",\"visible\":false}",
        account.getBody().utf8());
    assertEquals("{\"value\":\"" + "ab".repeat(32) + "\"}", take(server).getBody().utf8());
  }

  @Test
  void getBlockByLimitNext_moreThan100_isRejectedBeforeSending() {
    try (TronClient client = builder().build()) {
      assertThrows(InvalidRequestException.class, () -> client.getBlockByLimitNext(0, 101));
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void read_429WithRetryAfter_waitsThatLongAndRetries() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2")
        .body("{}").build());
    server.enqueue(status(503, "busy"));
    server.enqueue(ok(NOW_BLOCK));
    try (TronClient client = builder().build()) {
      assertEquals(30864544L, client.getNowBlock().number());
      assertEquals(3, client.stats().requests());
      assertEquals(2, client.stats().retries());
      assertEquals(0, client.stats().failures());
    }
    assertEquals(2000L, sleeps.get(0));
    assertTrue(sleeps.get(1) >= 0 && sleeps.get(1) <= 400, "jittered backoff " + sleeps);
  }

  @Test
  void read_persistent503_failsAsTransportAfterMaxAttempts() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(503, "<html>busy</html>"));
    }
    try (TronClient client = builder().build()) {
      TronTransportException e =
          assertThrows(TronTransportException.class, client::getNowBlock);
      assertEquals(503, e.httpStatus());
      assertEquals(1, client.stats().failures());
    }
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void read_403RateLimit_isRetried_butOther403IsFinal() {
    server.enqueue(status(403, "{\"Error\":\"The key exceeds the frequency limit(15)\"}"));
    server.enqueue(ok(NOW_BLOCK));
    server.enqueue(status(403, "{\"Error\":\"forbidden\"}"));
    try (TronClient client = builder().build()) {
      assertEquals(30864544L, client.getNowBlock().number());
      assertEquals(403, assertThrows(TronTransportException.class, client::getNowBlock)
          .httpStatus());
    }
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void read_failsOverToTheSecondEndpoint() throws Exception {
    server.enqueue(status(502, "bad gateway"));
    second.enqueue(ok(NOW_BLOCK));
    try (TronClient client = builder().fullNode(second.url("/").toString()).build()) {
      assertEquals(30864544L, client.getNowBlock().number());
      assertEquals(1, client.stats().failovers());
    }
    assertEquals(1, server.getRequestCount());
    assertEquals("/wallet/getnowblock", take(second).getUrl().encodedPath());
  }

  @Test
  void broadcast_lostResponse_isNotRetriedButLookedUp() throws Exception {
    JsonNode fixture = TestResources.json(
        "/fixtures/transactions/mainnet_TransferContract_ankr_041ad82f.json");
    Transaction tx = TransactionJson.fromJson(fixture.toJson());
    server.enqueue(new MockResponse.Builder().code(200).body("{\"result\":true}")
        .onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(ok(fixture.toJson()));
    try (TronClient client = builder().build()) {
      BroadcastResult result = client.broadcastTransaction(tx);
      assertEquals(BroadcastResult.Outcome.FOUND_AFTER_LOST_RESPONSE, result.outcome());
    }
    assertEquals("/wallet/broadcasttransaction", take(server).getUrl().encodedPath());
    RecordedRequest lookup = take(server);
    assertEquals("/wallet/gettransactionbyid", lookup.getUrl().encodedPath());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void broadcast_503_isNotRetried_andUnknownWhenLookupFindsNothing() {
    JsonNode fixture = TestResources.json(
        "/fixtures/transactions/mainnet_TransferContract_ankr_041ad82f.json");
    Transaction tx = TransactionJson.fromJson(fixture.toJson());
    server.enqueue(status(503, "busy"));
    server.enqueue(ok("{}"));
    try (TronClient client = builder().build()) {
      TronBroadcastUnknownException e = assertThrows(TronBroadcastUnknownException.class,
          () -> client.broadcastTransaction(tx));
      assertEquals(tx.txId(), e.txId());
    }
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void broadcast_sigError_carriesCodeAndHexDecodedMessage() throws Exception {
    JsonNode fixture = TestResources.json(
        "/fixtures/api/broadcasttransaction_SIGERROR_hexmsg_tatum_docs.json");
    Transaction tx = TransactionJson.fromJson(
        TestResources.json("/fixtures/transactions/mainnet_TransferContract_ankr_041ad82f.json")
            .toJson());
    server.enqueue(ok(fixture.get("response_error").toJson()));
    try (TronClient client = builder().build()) {
      TronNodeException e =
          assertThrows(TronNodeException.class, () -> client.broadcastTransaction(tx));
      assertEquals("SIGERROR", e.code());
      assertEquals("Validate signature error: miss sig or contract", e.nodeMessage());
    }
    JsonNode sent = JsonNode.parse(take(server).getBody().utf8(), "");
    assertEquals(tx.rawDataHex(), sent.get("raw_data_hex").string());
  }

  @Test
  void broadcast_duplicate_isReportedAsDuplicate() {
    Transaction tx = TransactionJson.fromJson(
        TestResources.json("/fixtures/transactions/mainnet_TransferContract_ankr_041ad82f.json")
            .toJson());
    server.enqueue(ok("{\"code\":\"DUP_TRANSACTION_ERROR\",\"txid\":\"" + tx.txId()
        + "\",\"message\":\"647570207472616e73616374696f6e\"}"));
    try (TronClient client = builder().build()) {
      assertEquals(BroadcastResult.Outcome.DUPLICATE,
          client.broadcastTransaction(tx).outcome());
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void broadcastHex_sendsTheProtobufHex() throws Exception {
    JsonNode fixture = TestResources.json(
        "/fixtures/transactions_devnet/devnet_multisig_signed_tx_hex_7da63b6a.json");
    String hex = fixture.get("signed_transaction_hex").string();
    server.enqueue(ok("{\"result\":true}"));
    try (TronClient client = builder().build()) {
      assertEquals(BroadcastResult.Outcome.ACCEPTED, client.broadcastHex(hex).outcome());
    }
    RecordedRequest request = take(server);
    assertEquals("/wallet/broadcasthex", request.getUrl().encodedPath());
    assertEquals(hex.toLowerCase(),
        JsonNode.parse(request.getBody().utf8(), "").get("transaction").string());
  }

  @Test
  void malformedEmptyAndHtmlBodies_areResponseErrorsNamingTheEndpoint() {
    server.enqueue(ok("{\"blockID\":"));
    server.enqueue(ok(""));
    server.enqueue(ok("<html><body>Bad Gateway</body></html>"));
    server.enqueue(ok("{\"blockID\":\"00\"}"));
    try (TronClient client = builder().retryPolicy(RetryPolicy.NONE).build()) {
      for (int i = 0; i < 3; i++) {
        TronResponseException e = assertThrows(TronResponseException.class, client::getNowBlock);
        assertTrue(e.getMessage().startsWith("/wallet/getnowblock: (document):"),
            e.getMessage());
      }
      TronResponseException e = assertThrows(TronResponseException.class, client::getNowBlock);
      assertEquals("/wallet/getnowblock: blockID: expected 32 bytes of hex, got 1",
          e.getMessage());
    }
  }

  @Test
  void slowResponse_timesOutAsTransportError() {
    server.enqueue(new MockResponse.Builder().code(200).body(NOW_BLOCK)
        .headersDelay(3, TimeUnit.SECONDS).build());
    try (TronClient client = builder().retryPolicy(RetryPolicy.NONE)
        .readTimeout(Duration.ofMillis(200)).build()) {
      TronTransportException e = assertThrows(TronTransportException.class, client::getNowBlock);
      assertEquals(0, e.httpStatus());
      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }
  }

  @Test
  void servletError_isANodeException() {
    server.enqueue(ok("{\"Error\":\"class java.lang.IllegalArgumentException : bad address\"}"));
    try (TronClient client = builder().build()) {
      TronNodeException e = assertThrows(TronNodeException.class, client::getChainParameters);
      assertEquals(TronNodeException.OTHER_ERROR, e.code());
      assertTrue(e.nodeMessage().contains("bad address"));
    }
  }

  @Test
  void triggerSmartContract_nodeBuiltMatchingIntent_isReturned() throws Exception {
    JsonNode fixture = TestResources.json(
        "/fixtures/api/nile_triggerconstantcontract_balanceOf_docs.json");
    JsonNode txNode = fixture.get("response").get("transaction");
    Transaction expected = TransactionJson.fromJson(txNode.toJson());
    TriggerSmartContract intent = (TriggerSmartContract) expected.rawData().contract();
    server.enqueue(ok("{\"result\":{\"result\":true},\"transaction\":" + txNode.toJson() + "}"));
    try (TronClient client = builder().build()) {
      assertEquals(expected, client.triggerSmartContract(intent, expected.rawData().feeLimit()));
    }
    JsonNode sent = JsonNode.parse(take(server).getBody().utf8(), "");
    assertEquals(HexFormat.of().formatHex(intent.data()), sent.get("data").string());
  }

  @Test
  void triggerSmartContract_nodeBuiltWithOtherData_isAMismatch() {
    JsonNode fixture = TestResources.json(
        "/fixtures/api/nile_triggerconstantcontract_balanceOf_docs.json");
    JsonNode txNode = fixture.get("response").get("transaction");
    Transaction built = TransactionJson.fromJson(txNode.toJson());
    TriggerSmartContract real = (TriggerSmartContract) built.rawData().contract();
    byte[] otherData = real.data();
    otherData[otherData.length - 1] ^= 1;
    TriggerSmartContract intent =
        new TriggerSmartContract(real.owner(), real.contractAddress(), otherData);
    server.enqueue(ok("{\"result\":{\"result\":true},\"transaction\":" + txNode.toJson() + "}"));
    try (TronClient client = builder().build()) {
      TronIntentMismatchException e = assertThrows(TronIntentMismatchException.class,
          () -> client.triggerSmartContract(intent, 0));
      assertTrue(e.getMessage().startsWith("node-built transaction has data"), e.getMessage());
    }
  }

  @Test
  void createTransaction_nodeBuiltForAnotherRecipient_isAMismatch() {
    JsonNode fixture = TestResources.json(
        "/fixtures/unsigned_node_built/nile_unsigned_TransferContract_6303c763.json");
    String txJson = fixture.get("response").toJson();
    TransferContract built =
        (TransferContract) TransactionJson.fromJson(txJson).rawData().contract();
    server.enqueue(ok(txJson));
    server.enqueue(ok(txJson));
    try (TronClient client = builder().build()) {
      assertEquals(built, client.createTransaction(built).rawData().contract());
      TransferContract other = new TransferContract(built.owner(), built.owner(), built.amount());
      TronIntentMismatchException e = assertThrows(TronIntentMismatchException.class,
          () -> client.createTransaction(other));
      assertTrue(e.getMessage().startsWith("node-built transaction has to_address"));
    }
  }

  @Test
  void balanceOf_readsTheWordExactly() throws Exception {
    server.enqueue(ok(RealResponsesTest.payload(
        "/fixtures/api/nile_triggerconstantcontract_balanceOf_docs.json").toJson()));
    Address owner = Address.fromHex("41dd791d6b49e190062d650e6a23c575510d35f2f9");
    try (TronClient client = builder().build()) {
      assertEquals(0x40cfcc00L, client.balanceOf(Tokens.USDT_NILE, owner).longValueExact());
    }
    JsonNode sent = JsonNode.parse(take(server).getBody().utf8(), "");
    JsonNode docsRequest = TestResources.json(
        "/fixtures/api/nile_triggerconstantcontract_balanceOf_docs.json").get("_request_body");
    assertEquals("70a08231" + docsRequest.get("parameter").string(), sent.get("data").string());
  }

  @Test
  void estimateEnergy_docsResponse() {
    server.enqueue(ok(RealResponsesTest.payload(
        "/fixtures/api/nile_estimateenergy_balanceOf_docs.json").toJson()));
    try (TronClient client = builder().build()) {
      assertEquals(1870L, client.estimateEnergy(Tokens.USDT_NILE, Tokens.USDT_NILE,
          new byte[4], 0));
    }
  }

  @Test
  void trc20Transfers_followFingerprintsAndKeepTheFilters() throws Exception {
    JsonNode page = RealResponsesTest.payload(
        "/fixtures/api/mainnet_trongrid_v1_accounts_trc20_TL24LCps_ledger_TRIMMED.json");
    String firstPage = page.toJson().replace("\"page_size\":14",
        "\"page_size\":14,\"fingerprint\":\"fp-1\"");
    server.enqueue(ok(firstPage));
    server.enqueue(ok(page.toJson()));
    Address account = Address.fromBase58("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre");
    Trc20TransferQuery query = Trc20TransferQuery.all().withOnlyTo().withOnlyConfirmed()
        .withContract(Tokens.USDT_MAINNET).withMinTimestamp(5).withLimit(50);
    int count = 0;
    try (TronClient client = builder().build()) {
      for (Trc20Transfer ignored : client.trc20Transfers(account, query)) {
        count++;
      }
    }
    assertEquals(2 * page.get("data").elements().size(), count);
    RecordedRequest one = take(server);
    RecordedRequest two = take(server);
    assertEquals("GET", one.getMethod());
    assertEquals("/v1/accounts/TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre/transactions/trc20",
        one.getUrl().encodedPath());
    for (RecordedRequest r : List.of(one, two)) {
      assertEquals("50", r.getUrl().queryParameter("limit"));
      assertEquals("true", r.getUrl().queryParameter("only_to"));
      assertEquals("true", r.getUrl().queryParameter("only_confirmed"));
      assertEquals("5", r.getUrl().queryParameter("min_timestamp"));
      assertEquals(Tokens.USDT_MAINNET.toBase58(), r.getUrl().queryParameter("contract_address"));
    }
    assertNull(one.getUrl().queryParameter("fingerprint"));
    assertEquals("fp-1", two.getUrl().queryParameter("fingerprint"));
  }

  @Test
  void toString_redactsTheApiKey() {
    try (TronClient client = builder().apiKey("secret-key").build()) {
      assertFalse(client.toString().contains("secret-key"));
    }
  }

  @Test
  void async_completesWithTheSameResult() throws Exception {
    server.enqueue(ok(NOW_BLOCK));
    try (TronClient client = builder().build()) {
      assertEquals(30864544L,
          client.async(TronClient::getNowBlock).get(10, TimeUnit.SECONDS).number());
    }
  }

  @Test
  void getTronGridAccount_getsTheV1PathAndHandlesUnknownAccounts() throws Exception {
    String real = RealResponsesTest.payload(
        "/fixtures/api/mainnet_trongrid_v1_accounts_TL24LCps_ledger.json").toJson();
    server.enqueue(ok(real));
    server.enqueue(ok("{\"data\":[],\"success\":true,\"meta\":{\"at\":1739542070527,\"page_size\":0}}"));
    Address account = Address.fromBase58("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre");
    try (TronClient client = builder().build()) {
      assertEquals(1100002L, client.getTronGridAccount(account).orElseThrow().account().balance());
      assertEquals(Optional.empty(), client.getTronGridAccount(account));
    }
    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/v1/accounts/TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre", request.getUrl().encodedPath());
  }

  @Test
  void transactionInfo_unstakeAmounts_areReadByResource_andARepeatedResourceIsAnError() {
    String id = "ab".repeat(32);
    // The node's names for what a CancelAllUnfreezeV2 paid out (expired unstakes) and staked
    // again (unexpired ones, by resource).
    server.enqueue(ok("{\"id\":\"" + id + "\",\"blockNumber\":9,\"withdraw_expire_amount\":"
        + "7000000,\"cancel_unfreezeV2_amount\":[{\"key\":\"ENERGY\",\"value\":3000000000},"
        + "{\"key\":\"BANDWIDTH\",\"value\":5}]}"));
    server.enqueue(ok("{\"id\":\"" + id + "\",\"cancel_unfreezeV2_amount\":[{\"key\":"
        + "\"ENERGY\",\"value\":1},{\"key\":\"ENERGY\",\"value\":2}]}"));
    try (TronClient client = builder().retryPolicy(RetryPolicy.NONE).build()) {
      TransactionInfo info = client.getTransactionInfoById(id).orElseThrow();
      assertEquals(7_000_000L, info.withdrawExpireAmount());
      assertEquals(Map.of(ResourceCode.ENERGY, 3_000_000_000L, ResourceCode.BANDWIDTH, 5L),
          info.cancelledUnfreezeAmounts());
      TronResponseException e = assertThrows(TronResponseException.class,
          () -> client.getTransactionInfoById(id));
      assertTrue(e.getMessage().contains("ENERGY appears twice"), e.getMessage());
    }
  }

  @Test
  void transactionInfoByBlockNum_fullAndSolidVariants_useTheirPathsAndReadEmptyBlocks()
      throws Exception {
    // The node answers an empty block with [] on one version and {} on another.
    server.enqueue(ok("[]"));
    server.enqueue(ok("{}"));
    try (TronClient client = builder().build()) {
      assertEquals(List.of(), client.getTransactionInfoByBlockNum(7));
      assertEquals(List.of(), client.getSolidTransactionInfoByBlockNum(7));
    }
    RecordedRequest full = take(server);
    RecordedRequest solid = take(server);
    assertEquals("/wallet/gettransactioninfobyblocknum", full.getUrl().encodedPath());
    assertEquals("/walletsolidity/gettransactioninfobyblocknum", solid.getUrl().encodedPath());
    assertEquals("{\"num\":7}", full.getBody().utf8());
  }
}

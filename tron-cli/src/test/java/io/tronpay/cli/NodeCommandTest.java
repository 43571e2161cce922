package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node commands against MockWebServer answering with real node responses
 * ({@code vectors/node/}, sources in the README there). Expected values are read from those
 * responses; Base58 forms are compared through core's {@link Address}, which has its own vectors.
 */
class NodeCommandTest {
  private MockWebServer server;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url() {
    return server.url("/").toString();
  }

  /** The node's answer in a fixture: its {@code response} member, or the whole file. */
  private static String answer(String resource) {
    Map<String, Object> fixture = Cli.parse(Cli.resource(resource));
    return Cli.write(fixture.containsKey("response") ? fixture.get("response") : fixture);
  }

  private void enqueue(String body) {
    server.enqueue(new MockResponse.Builder().code(200).body(body).build());
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  private static String toHex(Object base58) {
    return Address.parse((String) base58).toHex();
  }

  private static String sunToDecimal(String units, int decimals) {
    return new BigDecimal(new BigInteger(units)).movePointLeft(decimals).stripTrailingZeros()
        .toPlainString();
  }

  @Test
  void block_byNumber_showsTheRealBlock() throws Exception {
    String resource = "node/mainnet_getblock_30864544_getblockio.json";
    enqueue(answer(resource));
    Map<String, Object> fixture = Cli.parse(Cli.resource(resource));
    Map<String, Object> header = Cli.object(Cli.object(fixture, "block_header"), "raw_data");

    Cli.Result result = Cli.run("node", "block", "30864544", "--node", url(), "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertEquals(header.get("number"), json.get("number"));
    assertEquals(fixture.get("blockID"), json.get("blockId"));
    assertEquals(header.get("parentHash"), json.get("parentHash"));
    assertEquals(header.get("timestamp"), json.get("timestamp"));
    assertEquals(header.get("witness_address"), toHex(json.get("witness")));
    assertEquals(BigInteger.ONE, json.get("transactionCount"));
    @SuppressWarnings("unchecked")
    Map<String, Object> first = ((List<Map<String, Object>>) json.get("transactions")).get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> expected = ((List<Map<String, Object>>) fixture.get("transactions")).get(0);
    assertEquals(expected.get("txID"), first.get("txId"));
    assertEquals("TransferContract", first.get("type"));
    assertEquals("SUCCESS", first.get("result"));
    RecordedRequest request = take();
    assertEquals("/wallet/getblockbynum", request.getUrl().encodedPath());
    assertEquals("{\"num\":30864544}", request.getBody().utf8());
  }

  @Test
  void block_latest_asksForTheNowBlock_withTheApiKeyFromItsFile() throws Exception {
    enqueue(answer("node/mainnet_getblock_30864544_getblockio.json"));
    Path keyFile = dir.resolve("api-key");
    Cli.writeKeyFile(keyFile, "test-api-key\n");

    Cli.Result result = Cli.run("node", "block", "--node", url(), "--api-key-file",
        keyFile.toString());

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("block 30864544 "), result.out());
    RecordedRequest request = take();
    assertEquals("/wallet/getnowblock", request.getUrl().encodedPath());
    assertEquals("test-api-key", request.getHeaders().get("TRON-PRO-API-KEY"));
  }

  @Test
  void block_notYetProduced_exitsWith1() {
    enqueue("{}");

    Cli.Result result = Cli.run("node", "block", "999999999", "--node", url(), "--json");

    assertEquals(1, result.exitCode());
    assertTrue(((String) result.errorJson().get("error")).contains("999999999"), result.err());
  }

  @Test
  void tx_showsTheTransactionWithItsInfo() throws Exception {
    String txResource = "mainnet_TriggerSmartContract_USDT_0130dfde.json";
    String infoResource = "node/mainnet_gettransactioninfobyid_USDT_0130dfde.json";
    enqueue(answer(txResource));
    enqueue(answer(infoResource));
    Map<String, Object> info = Cli.parse(Cli.resource(infoResource));
    Map<String, Object> receipt = Cli.object(info, "receipt");
    String txId = (String) info.get("id");

    Cli.Result result = Cli.run("node", "tx", txId, "--node", url(), "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertEquals(txId, json.get("txId"));
    assertEquals("TriggerSmartContract", json.get("type"));
    assertEquals("SUCCESS", json.get("contractResult"));
    // Per the fixtures' SOURCES.md, the signature recovers to this owner.
    assertEquals("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre", json.get("owner"));
    assertEquals(txId, Cli.object(json, "transaction").get("txID"));
    Map<String, Object> infoJson = Cli.object(json, "info");
    assertEquals(info.get("blockNumber"), infoJson.get("blockNumber"));
    assertEquals(info.get("blockTimeStamp"), infoJson.get("blockTimestamp"));
    assertEquals(info.get("fee").toString(), infoJson.get("feeSun"));
    assertEquals(sunToDecimal(info.get("fee").toString(), 6), infoJson.get("fee"));
    assertEquals(false, infoJson.get("failed"));
    assertEquals(info.get("contract_address"), toHex(infoJson.get("contractAddress")));
    Map<String, Object> receiptJson = Cli.object(infoJson, "receipt");
    assertEquals(receipt.get("result"), receiptJson.get("result"));
    assertEquals(receipt.get("energy_usage_total"), receiptJson.get("energyUsageTotal"));
    assertEquals(receipt.get("energy_penalty_total"), receiptJson.get("energyPenaltyTotal"));
    assertEquals(receipt.get("energy_fee").toString(), receiptJson.get("energyFeeSun"));
    assertEquals(receipt.get("net_usage"), receiptJson.get("netUsage"));
    assertEquals(BigInteger.ONE, infoJson.get("logCount"));
    assertEquals("/wallet/gettransactionbyid", take().getUrl().encodedPath());
    assertEquals("{\"value\":\"" + txId + "\"}", take().getBody().utf8());
  }

  @Test
  void tx_unknownToTheNode_exitsWith1() {
    enqueue("{}");

    Cli.Result result = Cli.run("node", "tx", "ab".repeat(32), "--node", url(), "--json");

    assertEquals(1, result.exitCode());
    assertTrue(((String) result.errorJson().get("error")).contains("ab".repeat(32)));
  }

  @Test
  void tx_malformedId_isRefusedBeforeAsking() {
    Cli.Result result = Cli.run("node", "tx", "xyz", "--node", url(), "--json");

    assertEquals(1, result.exitCode());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void account_showsBalanceAndResources() throws Exception {
    Map<String, Object> account = Cli.object(
        Cli.parse(Cli.resource("node/nile_getaccount_docs.json")), "response");
    Map<String, Object> resource = Cli.object(
        Cli.parse(Cli.resource("node/nile_getaccountresource_docs.json")), "response");
    enqueue(answer("node/nile_getaccount_docs.json"));
    enqueue(answer("node/nile_getaccountresource_docs.json"));
    String address = (String) account.get("address");

    Cli.Result result = Cli.run("node", "account", address, "--node", url(), "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertEquals(address, toHex(json.get("address")));
    assertEquals(true, json.get("exists"));
    assertEquals(account.get("balance").toString(), json.get("balanceSun"));
    assertEquals(sunToDecimal(account.get("balance").toString(), 6), json.get("balance"));
    assertEquals(account.get("create_time"), json.get("createTime"));
    Map<String, Object> resources = Cli.object(json, "resources");
    assertEquals(resource.get("freeNetUsed"), resources.get("freeNetUsed"));
    assertEquals(resource.get("freeNetLimit"), resources.get("freeNetLimit"));
    assertEquals(BigInteger.ZERO, resources.get("energyLimit"));
    assertEquals("/wallet/getaccount", take().getUrl().encodedPath());
    assertEquals("/wallet/getaccountresource", take().getUrl().encodedPath());
  }

  @Test
  void account_neverActivated_existsFalseWithZeroBalance() {
    enqueue("{}");
    enqueue(answer("node/nile_getaccountresource_docs.json"));

    Cli.Result result = Cli.run("node", "account", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        "--node", url(), "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(false, result.json().get("exists"));
    assertEquals("0", result.json().get("balanceSun"));
  }

  @Test
  void account_badAddress_namesTheFault_withoutAsking() {
    Cli.Result result = Cli.run("node", "account", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u",
        "--node", url(), "--json");

    assertEquals(1, result.exitCode());
    assertTrue(((String) result.errorJson().get("error")).contains("checksum"), result.err());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void balance_trx_isExact() {
    Map<String, Object> account = Cli.object(
        Cli.parse(Cli.resource("node/nile_getaccount_docs.json")), "response");
    enqueue(answer("node/nile_getaccount_docs.json"));

    Cli.Result result = Cli.run("node", "balance", (String) account.get("address"), "--node",
        url(), "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertEquals("TRX", json.get("token"));
    assertNull(json.get("contract"));
    assertEquals(BigInteger.valueOf(6), json.get("decimals"));
    assertEquals(account.get("balance").toString(), json.get("units"));
    assertEquals(sunToDecimal(account.get("balance").toString(), 6), json.get("balance"));
  }

  @Test
  void balance_usdt_asksTheMainnetContract_andIsExact() throws Exception {
    String resource = "node/mainnet_triggerconstantcontract_balanceOf_USDT_edge.json";
    Map<String, Object> answer = Cli.parse(Cli.resource(resource));
    enqueue(answer(resource));
    Map<String, Object> value = contractValue(answer);
    String owner = (String) value.get("owner_address");
    String units = new BigInteger((String) ((List<?>) answer.get("constant_result")).get(0), 16)
        .toString();

    Cli.Result result = Cli.run("node", "balance", owner, "--token", "usdt", "--node", url(),
        "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertEquals("USDT", json.get("token"));
    assertEquals(value.get("contract_address"), toHex(json.get("contract")));
    assertEquals(units, json.get("units"));
    assertEquals(sunToDecimal(units, 6), json.get("balance"));
    RecordedRequest request = take();
    assertEquals("/wallet/triggerconstantcontract", request.getUrl().encodedPath());
    Map<String, Object> body = Cli.parse(request.getBody().utf8());
    assertEquals(value.get("contract_address"), body.get("contract_address"));
    // The ABI word holds the 20-byte account id; this real request (made by tronweb) kept the 41
    // prefix inside the padding, which the contract ignores, so only the selector and id are
    // compared.
    String data = (String) body.get("data");
    assertEquals(((String) value.get("data")).substring(0, 8), data.substring(0, 8));
    assertEquals(owner.substring(2), data.substring(data.length() - 40));
    assertEquals(1, server.getRequestCount(), "USDT's decimals are known, not asked");
  }

  @Test
  void balance_tokenByContract_asksItsDecimals() throws Exception {
    String balanceResource = "node/mainnet_triggerconstantcontract_balanceOf_USDT_edge.json";
    String decimalsResource = "node/mainnet_triggerconstantcontract_decimals_USDT.json";
    Map<String, Object> balance = Cli.parse(Cli.resource(balanceResource));
    Map<String, Object> decimals =
        Cli.object(Cli.parse(Cli.resource(decimalsResource)), "response");
    enqueue(answer(balanceResource));
    enqueue(answer(decimalsResource));
    Map<String, Object> value = contractValue(balance);
    String units = new BigInteger((String) ((List<?>) balance.get("constant_result")).get(0), 16)
        .toString();
    int expectedDecimals =
        new BigInteger((String) ((List<?>) decimals.get("constant_result")).get(0), 16)
            .intValueExact();

    Cli.Result result = Cli.run("node", "balance", (String) value.get("owner_address"),
        "--token", (String) value.get("contract_address"), "--node", url(), "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertNull(json.get("token"));
    assertEquals(BigInteger.valueOf(expectedDecimals), json.get("decimals"));
    assertEquals(units, json.get("units"));
    assertEquals(sunToDecimal(units, expectedDecimals), json.get("balance"));
    take();
    assertEquals("313ce567", Cli.parse(take().getBody().utf8()).get("data"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> contractValue(Map<String, Object> constantCall) {
    Map<String, Object> rawData = Cli.object(Cli.object(constantCall, "transaction"), "raw_data");
    Map<String, Object> contract = ((List<Map<String, Object>>) rawData.get("contract")).get(0);
    return Cli.object(Cli.object(contract, "parameter"), "value");
  }

  @Test
  void broadcast_accepted_printsTheOutcome() throws Exception {
    Map<String, Object> fixture =
        Cli.parse(Cli.resource("node/broadcasttransaction_SIGERROR_hexmsg_tatum_docs.json"));
    enqueue(Cli.write(fixture.get("response_success_example")));
    Path txFile = dir.resolve("tx.json");
    java.nio.file.Files.writeString(txFile,
        Cli.resource("mainnet_TransferContract_ankr_041ad82f.json"));
    Object txId = Cli.parse(Cli.resource("mainnet_TransferContract_ankr_041ad82f.json"))
        .get("txID");

    Cli.Result result = Cli.run("node", "broadcast", txFile.toString(), "--node", url(),
        "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(txId, result.json().get("txId"));
    assertEquals("ACCEPTED", result.json().get("outcome"));
    RecordedRequest request = take();
    assertEquals("/wallet/broadcasttransaction", request.getUrl().encodedPath());
    assertEquals(txId, Cli.parse(request.getBody().utf8()).get("txID"));
  }

  @Test
  void broadcast_sigError_exitsWith3_withTheNodeCodeAndDecodedMessage() {
    Map<String, Object> fixture =
        Cli.parse(Cli.resource("node/broadcasttransaction_SIGERROR_hexmsg_tatum_docs.json"));
    enqueue(Cli.write(fixture.get("response_error")));

    Cli.Result result = Cli.runWithStdin(
        Cli.resource("mainnet_TransferContract_ankr_041ad82f.json"), "node", "broadcast",
        "--node", url(), "--json");

    assertEquals(3, result.exitCode());
    assertEquals("", result.out());
    Map<String, Object> error = result.errorJson();
    assertEquals("SIGERROR", error.get("code"));
    // The fixture's note gives the hex message decoded.
    assertTrue(((String) error.get("error")).contains(
        "Validate signature error: miss sig or contract"), result.err());
    assertEquals(1, server.getRequestCount(), "a broadcast is never retried");
  }

  @Test
  void broadcast_unsigned_isRefusedBeforeSending() {
    Map<String, Object> tx = Cli.parse(Cli.resource("mainnet_TransferContract_ankr_041ad82f.json"));
    tx.remove("signature");

    Cli.Result result = Cli.runWithStdin(Cli.write(tx), "node", "broadcast", "--node", url(),
        "--json");

    assertEquals(1, result.exitCode());
    assertTrue(((String) result.errorJson().get("error")).contains("no signature"), result.err());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void nodeAnsweringWithAnHtmlErrorPage_exitsWith3() {
    server.enqueue(new MockResponse.Builder().code(403)
        .body("<html><body>Forbidden</body></html>").build());

    Cli.Result result = Cli.run("node", "block", "--node", url(), "--json");

    assertEquals(3, result.exitCode());
    assertEquals("", result.out());
    assertTrue(result.errorJson().containsKey("error"), result.err());
  }

  @Test
  void malformedNodeUrl_exitsWith1() {
    Cli.Result result = Cli.run("node", "block", "--node", "not a url", "--json");

    assertEquals(1, result.exitCode());
  }
}

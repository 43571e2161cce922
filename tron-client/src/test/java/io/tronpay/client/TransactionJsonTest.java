package io.tronpay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.internal.JsonNode;
import io.tronpay.core.Signature;
import io.tronpay.core.tx.ContractType;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransactionFormatException;
import io.tronpay.core.tx.TransferContract;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransactionJsonTest {
  private static final String VECTORS = "/vectors/tronweb/transactions.json";
  private static final List<String> FIXTURE_FOLDERS = List.of("/fixtures/transactions",
      "/fixtures/transactions_derived", "/fixtures/transactions_devnet",
      "/fixtures/unsigned_node_built", "/fixtures/api", "/fixtures/blocks");

  static Stream<Arguments> tronwebCases() {
    List<Arguments> cases = new ArrayList<>();
    List<JsonNode> all = TestResources.json(VECTORS).get("cases").elements();
    for (int i = 0; i < all.size(); i++) {
      JsonNode c = all.get(i);
      cases.add(Arguments.of(c.get("type").string() + "#" + i, c.get("transaction")));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tronwebCases")
  void tronwebVector_readsToTronwebBytesAndWritesTheSameJson(String name, JsonNode expected) {
    Transaction tx = TransactionJson.fromJson(expected.toJson());

    assertEquals(expected.get("raw_data_hex").string(), tx.rawDataHex());
    assertEquals(expected.get("txID").string(), tx.txId());
    List<String> signatures = new ArrayList<>();
    for (JsonNode s : expected.get("signature").elements()) {
      signatures.add(s.string());
    }
    assertEquals(signatures, tx.signatures().stream().map(Signature::toHex).toList());

    JsonNode written = JsonNode.parse(TransactionJson.toJson(tx), "");
    assertNull(expected.firstDifference(written), "first differing path");
  }

  @Test
  void tronwebVectors_coverEveryContractType() {
    List<String> types = new ArrayList<>();
    for (JsonNode c : TestResources.json(VECTORS).get("cases").elements()) {
      types.add(c.get("type").string());
    }
    for (ContractType type : ContractType.values()) {
      assertTrue(types.stream().filter(type.protoName()::equals).count() >= 10,
          type.protoName() + " has at least 10 vectors");
    }
  }

  static Stream<Arguments> realTransactions() {
    List<Arguments> found = new ArrayList<>();
    for (String folder : FIXTURE_FOLDERS) {
      for (String file : TestResources.jsonFilesIn(folder)) {
        List<JsonNode> txs = TestResources.transactionsIn(TestResources.json(file));
        for (JsonNode tx : txs) {
          found.add(Arguments.of(file.substring(file.lastIndexOf('/') + 1) + " " + tx.path(),
              tx));
        }
      }
    }
    return found.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realTransactions")
  void realTransaction_ofSupportedType_parsesAndReencodesByteExact(String name, JsonNode fixture) {
    String type = fixture.get("raw_data").get("contract").elements().get(0).get("type").string();
    String json = fixture.toJson();
    if (ContractType.forProtoName(type) == null) {
      TransactionFormatException e =
          assertThrows(TransactionFormatException.class, () -> TransactionJson.fromJson(json));
      assertTrue(e.getMessage().contains("unsupported contract type"), e.getMessage());
      return;
    }
    if (name.startsWith("mainnet_TriggerSmartContract_TRC20_memo_b2b8e32a")) {
      // SOURCES.md: the memo is only in raw_data_hex; the source's JSON lacks raw_data.data.
      assertEquals("raw_data.data: raw_data says nothing (default) but raw_data_hex says"
          + " \"77656e206e6f7465\"", assertThrows(TransactionFormatException.class,
              () -> TransactionJson.fromJson(json)).getMessage());
      return;
    }
    if (name.startsWith("nile_unsigned_TriggerSmartContract_8c621a0d")) {
      // SOURCES.md: the docs page has a typo in raw_data.data; the hex is authoritative.
      TransactionFormatException e =
          assertThrows(TransactionFormatException.class, () -> TransactionJson.fromJson(json));
      assertTrue(e.getMessage().contains("parameter.value.data"), e.getMessage());
      return;
    }
    Transaction tx = TransactionJson.fromJson(json);
    assertEquals(fixture.get("raw_data_hex").string().toLowerCase(), tx.rawDataHex());
    assertEquals(fixture.get("txID").string(), tx.txId());
    assertEquals(fixture.has("signature") ? fixture.get("signature").elements().size() : 0,
        tx.signatures().size());
    Transaction again = TransactionJson.fromJson(TransactionJson.toJson(tx));
    assertEquals(tx, again);
  }

  @Test
  void realFixtures_includeEverySupportedTypeTheSetHas() {
    long supported = realTransactions()
        .map(a -> (JsonNode) a.get()[1])
        .filter(t -> ContractType.forProtoName(t.get("raw_data").get("contract").elements()
            .get(0).get("type").string()) != null)
        .count();
    assertTrue(supported >= 30, "supported real transactions: " + supported);
  }

  @Test
  void visibleTrue_base58Addresses_areRead() {
    JsonNode fixture = TestResources.json(
        "/fixtures/transactions_devnet/devnet_TransferContract_Permission_id2_4d928f7a.json");
    Transaction tx = TransactionJson.fromJson(fixture.toJson());
    TransferContract c = (TransferContract) tx.rawData().contract();
    assertEquals("TRGhNNfnmgLegT4zHNjEqDSADjgmnHvubJ", c.owner().toBase58());
    assertEquals("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW", c.to().toBase58());
    assertEquals(2, tx.rawData().permissionId());
  }

  // ---- lies and malformed input

  private static String firstVector(String type) {
    for (JsonNode c : TestResources.json(VECTORS).get("cases").elements()) {
      if (c.get("type").string().equals(type)) {
        return c.get("transaction").toJson();
      }
    }
    throw new IllegalStateException(type);
  }

  private static String fault(String json) {
    return assertThrows(TransactionFormatException.class, () -> TransactionJson.fromJson(json))
        .getMessage();
  }

  @Test
  void fromJson_tamperedAmount_namesTheAmountPath() {
    String json = firstVector("TransferContract").replace("\"amount\":1,", "\"amount\":1000000,");
    String message = fault(json);
    assertTrue(message.startsWith("raw_data.contract[0].parameter.value.amount:"), message);
  }

  @Test
  void fromJson_tamperedAddress_namesTheAddressPath() {
    String json = firstVector("TransferContract")
        .replace("\"to_address\":\"419f6a490fa975d43a1e2410a30c3eb03823740b0c\"",
            "\"to_address\":\"4111490967dcc613dd73fe91966f8ef49db1f6769f\"");
    String message = fault(json);
    assertTrue(message.startsWith("raw_data.contract[0].parameter.value.to_address:"), message);
  }

  @Test
  void fromJson_rawDataHexOfAnotherTransaction_isAMismatch() {
    JsonNode a = TestResources.json(VECTORS).get("cases").elements().get(0).get("transaction");
    JsonNode b = TestResources.json(VECTORS).get("cases").elements().get(1).get("transaction");
    String json = a.toJson().replace(a.get("raw_data_hex").string(), b.get("raw_data_hex").string());
    String message = fault(json);
    assertTrue(message.startsWith("raw_data"), message);
    assertTrue(message.contains("raw_data_hex says"), message);
  }

  @Test
  void fromJson_wrongTxId_namesTxId() {
    JsonNode a = TestResources.json(VECTORS).get("cases").elements().get(0).get("transaction");
    JsonNode b = TestResources.json(VECTORS).get("cases").elements().get(1).get("transaction");
    String json = a.toJson().replace(a.get("txID").string(), b.get("txID").string());
    String message = fault(json);
    assertTrue(message.startsWith("txID:"), message);
  }

  @Test
  void fromJson_wrongTxIdWithoutHex_stillChecked() {
    JsonNode a = TestResources.json(VECTORS).get("cases").elements().get(0).get("transaction");
    JsonNode b = TestResources.json(VECTORS).get("cases").elements().get(1).get("transaction");
    String json = a.toJson().replace(",\"raw_data_hex\":\"" + a.get("raw_data_hex").string() + "\"", "")
        .replace(a.get("txID").string(), b.get("txID").string());
    assertTrue(fault(json).startsWith("txID:"));
  }

  @Test
  void fromJson_onlyRawData_computesHexAndIdAsTronwebDid() {
    JsonNode a = TestResources.json(VECTORS).get("cases").elements().get(0).get("transaction");
    Transaction tx = TransactionJson.fromJson("{\"raw_data\":" + a.get("raw_data").toJson() + "}");
    assertEquals(a.get("raw_data_hex").string(), tx.rawDataHex());
    assertEquals(a.get("txID").string(), tx.txId());
    assertEquals(0, tx.signatures().size());
  }

  @Test
  void fromJson_unknownFieldInsideRawData_isRejected() {
    String json = firstVector("TransferContract").replace("\"ref_block_bytes\"",
        "\"surprise\":1,\"ref_block_bytes\"");
    assertEquals("raw_data.surprise: unknown field", fault(json));
  }

  @Test
  void fromJson_unknownFieldInsideValue_isRejected() {
    String json = firstVector("TransferContract").replace("\"amount\":1,",
        "\"amount\":1,\"asset_name\":\"31\",");
    assertEquals("raw_data.contract[0].parameter.value.asset_name: unknown field", fault(json));
  }

  @Test
  void fromJson_nodeExtrasAtTopLevel_areIgnored() {
    String json = firstVector("TransferContract").replaceFirst("\\{",
        "{\"ret\":[{\"contractRet\":\"SUCCESS\"}],\"net_usage\":268,\"blockNumber\":5,");
    assertEquals(TransactionJson.fromJson(firstVector("TransferContract")),
        TransactionJson.fromJson(json));
  }

  @Test
  void fromJson_fractionalAmount_isATypedError() {
    String json = firstVector("TransferContract").replace("\"amount\":1,", "\"amount\":1.5,");
    assertEquals("raw_data.contract[0].parameter.value.amount: expected an integer, got 1.5",
        fault(json));
  }

  @Test
  void fromJson_amountBeyondInt64_isATypedError() {
    String json = firstVector("TransferContract")
        .replace("\"amount\":1,", "\"amount\":9223372036854775808,");
    assertTrue(fault(json).startsWith("raw_data.contract[0].parameter.value.amount: integer"
        + " 9223372036854775808 is out of the 64-bit range"));
  }

  @Test
  void fromJson_amountAsExponent_isATypedError() {
    String json = firstVector("TransferContract").replace("\"amount\":1,", "\"amount\":1e0,");
    assertTrue(fault(json).startsWith("raw_data.contract[0].parameter.value.amount:"));
  }

  @Test
  void fromJson_typeUrlDisagreeingWithType_isRejected() {
    String json = firstVector("TransferContract").replace("protocol.TransferContract",
        "protocol.TriggerSmartContract");
    assertTrue(fault(json).startsWith("raw_data.contract[0].parameter.type_url:"));
  }

  @Test
  void fromJson_missingRawData_namesIt() {
    assertEquals("raw_data: missing", fault("{\"txID\":\"00\"}"));
  }

  @Test
  void fromJson_malformedOrEmpty_isATypedError() {
    assertTrue(fault("{\"raw_data\":").startsWith("(document): malformed JSON"));
    assertTrue(fault("").startsWith("(document): empty"));
    assertTrue(fault("[]").startsWith("(document): expected a transaction object"));
    assertTrue(fault("{} {}").startsWith("(document): "));
    assertTrue(fault("<html><body>502 Bad Gateway</body></html>").startsWith("(document): "));
  }

  @Test
  void fromJson_duplicateKey_isRejected() {
    String json = firstVector("TransferContract").replace("\"amount\":1,",
        "\"amount\":1,\"amount\":2,");
    assertEquals("raw_data.contract[0].parameter.value.amount: duplicate key", fault(json));
  }

  @Test
  void fromJson_badSignatureHex_namesTheIndex() {
    String json = firstVector("TransferContract").replaceAll("\"signature\":\\[\"[0-9a-f]+\"\\]",
        "\"signature\":[\"abcd\"]");
    assertTrue(fault(json).startsWith("signature[0]:"));
  }

  @Test
  void fromJson_twoContracts_isRejected() {
    JsonNode a = TestResources.json(VECTORS).get("cases").elements().get(0).get("transaction");
    String contract = a.get("raw_data").get("contract").elements().get(0).toJson();
    String json = "{\"raw_data\":" + a.get("raw_data").toJson()
        .replace("[" + contract + "]", "[" + contract + "," + contract + "]") + "}";
    assertEquals("raw_data.contract: expected exactly one contract, got 2", fault(json));
  }

  @Test
  void fromJson_badBase58Address_namesThePathAndTheFault() {
    String json = firstVector("TransferContract").replace(
        "\"to_address\":\"419f6a490fa975d43a1e2410a30c3eb03823740b0c\"",
        "\"to_address\":\"TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMX\"");
    String message = fault(json);
    assertTrue(message.startsWith("raw_data.contract[0].parameter.value.to_address: expected a"),
        message);
    assertTrue(message.toLowerCase().contains("checksum"), message);
  }
}

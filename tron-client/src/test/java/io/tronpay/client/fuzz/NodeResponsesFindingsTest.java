package io.tronpay.client.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tronpay.client.TransactionJson;
import io.tronpay.client.internal.JsonNode;
import io.tronpay.client.internal.JsonShapeException;
import io.tronpay.client.internal.NodeResponses;
import io.tronpay.core.tx.TransactionFormatException;
import org.junit.jupiter.api.Test;

/**
 * Response-parser faults found with the fuzz targets, named. Each input also sits in the fuzz
 * corpus as a {@code finding-*} file, so the regression run replays it too.
 */
class NodeResponsesFindingsTest {
  /** U+FF10, FULLWIDTH DIGIT ZERO: {@code Character.digit} calls it hex, {@code HexFormat} not. */
  private static final String FULLWIDTH_ZEROS = "\uff10\uff10";

  @Test
  void hexField_fullwidthDigits_failTypedNamingThePath() {
    JsonNode body = JsonNode.parse("{\"id\":\"" + FULLWIDTH_ZEROS + "\"}", "");

    JsonShapeException e = assertThrows(JsonShapeException.class,
        () -> NodeResponses.transactionInfo(body));
    assertEquals(true, e.getMessage().startsWith("id: not hex"), e.getMessage());
  }

  @Test
  void decodeMessage_fullwidthDigits_areReturnedAsPlainText() {
    assertEquals(FULLWIDTH_ZEROS, NodeResponses.decodeMessage(FULLWIDTH_ZEROS));
  }

  @Test
  void transactionJson_fullwidthHex_isATransactionFormatException() {
    String json = "{\"raw_data\":{\"ref_block_bytes\":\"" + FULLWIDTH_ZEROS + FULLWIDTH_ZEROS
        + "\"}}";

    assertThrows(TransactionFormatException.class, () -> TransactionJson.fromJson(json));
  }

  @Test
  void trc20Transfer_valueBeyondUint256_failsTypedNamingTheField() {
    String item = "{\"transaction_id\":\"" + "00".repeat(32) + "\","
        + "\"token_info\":{\"decimals\":6,\"address\":\"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\"},"
        + "\"from\":\"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\","
        + "\"to\":\"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\","
        + "\"value\":\"1" + "0".repeat(78) + "\"}";

    JsonShapeException e = assertThrows(JsonShapeException.class,
        () -> NodeResponses.trc20Transfer(JsonNode.parse(item, "")));
    assertEquals(true, e.getMessage().startsWith("value: "), e.getMessage());
  }
}

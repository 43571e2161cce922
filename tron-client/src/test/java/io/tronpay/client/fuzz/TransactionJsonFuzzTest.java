package io.tronpay.client.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tronpay.client.TransactionJson;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransactionFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * The node-JSON transaction reader. Its JSON is not canonical (key order, case, optional
 * fields), so the property is that writing what it read and reading that back gives the same
 * transaction, byte for byte.
 */
class TransactionJsonFuzzTest {

  @FuzzTest
  @Timeout(NodeResponsesFuzzTest.TIMEOUT_SECONDS)
  void fromJson(byte[] body) {
    String json = new String(body, StandardCharsets.UTF_8);
    Transaction tx;
    try {
      tx = TransactionJson.fromJson(json);
    } catch (TransactionFormatException expected) {
      assertNotNull(expected.getMessage());
      assertFalse(expected.getMessage().isBlank());
      return;
    }
    Transaction again = TransactionJson.fromJson(TransactionJson.toJson(tx));
    assertEquals(tx, again);
    assertArrayEquals(tx.encode(), again.encode());
  }
}

package io.tronpay.client.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tronpay.client.internal.JsonNode;
import io.tronpay.client.internal.JsonShapeException;
import io.tronpay.client.internal.NodeResponses;
import io.tronpay.core.tx.TransactionFormatException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;

/**
 * Every node and TronGrid response parser, fed what a malicious node could send. The client turns
 * {@link JsonShapeException} and {@link TransactionFormatException} into its typed {@code
 * TronResponseException}; any other exception would escape to the host application untyped.
 * Results are immutable values, so parsing the same body twice must give equal results.
 */
class NodeResponsesFuzzTest {
  /** A hang guard for libFuzzer's per-input timeout, not a timing assertion. */
  static final long TIMEOUT_SECONDS = 10;

  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void block(byte[] body) {
    check(body, NodeResponses::block);
  }

  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void blocks(byte[] body) {
    check(body, NodeResponses::blocks);
  }

  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void chainTransaction(byte[] body) {
    check(body, NodeResponses::chainTransaction);
  }

  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void transactionInfo(byte[] body) {
    check(body, NodeResponses::transactionInfo);
  }

  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void transactionInfos(byte[] body) {
    check(body, NodeResponses::transactionInfos);
  }

  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void account(byte[] body) {
    check(body, NodeResponses::account);
  }

  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void tronGridAccount(byte[] body) {
    check(body, NodeResponses::tronGridAccount);
  }

  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void accountResource(byte[] body) {
    check(body, NodeResponses::accountResource);
  }

  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void chainParameters(byte[] body) {
    check(body, NodeResponses::chainParameters);
  }

  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void constantCall(byte[] body) {
    check(body, NodeResponses::constantCall);
  }

  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void trc20Transfer(byte[] body) {
    check(body, NodeResponses::trc20Transfer);
  }

  /** Node messages are hex of UTF-8 or plain text; decoding never fails, whatever it is given. */
  @FuzzTest
  @Timeout(TIMEOUT_SECONDS)
  void decodeMessage(byte[] body) {
    String message = new String(body, StandardCharsets.UTF_8);
    String decoded = NodeResponses.decodeMessage(message);
    assertNotNull(decoded);
    assertEquals(decoded, NodeResponses.decodeMessage(message));
  }

  private static <T> void check(byte[] body, Function<JsonNode, T> parser) {
    String text = new String(body, StandardCharsets.UTF_8);
    T first;
    try {
      first = parser.apply(JsonNode.parse(text, ""));
    } catch (JsonShapeException | TransactionFormatException expected) {
      assertNotNull(expected.getMessage());
      assertFalse(expected.getMessage().isBlank());
      return;
    }
    assertNotNull(first);
    assertEquals(first, parser.apply(JsonNode.parse(text, "")));
  }
}

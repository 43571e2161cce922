package io.tronpay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.tronpay.client.internal.JsonNode;
import io.tronpay.client.internal.JsonShapeException;
import io.tronpay.client.internal.NodeResponses;
import io.tronpay.core.tx.TransactionFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A garbage body never yields a typed result that is wrong: parsing either succeeds (and then
 * equals the parse of the real response) or fails with the typed error, never another exception.
 */
class GarbageBodyPropertyTest {
  private static final String BLOCKS = RealResponsesTest.payload(
      "/fixtures/blocks/nile_getblockbylatestnum_33801077_tatum.json").toJson();
  private static final String[] TOKENS = {"{", "}", "[", "]", ":", ",", "\"blockID\"",
      "\"block_header\"", "\"raw_data\"", "\"number\"", "1", "-1", "1.5", "1e400", "null", "true",
      "\"00\"", "\"zz\"", "\"transactions\"", "\"block\"", "99999999999999999999", " "};

  @Test
  void randomBytes_failTyped() {
    Random random = new Random(20260101L);
    for (int i = 0; i < 3000; i++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      check(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  @Test
  void randomTokenSoup_failsTypedOrParses() {
    Random random = new Random(7L);
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(30);
      for (int j = 0; j < n; j++) {
        sb.append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      check(sb.toString());
    }
  }

  @Test
  void mutatedRealResponse_eitherFailsTypedOrIsUnchanged() {
    Random random = new Random(42L);
    Object expected = NodeResponses.blocks(JsonNode.parse(BLOCKS, ""));
    for (int i = 0; i < 3000; i++) {
      StringBuilder body = new StringBuilder(BLOCKS);
      int position = random.nextInt(body.length());
      switch (random.nextInt(3)) {
        case 0:
          body.deleteCharAt(position);
          break;
        case 1:
          body.insert(position, TOKENS[random.nextInt(TOKENS.length)]);
          break;
        default:
          body.setLength(position);
          break;
      }
      Object parsed = check(body.toString());
      if (parsed != null && body.indexOf("\"number\"") >= 0 && isHexOnlyEdit(body.toString())) {
        assertEquals(expected, parsed);
      }
    }
  }

  /** Whitespace-only edits keep the meaning; other successful edits are checked for type only. */
  private static boolean isHexOnlyEdit(String body) {
    return body.replace(" ", "").equals(BLOCKS.replace(" ", ""));
  }

  private static Object check(String body) {
    try {
      return NodeResponses.blocks(JsonNode.parse(body, ""));
    } catch (JsonShapeException | TransactionFormatException e) {
      return null;
    } catch (RuntimeException e) {
      fail("untyped " + e + " for body: " + body, e);
      return null;
    }
  }
}

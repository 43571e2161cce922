package io.tronpay.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.monitor.internal.TransferExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transfer extraction on a real mainnet {@code gettransactioninfobyblocknum} answer (block
 * 49970749; source in fixtures/README.md). The expected values are read off the log's raw words.
 */
class RealChainDataTest {
  private static final long BLOCK = 49970749L;
  // Topic 1 and 2 and the data word of entry 0's log, as the node sent them.
  private static final Address FROM = Address.fromEvmHex("f49dfc8143deb347b7724aef0e1f5d3c22a0035f");
  private static final Address TO = Address.fromEvmHex("a05367c1538d48e2491ba3094c2e68b2e076284c");
  private static final BigInteger VALUE = new BigInteger("603d7380", 16);

  private MockWebServer server;
  private TronClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = TronClient.builder().fullNode(server.url("/").toString())
        .retryPolicy(RetryPolicy.NONE).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  private List<TransactionInfo> infos(String from, String to) throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream(
        "/fixtures/mainnet_gettransactioninfobyblocknum_49970749_ankr_TRUNCATED.json")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String response = text.substring(text.indexOf('[', text.indexOf("\"response\"")),
        text.lastIndexOf(']') + 1);
    server.enqueue(new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json").body(response.replace(from, to)).build());
    return client.getSolidTransactionInfoByBlockNum(BLOCK);
  }

  @Test
  void realUsdtTransferLog_isExtractedWithItsKeyAndAmount() throws IOException {
    TransferExtractor extractor = new TransferExtractor(Map.of(Asset.USDT.contract(), Asset.USDT),
        true);
    List<Transfer> found = extractor.tokenTransfers(infos("", ""), BLOCK, "id", 1680525021000L);
    assertEquals(List.of(new Transfer(
        "578bd80976b42a50468c400fa59d6472295bb740a9d7ce3667616fa40d7f090b", 0, Asset.USDT, FROM,
        TO, VALUE, BLOCK, "id", 1680525021000L)), found);
  }

  @Test
  void sameLogFromATokenNotWhitelisted_isIgnored() throws IOException {
    TransferExtractor extractor = new TransferExtractor(Map.of(), true);
    assertEquals(List.of(), extractor.tokenTransfers(infos("", ""), BLOCK, "id", 0));
  }

  @Test
  void sameLogInATransactionThatReverted_isIgnored() throws IOException {
    TransferExtractor extractor = new TransferExtractor(Map.of(Asset.USDT.contract(), Asset.USDT),
        true);
    assertEquals(List.of(), extractor.tokenTransfers(
        infos("\"result\": \"SUCCESS\"", "\"result\": \"REVERT\""), BLOCK, "id", 0));
  }
}

package io.tronpay.testkit;

import static io.tronpay.testkit.TestJson.list;
import static io.tronpay.testkit.TestJson.num;
import static io.tronpay.testkit.TestJson.obj;

import io.tronpay.core.Address;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A MockWebServer dispatcher that answers only with the real responses in {@code
 * /fixtures} (see the README there), and only to the request each one answered. It is the
 * "real node" side of {@link TronClientContractTest}: a request the client gets wrong finds no
 * fixture and fails the test.
 */
final class FixtureNode extends Dispatcher {
  /** The Nile account of the TRON docs' getaccount, getaccountresource and balanceOf examples. */
  static final Address DOCS_ACCOUNT = Address.fromHex("41dd791d6b49e190062d650e6a23c575510d35f2f9");
  /** Nile's USDT, the contract of the docs' balanceOf and estimateenergy examples. */
  static final Address NILE_USDT = Address.fromHex("41eca9bc828a3005b9a3b909f2cc5c2a54794de05f");
  /** The mainnet account whose TronGrid answers Ledger Live recorded. */
  static final Address TRONGRID_ACCOUNT = Address.fromBase58("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre");
  /** Mainnet block 30864544, with one TransferContract. */
  static final long TRANSFER_BLOCK = 30864544L;
  /** The first of five consecutive Nile blocks; the later four are empty. */
  static final long NILE_FIRST = 33801077L;
  /** Mainnet block 49970749, whose first transaction info is a USDT transfer. */
  static final long INFO_BLOCK = 49970749L;
  /** A mainnet USDT transfer with its transaction and its info recorded. */
  static final String USDT_TX = "0130dfde9281a48378109039ef512229d5359fbee2a8adbb17ad73aebc67ea99";

  /** A mainnet WithdrawBalance (reward claim) whose info was recorded. */
  static final String WITHDRAW_TX =
      "5364d83113409e07330c8af72a6334c2c49b0909cbf68191eba734d23131427f";

  private static final Map<String, Object> NILE_BLOCKS =
      TestJson.resource("nile_getblockbylatestnum_33801077_tatum.json");
  private static final Map<String, Object> SIGERROR =
      TestJson.resource("broadcasttransaction_SIGERROR_hexmsg_tatum_docs.json");
  private static final Map<String, Object> BALANCE_OF =
      TestJson.resource("nile_triggerconstantcontract_balanceOf_docs.json");
  private static final Map<String, Object> ESTIMATE =
      TestJson.resource("nile_estimateenergy_balanceOf_docs.json");
  private static final String DECIMALS_SELECTOR = "313ce567";
  /** USDT's published decimals, as one ABI word. */
  private static final String SIX = "0".repeat(63) + "6";

  private final Set<String> broadcast = ConcurrentHashMap.newKeySet();
  private volatile Map<String, String> firstPageQuery;

  /** The transaction of the docs' SIGERROR example: unsigned, so any node refuses it. */
  static Transaction unsignedDocsTransfer() {
    String hex = (String) obj(SIGERROR.get("request")).get("raw_data_hex");
    return Transaction.of(RawData.decode(HexFormat.of().parseHex(
        hex.replace("<", "").replace(">", ""))));
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    if (path.startsWith("/v1/accounts/")) {
      return tronGrid(url, path.substring("/v1/accounts/".length()));
    }
    Map<String, Object> body = request.getBody() == null || request.getBody().size() == 0
        ? Map.of() : TestJson.object(request.getBody().utf8());
    Object answer = answer(path, body);
    return answer == null ? notFound() : ok(answer instanceof String s ? s : TestJson.write(answer));
  }

  private Object answer(String path, Map<String, Object> body) {
    List<Object> nile = list(NILE_BLOCKS.get("block"));
    switch (path) {
      case "/wallet/getnowblock":
        return nile.get(nile.size() - 1);
      case "/walletsolidity/getnowblock":
        return nile.get(0);
      case "/wallet/getblockbynum": {
        long n = num(body.get("num"));
        if (n == TRANSFER_BLOCK) {
          return TestJson.resource("mainnet_getblock_30864544_getblockio.json");
        }
        return n >= NILE_FIRST && n < NILE_FIRST + nile.size()
            ? nile.get((int) (n - NILE_FIRST)) : "{}";
      }
      case "/wallet/getblockbylimitnext": {
        List<Object> blocks = new ArrayList<>();
        for (long n = num(body.get("startNum")); n < num(body.get("endNum")); n++) {
          if (n >= NILE_FIRST && n < NILE_FIRST + nile.size()) {
            blocks.add(nile.get((int) (n - NILE_FIRST)));
          }
        }
        return blocks.isEmpty() ? "{}" : Map.of("block", blocks);
      }
      case "/walletsolidity/gettransactioninfobyblocknum":
        // java-tron's servlet prints the block's info list as a JSON array, "[]" when empty.
        return num(body.get("num")) == INFO_BLOCK ? TestJson.resource(
            "mainnet_gettransactioninfobyblocknum_49970749_ankr_TRUNCATED.json").get("response")
            : "[]";
      case "/wallet/gettransactionbyid":
      case "/walletsolidity/gettransactionbyid":
        return USDT_TX.equals(body.get("value"))
            ? TestJson.resource("mainnet_TriggerSmartContract_USDT_0130dfde.json") : "{}";
      case "/wallet/gettransactioninfobyid":
      case "/walletsolidity/gettransactioninfobyid":
        if (WITHDRAW_TX.equals(body.get("value"))) {
          return TestJson.resource("mainnet_gettransactioninfobyid_WithdrawBalance_5364d831.json");
        }
        return USDT_TX.equals(body.get("value"))
            ? TestJson.resource("mainnet_gettransactioninfobyid_USDT_0130dfde.json") : "{}";
      case "/wallet/getaccount":
        return DOCS_ACCOUNT.toHex().equals(body.get("address"))
            ? TestJson.resource("nile_getaccount_docs.json").get("response") : "{}";
      case "/wallet/getaccountresource":
        return DOCS_ACCOUNT.toHex().equals(body.get("address"))
            ? TestJson.resource("nile_getaccountresource_docs.json").get("response") : null;
      case "/wallet/getchainparameters":
        return TestJson.resource("mainnet_getchainparameters_edge.json");
      case "/wallet/triggerconstantcontract":
        return constantCall(body);
      case "/wallet/estimateenergy":
        return sameCall(body, ESTIMATE) ? ESTIMATE.get("response") : null;
      case "/wallet/broadcasttransaction":
        return broadcast(body);
      default:
        return null;
    }
  }

  private static Object constantCall(Map<String, Object> body) {
    if (!NILE_USDT.toHex().equals(body.get("contract_address"))) {
      return null;
    }
    if (sameCall(body, BALANCE_OF)) {
      return BALANCE_OF.get("response");
    }
    if (DECIMALS_SELECTOR.equals(body.get("data"))) {
      // No recorded decimals() answer exists: the balanceOf answer's shape, carrying USDT's 6.
      Map<String, Object> answer = new LinkedHashMap<>(obj(BALANCE_OF.get("response")));
      answer.put("constant_result", List.of(SIX));
      return answer;
    }
    return null;
  }

  /** Whether {@code body} asks what the fixture's recorded request asked, as call data. */
  private static boolean sameCall(Map<String, Object> body, Map<String, Object> fixture) {
    Map<String, Object> recorded = obj(fixture.get("_request_body"));
    String selector = (String) recorded.get("function_selector");
    String data = HexFormat.of().formatHex(java.util.Arrays.copyOf(io.tronpay.core.Hashes
        .keccak256(selector.getBytes(StandardCharsets.US_ASCII)), 4)) + recorded.get("parameter");
    return recorded.get("owner_address").equals(body.get("owner_address"))
        && recorded.get("contract_address").equals(body.get("contract_address"))
        && data.equals(body.get("data"));
  }

  private Object broadcast(Map<String, Object> body) {
    String txId = (String) body.get("txID");
    Map<String, Object> error = obj(SIGERROR.get("response_error"));
    if (error.get("txid").equals(txId)) {
      return error;
    }
    if (!broadcast.add(txId)) {
      // java-tron's Wallet.broadcastTransaction: DUP_TRANSACTION_ERROR, "Transaction already
      // exists.", printed like the recorded SIGERROR answer (code, txid, hex message).
      Map<String, Object> dup = new LinkedHashMap<>(error);
      dup.put("code", "DUP_TRANSACTION_ERROR");
      dup.put("txid", txId);
      dup.put("message", HexFormat.of().formatHex(
          "Transaction already exists.".getBytes(StandardCharsets.UTF_8)));
      return dup;
    }
    Map<String, Object> success = new LinkedHashMap<>(obj(SIGERROR.get("response_success_example")));
    success.put("txid", txId);
    return success;
  }

  private MockResponse tronGrid(HttpUrl url, String rest) {
    String account = TRONGRID_ACCOUNT.toBase58();
    if (rest.equals(account)) {
      return ok(TestJson.write(
          TestJson.resource("mainnet_trongrid_v1_accounts_TL24LCps_ledger.json").get("response")));
    }
    if (!rest.equals(account + "/transactions/trc20")) {
      return notFound();
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (String name : url.queryParameterNames()) {
      if (!name.equals("fingerprint")) {
        query.put(name, url.queryParameter(name));
      }
    }
    String fingerprint = url.queryParameter("fingerprint");
    if (fingerprint == null) {
      firstPageQuery = query;
    } else if (!query.equals(firstPageQuery)) {
      return new MockResponse.Builder().code(400).body("{\"success\":false,\"error\":"
          + "\"page request changed the filters\",\"statusCode\":400}").build();
    }
    Map<String, Object> recorded = TestJson.resource(
        "mainnet_trongrid_v1_accounts_trc20_TL24LCps_ledger_TRIMMED.json");
    List<Object> items = new ArrayList<>();
    for (Object item : list(recorded.get("data"))) {
      Map<String, Object> plain = new LinkedHashMap<>(obj(item));
      plain.remove("detail"); // Ledger Live's addition, not TronGrid's
      items.add(plain);
    }
    int limit = Integer.parseInt(url.queryParameter("limit"));
    // The recorded answer was a last page; its items are served in pages of `limit`, with a
    // fingerprint (opaque to clients) naming where the next page starts.
    int start = fingerprint == null ? 0 : Integer.parseInt(new String(
        java.util.Base64.getUrlDecoder().decode(fingerprint), StandardCharsets.UTF_8));
    int end = Math.min(items.size(), start + limit);
    Map<String, Object> meta = new LinkedHashMap<>(obj(recorded.get("meta")));
    meta.put("page_size", new BigDecimal(end - start));
    if (end < items.size()) {
      meta.put("fingerprint", java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("data", items.subList(start, end));
    page.put("success", recorded.get("success"));
    page.put("meta", meta);
    return ok(TestJson.write(page));
  }

  private static MockResponse ok(String json) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body(json).build();
  }

  private static MockResponse notFound() {
    return new MockResponse.Builder().code(404).body("<html><body><h2>HTTP ERROR 404 Not Found"
        + "</h2></body></html>").build();
  }
}

package io.tronpay.examples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.squareup.moshi.JsonReader;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.monitor.webhook.WebhookSecret;
import io.tronpay.monitor.webhook.WebhookVerificationException;
import io.tronpay.monitor.webhook.WebhookVerifier;
import io.tronpay.testkit.BroadcastResult;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway end to end on an embedded DevNode and an in-memory H2: every curl example of
 * {@code examples/gateway/README.md} answers as documented, a payment made on the DevNode shows
 * up confirmed with the exact amount, and its signed webhooks verify.
 *
 * <p>Responses are read with Moshi, not with the gateway's own JSON code, and numbers are
 * compared as the exact text sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayTest {
  static final Path README = Path.of("gateway", "README.md");
  static final String DOCUMENTED_BASE = "http://localhost:5000";
  static final String DOCUMENTED_CALLBACK_BASE = "https://shop.example.com";
  static final String CALLBACK_PATH = "/tronpay/callback";
  static final Duration WAIT = Duration.ofSeconds(20);

  private Gateway gateway;
  private DevNode devNode;
  private HttpServer receiver;
  private String receiverBase;
  private WebhookSecret secret;
  private Path secretFile;
  private final List<String> verifiedWebhooks = new CopyOnWriteArrayList<>();
  private final AtomicInteger refusedWebhooks = new AtomicInteger();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  // What the README examples leave behind for the later steps.
  private String paymentId;
  private Map<String, Object> createdRequest;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    secret = WebhookSecret.generate();
    secretFile = dir.resolve("webhook-secret.txt");
    Files.writeString(secretFile, secret.revealSecretText() + "\n");
    WebhookVerifier verifier = WebhookVerifier.of(secret);
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(CALLBACK_PATH, exchange -> receive(exchange, verifier));
    receiver.start();
    receiverBase = "http://127.0.0.1:" + receiver.getAddress().getPort();

    gateway = Gateway.start(quiet(), "--port", "0", "--devnode",
        "--jdbc-url", "jdbc:h2:mem:gw" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--webhook-secret-file", secretFile.toString(), "--allow-private-callbacks");
    devNode = gateway.devNode();
  }

  @AfterAll
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
    secret.destroy();
  }

  @Test
  @Order(1)
  void readmeExamples_answerAsDocumented() throws Exception {
    List<Example> examples = readmeExamples(Files.readString(README));
    assertTrue(examples.size() >= 8, "curl-test examples found: " + examples.size());
    for (Example example : examples) {
      HttpRequest request = toRequest(example.curl());
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String where = example.curl() + "\n-> " + response.statusCode() + " " + response.body();
      assertEquals(example.status(), response.statusCode(), where);
      assertEquals("application/json",
          response.headers().firstValue("Content-Type").orElse(""), where);
      // The gateway answers with the test's receiver; the README shows the documented host.
      Object actual = read(response.body().replace(receiverBase, DOCUMENTED_CALLBACK_BASE));
      match("$", read(placeholdersToStrings(example.json())), actual, where);

      if (request.uri().getPath().equals("/create_payment") && response.statusCode() == 201) {
        paymentId = (String) asMap(actual).get("payment_id");
        createdRequest = asMap(read(curlData(example.curl())));
      }
    }
    assertNotNull(paymentId, "the README creates a payment");
  }

  @Test
  @Order(2)
  void badInput_answers400NamingTheField_andStoresNothing() throws Exception {
    String wallet = "TN2UsVhyemn8PvWQqLJ6sjFbBjNT3sTLSh";
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("{}", "wallet_address is required");
    cases.put("{\"wallet_address\": 7}", "wallet_address must be a string");
    cases.put("{\"wallet_address\": \"TN2UsVhyemn8PvWQqLJ6sjFbBjNT3sTLSi\"}",
        "wallet_address is not a TRON address: address checksum does not match (a character is"
            + " wrong or missing)");
    cases.put(body(wallet, null, "B-1"), "expected_amount_usdt is required");
    cases.put(body(wallet, "0", "B-1"), "expected_amount_usdt must be more than 0");
    cases.put(body(wallet, "-5", "B-1"), "expected_amount_usdt must be more than 0");
    cases.put(body(wallet, "\"0.000000\"", "B-1"), "expected_amount_usdt must be more than 0");
    cases.put(body(wallet, "12.3456789", "B-1"),
        "expected_amount_usdt has more than 6 decimals");
    cases.put(body(wallet, "\"NaN\"", "B-1"),
        "expected_amount_usdt must be a decimal number, got \"NaN\"");
    cases.put(body(wallet, "\"1e3\"", "B-1"),
        "expected_amount_usdt must be a decimal number, got \"1e3\"");
    cases.put(body(wallet, "\"-1\"", "B-1"),
        "expected_amount_usdt must be a decimal number, got \"-1\"");
    cases.put(body(wallet, "true", "B-1"),
        "expected_amount_usdt must be a number or a decimal string");
    cases.put(body(wallet, "1e999999999", "B-1"), "expected_amount_usdt is too large");
    cases.put(body(wallet, "1", null), "order_id is required");
    cases.put(body(wallet, "1", ""), "order_id must be 1 to 128 characters, got 0");
    cases.put(body(wallet, "1", "x".repeat(129)),
        "order_id must be 1 to 128 characters, got 129");
    cases.put("{\"wallet_address\": \"" + wallet + "\", \"expected_amount_usdt\": 1, "
        + "\"order_id\": \"B-1\", \"callback_url\": 5}", "callback_url must be a string");
    cases.put("{\"wallet_address\": \"" + wallet + "\", \"expected_amount_usdt\": 1, "
        + "\"order_id\": \"B-1\", \"callback_url\": \"ftp://shop.example.com/x\"}",
        "callback_url is refused: callbackUrl must be an absolute http(s) URL with a host");
    cases.put("[1]", "request body must be a JSON object");
    cases.put("{\"order_id\": \"a\", \"order_id\": \"b\"}",
        "request body is not valid JSON: field \"order_id\" appears twice at offset 18");
    cases.put("{\"wallet_address\": ", "request body is not valid JSON: unexpected end of text "
        + "at offset 19");
    long before = totalPayments();

    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> response = post("/create_payment", c.getKey());
      assertEquals(400, response.statusCode(), c.getKey() + " -> " + response.body());
      assertEquals(Map.of("error", c.getValue()), read(response.body()), c.getKey());
    }

    // An open payment holds its address: a second order for it conflicts.
    String taken = (String) createdRequest.get("wallet_address");
    HttpResponse<String> conflict = post("/create_payment", body(taken, "1", "B-2"));
    assertEquals(409, conflict.statusCode(), conflict.body());
    assertTrue(((String) asMap(read(conflict.body())).get("error"))
        .startsWith("wallet_address " + taken + " is in use"), conflict.body());

    assertEquals(404, get("/payment_status/").statusCode());
    assertEquals(404, get("/stats/more").statusCode());
    assertEquals(405, get("/create_payment").statusCode());
    assertEquals(before, totalPayments(), "a refused request stored nothing");
  }

  @Test
  @Order(3)
  void payingOnTheDevNode_confirmsTheExactAmount_andSendsSignedWebhooks() throws Exception {
    Address wallet = Address.fromBase58((String) createdRequest.get("wallet_address"));
    String documentedAmount = ((Num) createdRequest.get("expected_amount_usdt")).text();
    BigInteger units = new BigDecimal(documentedAmount).movePointRight(6).toBigIntegerExact();

    DevAccount payer = devNode.accounts().get(0);
    byte[] call = new Trc20Call.Transfer(wallet, units).encode();
    RawData raw = devNode.newRawData(
        new TriggerSmartContract(payer.address(), devNode.usdt().address(), call)).build();
    Transaction tx = Transaction.of(raw).sign(payer.privateKey());
    BroadcastResult sent = devNode.broadcast(tx);
    assertTrue(sent.accepted(), sent.toString());
    devNode.mineBlocks(Gateway.DEVNODE_SOLIDITY_DEPTH + 2);
    assertEquals(units, devNode.tokenBalance(devNode.usdt(), wallet), "the DevNode's ledger");

    Map<String, Object> status = await("/payment_status/" + paymentId,
        s -> "confirmed".equals(s.get("status")));
    assertEquals(new Num(documentedAmount), status.get("received_amount_usdt"));
    assertEquals(new Num("0"), status.get("unconfirmed_amount_usdt"));
    assertEquals(tx.txId(), status.get("transaction_hash"));
    try (TronClient client = TronClient.builder().fullNode(devNode.url()).build()) {
      TransactionInfo info = client.getTransactionInfoById(tx.txId()).orElseThrow();
      assertEquals(Instant.ofEpochMilli(info.blockTimestamp()).toString(),
          status.get("block_timestamp"));
    }

    Map<String, Object> webhook = awaitWebhook("payment.confirmed");
    assertEquals(new Num(documentedAmount), webhook.get("received_amount_usdt"));
    assertEquals("confirmed", webhook.get("status"));
    assertEquals(createdRequest.get("order_id"), webhook.get("order_id"));
    assertEquals(tx.txId(), webhook.get("transaction_hash"));
    assertEquals(0, refusedWebhooks.get(), "every webhook verified");

    // The gateway records a delivery after the receiver answered; wait for the record.
    int received = webhooksFor(paymentId).size();
    Map<String, Object> afterCallbacks = await("/payment_status/" + paymentId,
        s -> new Num(Integer.toString(received)).equals(s.get("callback_attempts"))
            && Boolean.TRUE.equals(s.get("callback_success")));
    assertInstanceOf(String.class, afterCallbacks.get("last_callback_attempt"));

    Map<String, Object> stats = asMap(read(get("/stats").body()));
    assertEquals(new Num("1"), asMap(stats.get("by_status")).get("confirmed"));
    assertEquals(new Num(documentedAmount), stats.get("total_received_usdt"));
    assertEquals(new Num(Integer.toString(received)),
        asMap(stats.get("webhooks")).get("delivered"));
  }

  @Test
  @Order(4)
  void withoutAllowPrivateCallbacks_aLoopbackCallbackIsRefused() throws Exception {
    // A second gateway on the same DevNode, through --node, with the SSRF guard at its default.
    try (Gateway guarded = Gateway.start(quiet(), "--port", "0", "--node", devNode.url(),
        "--jdbc-url", "jdbc:h2:mem:gw" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--webhook-secret-file", secretFile.toString())) {
      String body = "{\"wallet_address\": \"TN2UsVhyemn8PvWQqLJ6sjFbBjNT3sTLSh\", "
          + "\"expected_amount_usdt\": 1, \"order_id\": \"C-1\", \"callback_url\": \""
          + receiverBase + CALLBACK_PATH + "\"}";
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              guarded.uri().resolve("/create_payment"))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(400, response.statusCode(), response.body());
      String error = (String) asMap(read(response.body())).get("error");
      assertTrue(error.startsWith("callback_url is refused: ") && error.contains("loopback"),
          error);
    }
  }

  @Test
  @Order(5)
  void nodeFailing_healthAnswers503_thenRecovers() throws Exception {
    devNode.faults().failNext(100_000, 500);
    HttpResponse<String> unhealthy = awaitStatus("/health", 503);
    Map<String, Object> body = asMap(read(unhealthy.body()));
    assertEquals("unhealthy", body.get("status"));
    assertEquals(false, asMap(body.get("monitor")).get("node_reachable"));
    assertTrue(((String) body.get("reason")).startsWith("the node failed the last"),
        unhealthy.body());

    devNode.faults().clear();
    awaitStatus("/health", 200);
  }

  @Test
  void withoutANode_startRefusesWithUsage() {
    Gateway.UsageException e = assertThrows(Gateway.UsageException.class,
        () -> Gateway.start(quiet(), "--port", "0"));
    assertEquals("give either --node URL or --devnode", e.getMessage());
    e = assertThrows(Gateway.UsageException.class,
        () -> Gateway.start(quiet(), "--devnode", "--confirmations", "0"));
    assertEquals("option --confirmations needs at least 1 block, got 0", e.getMessage());
  }

  // ------------------------------------------------------------------ the README's examples

  /** A curl command and the status and JSON documented right after it. */
  record Example(String curl, int status, String json) {}

  static List<Example> readmeExamples(String markdown) {
    Pattern block = Pattern.compile(
        "<!-- curl-test -->\\s*```bash\\n(.*?)```\\s*```http\\nHTTP/1\\.1 (\\d{3})[^\\n]*\\n"
            + "(?:[^\\n]+\\n)*\\n(.*?)```", Pattern.DOTALL);
    List<Example> examples = new ArrayList<>();
    Matcher m = block.matcher(markdown);
    while (m.find()) {
      examples.add(new Example(m.group(1).strip(), Integer.parseInt(m.group(2)), m.group(3)));
    }
    assertEquals(count(markdown, "<!-- curl-test -->"), examples.size(),
        "every marked example has a curl block and an answer");
    return examples;
  }

  /** The curl flags the README uses: -s, -X, -H, -d, and the URL. */
  HttpRequest toRequest(String curl) {
    List<String> words = shellWords(curl.replace("\\\n", " ")
        .replace("$PAYMENT_ID", paymentId == null ? "" : paymentId));
    assertEquals("curl", words.get(0), curl);
    String method = null;
    String data = null;
    URI uri = null;
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      switch (w) {
        case "-s" -> { }
        case "-X" -> method = words.get(++i);
        case "-H" -> {
          String[] header = words.get(++i).split(":\\s*", 2);
          headers.put(header[0], header[1]);
        }
        case "-d" -> data = words.get(++i).replace(DOCUMENTED_CALLBACK_BASE, receiverBase);
        default -> {
          assertTrue(w.startsWith(DOCUMENTED_BASE), "unexpected curl word " + w);
          uri = URI.create(gateway.uri() + w.substring(DOCUMENTED_BASE.length()));
        }
      }
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    headers.forEach(request::header);
    method = method != null ? method : data != null ? "POST" : "GET";
    return request.method(method, data == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(data)).build();
  }

  static String curlData(String curl) {
    List<String> words = shellWords(curl.replace("\\\n", " "));
    return words.get(words.indexOf("-d") + 1);
  }

  /** Splits a command line like a POSIX shell: whitespace, single and double quotes. */
  static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    assertEquals(0, quote, "unbalanced quote in " + line);
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  // ---------------------------------------------------------- documented vs actual JSON

  /** A JSON number, as the exact text sent. */
  record Num(String text) {}

  private static final String PLACEHOLDER = "placeholder:";

  /** {@code <time or null>} in the README becomes the string "placeholder:time or null". */
  static String placeholdersToStrings(String documented) {
    return documented.replaceAll("<((?:string|number|boolean|time)(?: or null)?)>",
        "\"" + PLACEHOLDER + "$1\"");
  }

  static void match(String path, Object expected, Object actual, String where) {
    if (expected instanceof String s && s.startsWith(PLACEHOLDER)) {
      String type = s.substring(PLACEHOLDER.length());
      if (actual == null) {
        assertTrue(type.endsWith(" or null"), path + " is null\n" + where);
        return;
      }
      switch (type.replace(" or null", "")) {
        case "string" -> assertInstanceOf(String.class, actual, path + "\n" + where);
        case "number" -> assertInstanceOf(Num.class, actual, path + "\n" + where);
        case "boolean" -> assertInstanceOf(Boolean.class, actual, path + "\n" + where);
        case "time" -> Instant.parse((String) actual);
        default -> fail("unknown placeholder " + type);
      }
    } else if (expected instanceof Map<?, ?> e) {
      Map<?, ?> a = assertInstanceOf(Map.class, actual, path + "\n" + where);
      assertEquals(List.copyOf(e.keySet()), List.copyOf(a.keySet()),
          "fields of " + path + ", in order\n" + where);
      for (Object key : e.keySet()) {
        match(path + "." + key, e.get(key), a.get(key), where);
      }
    } else {
      assertEquals(expected, actual, path + "\n" + where);
    }
  }

  /** Reads JSON with Moshi, numbers as their exact text. */
  static Object read(String json) throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      Object value = readValue(reader);
      assertEquals(JsonReader.Token.END_DOCUMENT, reader.peek(), json);
      return value;
    }
  }

  private static Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          assertFalse(map.containsKey(name), "duplicate field " + name);
          map.put(name, readValue(reader));
        }
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY -> {
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(readValue(reader));
        }
        reader.endArray();
        return list;
      }
      case NUMBER -> {
        return new Num(reader.nextString());
      }
      case STRING -> {
        return reader.nextString();
      }
      case BOOLEAN -> {
        return reader.nextBoolean();
      }
      case NULL -> {
        return reader.nextNull();
      }
      default -> throw new IOException("unexpected " + reader.peek() + " in " + reader.getPath());
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object json) {
    return (Map<String, Object>) assertInstanceOf(Map.class, json);
  }

  // -------------------------------------------------------------------------- helpers

  private void receive(HttpExchange exchange, WebhookVerifier verifier) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
      int status;
      try {
        verifier.verify(headers, body);
        verifiedWebhooks.add(new String(body, StandardCharsets.UTF_8));
        status = 200;
      } catch (WebhookVerificationException e) {
        refusedWebhooks.incrementAndGet();
        status = 401;
      }
      exchange.sendResponseHeaders(status, -1);
    }
  }

  private List<Map<String, Object>> webhooksFor(String id) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String body : verifiedWebhooks) {
      Map<String, Object> event = asMap(read(body));
      if (id.equals(event.get("payment_id"))) {
        out.add(event);
      }
    }
    return out;
  }

  private Map<String, Object> awaitWebhook(String type) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      for (Map<String, Object> event : webhooksFor(paymentId)) {
        if (type.equals(event.get("event_type"))) {
          return event;
        }
      }
      Thread.sleep(100);
    }
    return fail("no verified " + type + " webhook within " + WAIT + "; got " + verifiedWebhooks
        + ", refused " + refusedWebhooks.get());
  }

  private Map<String, Object> await(String path, Predicate<Map<String, Object>> done)
      throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    Map<String, Object> last = null;
    while (Instant.now().isBefore(deadline)) {
      last = asMap(read(get(path).body()));
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    return fail(path + " did not get there within " + WAIT + "; last " + last);
  }

  private HttpResponse<String> awaitStatus(String path, int status) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    HttpResponse<String> last = null;
    while (Instant.now().isBefore(deadline)) {
      last = get(path);
      if (last.statusCode() == status) {
        return last;
      }
      Thread.sleep(200);
    }
    return fail(path + " did not answer " + status + " within " + WAIT + "; last "
        + (last == null ? null : last.statusCode() + " " + last.body()));
  }

  private long totalPayments() throws IOException, InterruptedException {
    Num total = (Num) asMap(read(get("/stats").body())).get("total_payments");
    return Long.parseLong(total.text());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(gateway.uri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(gateway.uri().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A create_payment body; null leaves a field out. */
  private static String body(String wallet, String amount, String orderId) {
    List<String> fields = new ArrayList<>();
    fields.add("\"wallet_address\": \"" + wallet + "\"");
    if (amount != null) {
      fields.add("\"expected_amount_usdt\": " + amount);
    }
    if (orderId != null) {
      fields.add("\"order_id\": \"" + orderId + "\"");
    }
    return "{" + String.join(", ", fields) + "}";
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}

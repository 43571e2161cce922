package io.tronpay.client;

import io.tronpay.client.internal.JsonNode;
import io.tronpay.client.internal.JsonShapeException;
import io.tronpay.client.internal.NodeResponses;
import io.tronpay.client.internal.Sleeper;
import io.tronpay.client.internal.TokenBucket;
import io.tronpay.client.internal.TransactionJsonCodec;
import io.tronpay.core.Address;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransactionFormatException;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for the TRON node HTTP API (full node and solidity node) and TronGrid v1.
 *
 * <p>Thread-safe; share one instance. Reads retry on 429, rate-limit 403, 5xx and I/O errors with
 * exponential backoff, jitter and {@code Retry-After}, failing over across the configured
 * endpoints. Broadcasts are never retried: a lost answer is resolved by looking the txID up. All
 * results are typed records; every failure is a {@link TronClientException} subclass.
 *
 * <pre>{@code
 * try (TronClient client = TronClient.builder().fullNode("https://api.trongrid.io")
 *     .apiKey(key).build()) {
 *   Block head = client.getNowBlock();
 * }
 * }</pre>
 */
public final class TronClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TronClient.class);
  private static final MediaType JSON = MediaType.get("application/json");
  /** The header TronGrid reads the API key from. */
  public static final String API_KEY_HEADER = "TRON-PRO-API-KEY";
  /** The most blocks {@code getblockbylimitnext} returns in one call. */
  public static final int MAX_BLOCK_RANGE = 100;

  private final List<HttpUrl> fullNodes;
  private final HttpUrl solidityNode;
  private final HttpUrl tronGrid;
  private final String apiKey;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final RetryPolicy retryPolicy;
  private final TokenBucket rateLimiter;
  private final Sleeper sleeper;
  private final ExecutorService asyncExecutor;
  private final AtomicInteger currentNode = new AtomicInteger();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong failovers = new AtomicLong();

  private TronClient(Builder b) {
    this.fullNodes = List.copyOf(b.fullNodes);
    this.solidityNode = b.solidityNode;
    this.tronGrid = b.tronGrid != null ? b.tronGrid : fullNodes.get(0);
    this.apiKey = b.apiKey;
    OkHttpClient base = b.httpClient != null ? b.httpClient : new OkHttpClient();
    this.ownsHttp = b.httpClient == null;
    OkHttpClient.Builder hb = base.newBuilder().retryOnConnectionFailure(false);
    if (b.connectTimeout != null) {
      hb.connectTimeout(b.connectTimeout);
    }
    if (b.readTimeout != null) {
      hb.readTimeout(b.readTimeout);
    }
    if (b.callTimeout != null) {
      hb.callTimeout(b.callTimeout);
    }
    this.http = hb.build();
    this.retryPolicy = b.retryPolicy;
    this.sleeper = b.sleeper;
    this.rateLimiter = b.requestsPerSecond > 0
        ? new TokenBucket(b.requestsPerSecond, System::nanoTime, b.sleeper) : null;
    this.asyncExecutor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "tron-client-async");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A builder; at least one full-node URL is required. */
  public static Builder builder() {
    return new Builder();
  }

  // ================================================================ blocks

  /** The latest block ({@code /wallet/getnowblock}). */
  public Block getNowBlock() {
    return read(fullNodes, "/wallet/getnowblock", "{}", NodeResponses::block);
  }

  /** The latest solidified block ({@code /walletsolidity/getnowblock}). */
  public Block getSolidNowBlock() {
    return read(solidityNodes(), "/walletsolidity/getnowblock", "{}", NodeResponses::block);
  }

  /** The block at {@code number}, or empty if the node has none there yet. */
  public Optional<Block> getBlockByNum(long number) {
    requireNonNegative("number", number);
    return read(fullNodes, "/wallet/getblockbynum", "{\"num\":" + number + "}",
        n -> isEmptyObject(n) ? Optional.<Block>empty() : Optional.of(NodeResponses.block(n)));
  }

  /**
   * Blocks {@code start} (inclusive) to {@code end} (exclusive), at most {@value
   * #MAX_BLOCK_RANGE}; fewer if the chain is not that long yet.
   */
  public List<Block> getBlockByLimitNext(long start, long end) {
    requireNonNegative("start", start);
    if (end <= start || end - start > MAX_BLOCK_RANGE) {
      throw new InvalidRequestException("block range [" + start + ", " + end + ") must hold 1 to "
          + MAX_BLOCK_RANGE + " blocks");
    }
    return read(fullNodes, "/wallet/getblockbylimitnext",
        "{\"startNum\":" + start + ",\"endNum\":" + end + "}", NodeResponses::blocks);
  }

  /**
   * The execution results of every transaction in block {@code number}, from the full node: the
   * block may still be reverted by a reorg.
   */
  public List<TransactionInfo> getTransactionInfoByBlockNum(long number) {
    requireNonNegative("number", number);
    return read(fullNodes, "/wallet/gettransactioninfobyblocknum",
        "{\"num\":" + number + "}", NodeResponses::transactionInfos);
  }

  /**
   * The execution results of every transaction in block {@code number} once it is solidified
   * (solidity node); an empty list for a block that is not solidified yet.
   */
  public List<TransactionInfo> getSolidTransactionInfoByBlockNum(long number) {
    requireNonNegative("number", number);
    return read(solidityNodes(), "/walletsolidity/gettransactioninfobyblocknum",
        "{\"num\":" + number + "}", NodeResponses::transactionInfos);
  }

  // ================================================================ transactions

  /** A transaction by id from the full node (it may not be solidified), or empty. */
  public Optional<ChainTransaction> getTransactionById(String txId) {
    return transactionById(fullNodes, "/wallet/gettransactionbyid", txId);
  }

  /** A solidified transaction by id, or empty. */
  public Optional<ChainTransaction> getSolidTransactionById(String txId) {
    return transactionById(solidityNodes(), "/walletsolidity/gettransactionbyid", txId);
  }

  /** A transaction's execution result from the full node, or empty if it is not in a block. */
  public Optional<TransactionInfo> getTransactionInfoById(String txId) {
    return transactionInfoById(fullNodes, "/wallet/gettransactioninfobyid", txId);
  }

  /** A solidified transaction's execution result, or empty. */
  public Optional<TransactionInfo> getSolidTransactionInfoById(String txId) {
    return transactionInfoById(solidityNodes(), "/walletsolidity/gettransactioninfobyid", txId);
  }

  private Optional<ChainTransaction> transactionById(List<HttpUrl> nodes, String path,
      String txId) {
    String id = requireTxId(txId);
    return read(nodes, path, "{\"value\":\"" + id + "\"}", n -> {
      if (isEmptyObject(n)) {
        return Optional.<ChainTransaction>empty();
      }
      ChainTransaction tx = NodeResponses.chainTransaction(n);
      if (!tx.txId().equals(id)) {
        throw n.error("asked for " + id + " but got " + tx.txId());
      }
      return Optional.of(tx);
    });
  }

  private Optional<TransactionInfo> transactionInfoById(List<HttpUrl> nodes, String path,
      String txId) {
    String id = requireTxId(txId);
    return read(nodes, path, "{\"value\":\"" + id + "\"}", n -> {
      if (isEmptyObject(n)) {
        return Optional.<TransactionInfo>empty();
      }
      TransactionInfo info = NodeResponses.transactionInfo(n);
      if (!info.id().equals(id)) {
        throw n.error("asked for " + id + " but got " + info.id());
      }
      return Optional.of(info);
    });
  }

  // ================================================================ accounts and chain

  /** The account, or empty if it does not exist on chain (never received TRX). */
  public Optional<Account> getAccount(Address address) {
    Objects.requireNonNull(address, "address");
    return read(fullNodes, "/wallet/getaccount",
        "{\"address\":\"" + address.toHex() + "\",\"visible\":false}",
        n -> isEmptyObject(n) ? Optional.<Account>empty()
            : Optional.of(NodeResponses.account(n)));
  }

  /** The account's bandwidth and energy. */
  public AccountResource getAccountResource(Address address) {
    Objects.requireNonNull(address, "address");
    return read(fullNodes, "/wallet/getaccountresource",
        "{\"address\":\"" + address.toHex() + "\",\"visible\":false}",
        NodeResponses::accountResource);
  }

  /** The network's parameters (energy fee, bandwidth fee, ...). */
  public ChainParameters getChainParameters() {
    return read(fullNodes, "/wallet/getchainparameters", "{}", NodeResponses::chainParameters);
  }

  // ================================================================ contracts

  /**
   * Runs a contract read-only ({@code triggerconstantcontract}) with full ABI call data.
   *
   * @throws TronNodeException if the node refuses the call
   */
  public ConstantCallResult triggerConstantContract(Address owner, Address contract,
      byte[] callData) {
    String body = "{\"owner_address\":\"" + owner.toHex() + "\",\"contract_address\":\""
        + contract.toHex() + "\",\"data\":\"" + HexFormat.of().formatHex(callData)
        + "\",\"visible\":false}";
    return read(fullNodes, "/wallet/triggerconstantcontract", body, n -> {
      requireResultTrue(n);
      return NodeResponses.constantCall(n);
    });
  }

  /**
   * The energy a call would use ({@code estimateenergy}; the node must enable it).
   *
   * @throws TronNodeException if the node refuses
   */
  public long estimateEnergy(Address owner, Address contract, byte[] callData, long callValue) {
    requireNonNegative("callValue", callValue);
    String body = "{\"owner_address\":\"" + owner.toHex() + "\",\"contract_address\":\""
        + contract.toHex() + "\",\"data\":\"" + HexFormat.of().formatHex(callData) + "\""
        + (callValue > 0 ? ",\"call_value\":" + callValue : "") + ",\"visible\":false}";
    return read(fullNodes, "/wallet/estimateenergy", body, n -> {
      requireResultTrue(n);
      return n.get("energy_required").longValue();
    });
  }

  /** A TRC20 balance in base units ({@code balanceOf}). */
  public BigInteger balanceOf(Address token, Address owner) {
    ConstantCallResult result =
        triggerConstantContract(owner, token, new Trc20Call.BalanceOf(owner).encode());
    return singleWord(result, "balanceOf");
  }

  /** A TRC20 token's decimals. */
  public int decimals(Address token) {
    ConstantCallResult result =
        triggerConstantContract(token, token, new Trc20Call.Decimals().encode());
    BigInteger decimals = singleWord(result, "decimals");
    if (decimals.compareTo(BigInteger.valueOf(77)) > 0) {
      throw new TronResponseException("decimals: " + decimals + " is not a plausible value", null);
    }
    return decimals.intValue();
  }

  private static BigInteger singleWord(ConstantCallResult result, String what) {
    if (result.reverted()) {
      throw new TronNodeException(TronNodeException.CONTRACT_EXE_ERROR, what + " reverted");
    }
    if (result.constantResult().size() != 1 || result.constantResult().get(0).length() != 64) {
      throw new TronResponseException(what + ": constant_result is not one 32-byte word", null);
    }
    return new BigInteger(result.constantResult().get(0), 16);
  }

  // ================================================================ node-built transactions

  /**
   * Has the node build a TRX transfer, then checks it against the request before returning it.
   *
   * @throws TronIntentMismatchException if the node's transaction does something else
   */
  public Transaction createTransaction(TransferContract intent) {
    String body = "{\"owner_address\":\"" + intent.owner().toHex() + "\",\"to_address\":\""
        + intent.to().toHex() + "\",\"amount\":" + intent.amount() + ",\"visible\":false}";
    Transaction tx = read(fullNodes, "/wallet/createtransaction", body, n -> {
      requireNoServletError(n);
      return TransactionJsonCodec.read(n);
    });
    checkIntent(tx, intent, 0);
    return tx;
  }

  /**
   * Has the node build a contract call (such as a TRC20 transfer), then checks owner, contract,
   * call data, call value and fee limit against the request before returning it.
   *
   * @throws TronIntentMismatchException if the node's transaction does something else
   */
  public Transaction triggerSmartContract(TriggerSmartContract intent, long feeLimit) {
    requireNonNegative("feeLimit", feeLimit);
    String body = "{\"owner_address\":\"" + intent.owner().toHex() + "\",\"contract_address\":\""
        + intent.contractAddress().toHex() + "\",\"data\":\""
        + HexFormat.of().formatHex(intent.data()) + "\",\"fee_limit\":" + feeLimit
        + ",\"call_value\":" + intent.callValue() + ",\"visible\":false}";
    Transaction tx = read(fullNodes, "/wallet/triggersmartcontract", body, n -> {
      requireResultTrue(n);
      return TransactionJsonCodec.read(n.get("transaction"));
    });
    checkIntent(tx, intent, feeLimit);
    return tx;
  }

  /** Compares what the node built, decoded from its raw bytes, with what was asked. */
  static void checkIntent(Transaction tx, Contract intent, long feeLimit) {
    Contract built = tx.rawData().contract();
    if (built.type() != intent.type()) {
      throw new TronIntentMismatchException("node built a " + built.type().protoName()
          + ", not a " + intent.type().protoName());
    }
    if (!built.owner().equals(intent.owner())) {
      throw mismatch("owner_address", built.owner(), intent.owner());
    }
    if (intent instanceof TransferContract) {
      TransferContract want = (TransferContract) intent;
      TransferContract got = (TransferContract) built;
      if (!got.to().equals(want.to())) {
        throw mismatch("to_address", got.to(), want.to());
      }
      if (got.amount() != want.amount()) {
        throw mismatch("amount", got.amount(), want.amount());
      }
    } else if (intent instanceof TriggerSmartContract) {
      TriggerSmartContract want = (TriggerSmartContract) intent;
      TriggerSmartContract got = (TriggerSmartContract) built;
      if (!got.contractAddress().equals(want.contractAddress())) {
        throw mismatch("contract_address", got.contractAddress(), want.contractAddress());
      }
      if (!java.util.Arrays.equals(got.data(), want.data())) {
        throw mismatch("data", HexFormat.of().formatHex(got.data()),
            HexFormat.of().formatHex(want.data()));
      }
      if (got.callValue() != want.callValue()) {
        throw mismatch("call_value", got.callValue(), want.callValue());
      }
      if (got.callTokenValue() != want.callTokenValue() || got.tokenId() != want.tokenId()) {
        throw mismatch("call_token_value", got.callTokenValue(), want.callTokenValue());
      }
      if (tx.rawData().feeLimit() != feeLimit) {
        throw mismatch("fee_limit", tx.rawData().feeLimit(), feeLimit);
      }
    } else if (!built.equals(intent)) {
      throw new TronIntentMismatchException("node built " + built + ", asked for " + intent);
    }
    if (!tx.signatures().isEmpty()) {
      throw new TronIntentMismatchException("node-built transaction is already signed");
    }
  }

  private static TronIntentMismatchException mismatch(String field, Object got, Object want) {
    return new TronIntentMismatchException("node-built transaction has " + field + " " + got
        + ", asked for " + want);
  }

  // ================================================================ broadcast

  /**
   * Broadcasts a signed transaction ({@code /wallet/broadcasttransaction}). Never retried: if the
   * answer is lost, the txID is looked up instead.
   *
   * @return {@code ACCEPTED}, {@code DUPLICATE} (the node already had it) or {@code
   *     FOUND_AFTER_LOST_RESPONSE}
   * @throws TronNodeException if the node refuses it (SIGERROR, TAPOS_ERROR, ...)
   * @throws TronBroadcastUnknownException if no answer came and the lookup did not find it
   */
  public BroadcastResult broadcastTransaction(Transaction tx) {
    return broadcast("/wallet/broadcasttransaction", TransactionJson.toJson(tx), tx.txId());
  }

  /** {@link #broadcastTransaction} with the protobuf bytes ({@code /wallet/broadcasthex}). */
  public BroadcastResult broadcastHex(String transactionHex) {
    Transaction tx;
    try {
      tx = Transaction.decode(HexFormat.of().parseHex(transactionHex));
    } catch (TransactionFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("transaction hex: " + e.getMessage());
    }
    return broadcast("/wallet/broadcasthex",
        "{\"transaction\":\"" + HexFormat.of().formatHex(tx.encode()) + "\"}", tx.txId());
  }

  private BroadcastResult broadcast(String path, String body, String txId) {
    HttpUrl node = fullNodes.get(Math.floorMod(currentNode.get(), fullNodes.size()));
    Attempt attempt;
    try {
      attempt = send(node, path, body, 1);
    } catch (IOException e) {
      return resolveLostBroadcast(txId, 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.incrementAndGet();
      throw new TronTransportException("interrupted while broadcasting " + txId, 0, e);
    }
    if (attempt.status != 200) {
      if (attempt.status == 429) {
        failures.incrementAndGet();
        throw new TronTransportException(path + ": HTTP 429, not accepted; retry later", 429,
            null);
      }
      return resolveLostBroadcast(txId, attempt.status, null);
    }
    JsonNode n = parseOrThrow(path, attempt.body);
    try {
      if (n.has("result") && n.get("result").bool()) {
        return new BroadcastResult(txId, BroadcastResult.Outcome.ACCEPTED);
      }
      String code = n.has("code") ? n.get("code").string() : TronNodeException.OTHER_ERROR;
      String message = n.has("message") ? NodeResponses.decodeMessage(n.get("message").string())
          : n.has("Error") ? n.get("Error").string() : "";
      if (code.equals(TronNodeException.DUP_TRANSACTION_ERROR)) {
        return new BroadcastResult(txId, BroadcastResult.Outcome.DUPLICATE);
      }
      failures.incrementAndGet();
      throw new TronNodeException(code, message);
    } catch (JsonShapeException e) {
      failures.incrementAndGet();
      throw new TronResponseException(path + ": " + e.getMessage(), e);
    }
  }

  private BroadcastResult resolveLostBroadcast(String txId, int status, Throwable cause) {
    LOG.warn("broadcast of {} got no usable answer (HTTP {}); looking it up", txId, status);
    try {
      if (getTransactionById(txId).isPresent()) {
        return new BroadcastResult(txId, BroadcastResult.Outcome.FOUND_AFTER_LOST_RESPONSE);
      }
    } catch (TronClientException lookupFailure) {
      LOG.warn("lookup of {} after a lost broadcast failed: {}", txId,
          lookupFailure.getMessage());
    }
    failures.incrementAndGet();
    throw new TronBroadcastUnknownException(txId, status, cause);
  }

  // ================================================================ TronGrid v1

  /**
   * One page of an account's TRC20 transfers from TronGrid.
   *
   * @param fingerprint the previous page's {@link Trc20TransferPage#nextFingerprint()}, or null
   *     for the first page
   */
  public Trc20TransferPage getTrc20Transfers(Address account, Trc20TransferQuery query,
      String fingerprint) {
    HttpUrl.Builder url = tronGrid.newBuilder()
        .addPathSegments("v1/accounts/" + account.toBase58() + "/transactions/trc20")
        .addQueryParameter("limit", Integer.toString(query.limit()));
    if (query.onlyTo()) {
      url.addQueryParameter("only_to", "true");
    }
    if (query.onlyFrom()) {
      url.addQueryParameter("only_from", "true");
    }
    if (query.onlyConfirmed()) {
      url.addQueryParameter("only_confirmed", "true");
    }
    if (query.minTimestamp() > 0) {
      url.addQueryParameter("min_timestamp", Long.toString(query.minTimestamp()));
    }
    if (query.contract() != null) {
      url.addQueryParameter("contract_address", query.contract().toBase58());
    }
    if (fingerprint != null) {
      url.addQueryParameter("fingerprint", fingerprint);
    }
    HttpUrl full = url.build();
    return readUrl(List.of(full), "/v1/accounts/{address}/transactions/trc20", null, n -> {
      if (n.has("success") && !n.get("success").bool()) {
        throw n.get("success").error("TronGrid reported failure");
      }
      List<Trc20Transfer> items = new ArrayList<>();
      for (JsonNode item : n.get("data").elements()) {
        items.add(NodeResponses.trc20Transfer(item));
      }
      String next = null;
      if (n.has("meta") && n.get("meta").has("fingerprint")) {
        next = n.get("meta").get("fingerprint").string();
      }
      return new Trc20TransferPage(items, next);
    });
  }

  /**
   * The account as TronGrid's {@code /v1/accounts/{address}} reports it, with its TRC20 balances;
   * empty if TronGrid knows no such account.
   */
  public Optional<TronGridAccount> getTronGridAccount(Address account) {
    Objects.requireNonNull(account, "account");
    HttpUrl url = tronGrid.newBuilder()
        .addPathSegments("v1/accounts/" + account.toBase58())
        .build();
    return readUrl(List.of(url), "/v1/accounts/{address}", null, n -> {
      if (n.has("success") && !n.get("success").bool()) {
        throw n.get("success").error("TronGrid reported failure");
      }
      List<JsonNode> data = n.get("data").elements();
      if (data.isEmpty()) {
        return Optional.<TronGridAccount>empty();
      }
      return Optional.of(NodeResponses.tronGridAccount(data.get(0)));
    });
  }

  /**
   * Every TRC20 transfer of {@code account} matching {@code query}, fetched page by page as the
   * iteration proceeds. Each page request keeps the query's filters and adds the fingerprint.
   */
  public Iterable<Trc20Transfer> trc20Transfers(Address account, Trc20TransferQuery query) {
    return () -> new Iterator<>() {
      private Iterator<Trc20Transfer> page = List.<Trc20Transfer>of().iterator();
      private String fingerprint;
      private boolean last;

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && !last) {
          Trc20TransferPage next = getTrc20Transfers(account, query, fingerprint);
          page = next.transfers().iterator();
          fingerprint = next.nextFingerprint();
          last = fingerprint == null || next.transfers().isEmpty();
        }
        return page.hasNext();
      }

      @Override
      public Trc20Transfer next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.next();
      }
    };
  }

  // ================================================================ async, stats, close

  /**
   * Runs {@code call} on this client's executor. The client's one async entry point: every call
   * can be made asynchronous, such as {@code client.async(c -> c.getNowBlock())}.
   */
  public <T> CompletableFuture<T> async(Function<TronClient, T> call) {
    Objects.requireNonNull(call, "call");
    return CompletableFuture.supplyAsync(() -> call.apply(this), asyncExecutor);
  }

  /** Counters since the client was built. */
  public ClientStats stats() {
    return new ClientStats(requests.get(), retries.get(), failures.get(), failovers.get());
  }

  /**
   * Stops the async executor and, if the client built its own OkHttp client, releases its
   * threads and connections. A host-supplied OkHttp client is left alone.
   */
  @Override
  public void close() {
    asyncExecutor.shutdownNow();
    if (ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "TronClient[fullNodes=" + fullNodes + ", solidityNode=" + solidityNode
        + ", apiKey=" + (apiKey == null ? "none" : "<redacted>") + "]";
  }

  // ================================================================ the HTTP core

  /** One HTTP exchange's outcome. */
  private static final class Attempt {
    final int status;
    final String body;
    final String retryAfter;

    Attempt(int status, String body, String retryAfter) {
      this.status = status;
      this.body = body;
      this.retryAfter = retryAfter;
    }
  }

  /** What a response parser may throw besides its result. */
  @FunctionalInterface
  private interface Parser<T> {
    T parse(JsonNode node);
  }

  private List<HttpUrl> solidityNodes() {
    return solidityNode != null ? List.of(solidityNode) : fullNodes;
  }

  private <T> T read(List<HttpUrl> nodes, String path, String body, Parser<T> parser) {
    List<HttpUrl> urls = new ArrayList<>(nodes.size());
    for (HttpUrl node : nodes) {
      urls.add(node.newBuilder().addPathSegments(path.substring(1)).build());
    }
    return readUrl(urls, path, body, parser);
  }

  /**
   * A read: retried with backoff on retryable failures, moving to the next endpoint each time.
   * {@code body} null means GET.
   */
  private <T> T readUrl(List<HttpUrl> urls, String what, String body, Parser<T> parser) {
    int maxAttempts = retryPolicy.maxAttempts();
    TronTransportException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      int index = urls.size() == 1 ? 0 : Math.floorMod(currentNode.get(), urls.size());
      HttpUrl url = urls.get(index);
      if (attempt > 1) {
        retries.incrementAndGet();
      }
      long waitMillis;
      try {
        Attempt result = send(url, null, body, attempt);
        if (result.status == 200) {
          JsonNode node = parseOrThrow(what, result.body);
          throwIfServletError(what, node);
          try {
            return parser.parse(node);
          } catch (JsonShapeException | TransactionFormatException e) {
            failures.incrementAndGet();
            throw new TronResponseException(what + ": " + e.getMessage(), e);
          }
        }
        last = new TronTransportException(what + ": HTTP " + result.status + " from "
            + url.host(), result.status, null);
        if (!isRetryable(result)) {
          failures.incrementAndGet();
          throw last;
        }
        waitMillis = backoffMillis(attempt, result.retryAfter);
        if (waitMillis < 0) {
          failures.incrementAndGet();
          throw new TronTransportException(what + ": HTTP " + result.status
              + " asks to retry after more than " + retryPolicy.maxRetryAfter(), result.status,
              null);
        }
      } catch (InterruptedIOException e) {
        last = new TronTransportException(what + ": timed out on " + url.host(), 0, e);
        waitMillis = backoffMillis(attempt, null);
      } catch (IOException e) {
        last = new TronTransportException(what + ": " + e.getClass().getSimpleName() + " on "
            + url.host(), 0, e);
        waitMillis = backoffMillis(attempt, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.incrementAndGet();
        throw new TronTransportException(what + ": interrupted", 0, e);
      } catch (TronClientException e) {
        throw e;
      }
      if (attempt == maxAttempts) {
        break;
      }
      if (urls.size() > 1) {
        currentNode.incrementAndGet();
        failovers.incrementAndGet();
        LOG.debug("{}: failing over from {}", what, url.host());
      }
      try {
        sleeper.sleep(waitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.incrementAndGet();
        throw new TronTransportException(what + ": interrupted", 0, e);
      }
    }
    failures.incrementAndGet();
    throw last;
  }

  private Attempt send(HttpUrl base, String path, String body, int attempt)
      throws IOException, InterruptedException {
    HttpUrl url = path == null ? base : base.newBuilder().addPathSegments(path.substring(1))
        .build();
    if (rateLimiter != null) {
      rateLimiter.acquire();
    }
    Request.Builder request = new Request.Builder().url(url)
        .header("Accept", "application/json");
    if (apiKey != null) {
      request.header(API_KEY_HEADER, apiKey);
    }
    if (body == null) {
      request.get();
    } else {
      request.post(RequestBody.create(body, JSON));
    }
    requests.incrementAndGet();
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} attempt {} ({}: {})", body == null ? "GET" : "POST", url.redact(),
          attempt, API_KEY_HEADER, apiKey == null ? "none" : "<redacted>");
    }
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody.string();
      LOG.debug("HTTP {} from {} ({} chars)", response.code(), url.host(), text.length());
      return new Attempt(response.code(), text, response.header("Retry-After"));
    }
  }

  private static boolean isRetryable(Attempt attempt) {
    int status = attempt.status;
    if (status == 429 || status >= 500) {
      return true;
    }
    // TronGrid answers 403 when a key or IP exceeds its rate; other 403s are final.
    return status == 403 && attempt.body.toLowerCase(Locale.ROOT).contains("limit");
  }

  /** Full jitter over the exponential ceiling, or Retry-After; -1 if that is too long. */
  private long backoffMillis(int attempt, String retryAfter) {
    if (retryAfter != null) {
      long millis = parseRetryAfterMillis(retryAfter);
      if (millis >= 0) {
        return millis > retryPolicy.maxRetryAfter().toMillis() ? -1 : millis;
      }
    }
    long ceiling = retryPolicy.initialBackoff().toMillis();
    for (int i = 1; i < attempt && ceiling < retryPolicy.maxBackoff().toMillis(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, retryPolicy.maxBackoff().toMillis());
    return ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
  }

  /** Retry-After as delay-seconds or an HTTP date; -1 if it is neither. */
  static long parseRetryAfterMillis(String value) {
    String v = value.trim();
    if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9') && v.length() < 10) {
      return Long.parseLong(v) * 1000;
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Math.max(0, Duration.between(ZonedDateTime.now(when.getZone()), when).toMillis());
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  private JsonNode parseOrThrow(String what, String body) {
    try {
      return JsonNode.parse(body, "");
    } catch (JsonShapeException e) {
      failures.incrementAndGet();
      throw new TronResponseException(what + ": " + e.getMessage(), e);
    }
  }

  /** java-tron's servlets answer failures with HTTP 200 and {@code {"Error": "..."}}. */
  private void throwIfServletError(String what, JsonNode node) {
    if (node.isObject() && node.has("Error")) {
      failures.incrementAndGet();
      JsonNode error = node.get("Error");
      throw new TronNodeException(TronNodeException.OTHER_ERROR,
          error.isString() ? error.string() : error.kind());
    }
  }

  private static void requireNoServletError(JsonNode node) {
    if (node.isObject() && node.has("Error")) {
      throw new TronNodeException(TronNodeException.OTHER_ERROR, node.get("Error").string());
    }
  }

  /** Contract endpoints answer {@code {"result":{"result":true}}} or a code and hex message. */
  private static void requireResultTrue(JsonNode node) {
    JsonNode result = node.get("result");
    if (result.has("result") && result.get("result").bool()) {
      return;
    }
    String code = result.has("code") ? result.get("code").string() : TronNodeException.OTHER_ERROR;
    String message = result.has("message")
        ? NodeResponses.decodeMessage(result.get("message").string()) : "";
    throw new TronNodeException(code, message);
  }

  private static boolean isEmptyObject(JsonNode node) {
    return node.isObject() && node.keys().isEmpty();
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new InvalidRequestException(name + " must not be negative, got " + value);
    }
  }

  private static String requireTxId(String txId) {
    Objects.requireNonNull(txId, "txId");
    String id = txId.toLowerCase(Locale.ROOT);
    if (id.length() != 64 || !id.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new InvalidRequestException("txId must be 64 hex digits");
    }
    return id;
  }

  // ================================================================ builder

  /** Configures a {@link TronClient}. */
  public static final class Builder {
    private final List<HttpUrl> fullNodes = new ArrayList<>();
    private HttpUrl solidityNode;
    private HttpUrl tronGrid;
    private String apiKey;
    private OkHttpClient httpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(20);
    private Duration callTimeout = Duration.ofSeconds(30);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private int requestsPerSecond;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    /** Adds a full-node URL; several give failover, tried in the order added. */
    public Builder fullNode(String url) {
      fullNodes.add(parseUrl(url, "full node"));
      return this;
    }

    /** The solidity node, for solidified reads; without it the full node's path is used. */
    public Builder solidityNode(String url) {
      this.solidityNode = parseUrl(url, "solidity node");
      return this;
    }

    /** The TronGrid base URL for {@code /v1} calls; defaults to the first full node. */
    public Builder tronGrid(String url) {
      this.tronGrid = parseUrl(url, "TronGrid");
      return this;
    }

    /** The API key, sent as {@value TronClient#API_KEY_HEADER}; never logged. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** A host-supplied OkHttp client; the timeouts here are applied on a derived copy. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Connection timeout (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Read timeout between bytes (default 20 s). */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Whole-call timeout per attempt (default 30 s). */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** How reads are retried (default {@link RetryPolicy#DEFAULT}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Caps the request rate with a token bucket; 0 (the default) means no cap. */
    public Builder requestsPerSecond(int requestsPerSecond) {
      if (requestsPerSecond < 0) {
        throw new InvalidRequestException("requestsPerSecond must not be negative");
      }
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    /** Replaces waiting, so tests can observe backoff without sleeping. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws InvalidRequestException if no full-node URL was given
     */
    public TronClient build() {
      if (fullNodes.isEmpty()) {
        throw new InvalidRequestException("at least one full-node URL is required");
      }
      return new TronClient(this);
    }

    private static HttpUrl parseUrl(String url, String what) {
      HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, what + " url"));
      if (parsed == null) {
        throw new InvalidRequestException(what + " URL is not an http(s) URL");
      }
      return parsed;
    }
  }
}

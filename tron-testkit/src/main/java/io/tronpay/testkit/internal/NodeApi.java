package io.tronpay.testkit.internal;

import io.tronpay.client.TransactionJson;
import io.tronpay.core.Address;
import io.tronpay.core.AddressFormatException;
import io.tronpay.core.abi.AbiFormatException;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransactionFormatException;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.testkit.internal.Json.JsonSyntaxException;
import io.tronpay.testkit.internal.World.AccountState;
import io.tronpay.testkit.internal.World.Permission;
import io.tronpay.testkit.internal.World.TokenState;
import io.tronpay.testkit.internal.World.Unfreezing;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the node HTTP API ({@code /wallet/*}, {@code /walletsolidity/*}) and TronGrid v1 from a
 * {@link Chain}, in the JSON shapes the real services use, after applying scripted faults.
 */
public final class NodeApi extends Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(NodeApi.class);
  private static final HexFormat HEX = HexFormat.of();
  private static final Set<String> ADDRESS_KEYS = Set.of("owner_address", "to_address",
      "contract_address", "receiver_address", "address", "witness_address", "vote_address",
      "caller_address", "transferTo_address", "origin_address");
  private static final Set<String> SOLIDITY_PATHS = Set.of("getnowblock", "getblockbynum",
      "getblockbylimitnext", "getblockbylatestnum", "gettransactionbyid",
      "gettransactioninfobyid", "gettransactioninfobyblocknum", "getaccount",
      "getaccountresource", "triggerconstantcontract", "estimateenergy", "getchainparameters");
  private static final int BLOCK_VERSION = 30;
  private static final long EXPIRATION_WINDOW_MS = 60_000L;

  private final Chain chain;
  private final FaultPlan faults;
  private volatile Runnable afterDispatch = () -> { };

  /** An API over {@code chain} with {@code faults}. */
  public NodeApi(Chain chain, FaultPlan faults) {
    this.chain = chain;
    this.faults = faults;
  }

  /** Runs after each request; DevNode drains MockWebServer's request log with it. */
  public void afterDispatch(Runnable hook) {
    this.afterDispatch = hook;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    try {
      return answer(request);
    } finally {
      afterDispatch.run();
    }
  }

  private MockResponse answer(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    int limited = faults.rateLimited();
    if (limited != 0) {
      return new MockResponse.Builder().code(limited)
          .setHeader("Retry-After", Long.toString(faults.retryAfterSeconds()))
          .setHeader("Content-Type", "application/json")
          .body(Json.write(Json.obj("Error", "rate limit exceeded")))
          .build();
    }
    FaultPlan.Scripted fault = faults.next(path);
    MockResponse response = route(request, url, path);
    if (fault == null) {
      return response;
    }
    switch (fault.kind()) {
      case FAIL:
        return new MockResponse.Builder().code(fault.status())
            .setHeader("Content-Type", "text/html;charset=iso-8859-1")
            .body(errorPage(fault.status(), "Server Error"))
            .build();
      case DELAY:
        return response.newBuilder().headersDelay(fault.delayMillis(), TimeUnit.MILLISECONDS)
            .build();
      case MALFORMED:
        String body = response.getBody() == null ? "{}" : bodyText(response);
        return response.newBuilder().body(body.substring(0, Math.max(1, body.length() / 2)))
            .build();
      case DISCONNECT:
        return response.newBuilder()
            .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
      default:
        return response;
    }
  }

  private static String bodyText(MockResponse response) {
    okio.Buffer buffer = new okio.Buffer();
    try {
      response.getBody().writeTo(buffer);
    } catch (java.io.IOException e) {
      return "{}";
    }
    return buffer.readUtf8();
  }

  private MockResponse route(RecordedRequest request, HttpUrl url, String path) {
    Map<String, Object> params;
    try {
      params = params(request, url);
    } catch (JsonSyntaxException e) {
      return error("org.tron.json.JSONException", e.getMessage());
    }
    try {
      if (path.startsWith("/wallet/")) {
        return wallet(path.substring("/wallet/".length()), params, false);
      }
      if (path.startsWith("/walletsolidity/")) {
        String name = path.substring("/walletsolidity/".length());
        if (SOLIDITY_PATHS.contains(name)) {
          return wallet(name, params, true);
        }
      }
      if (path.startsWith("/v1/accounts/")) {
        return tronGrid(path.substring("/v1/accounts/".length()), url);
      }
    } catch (AddressFormatException | TransactionFormatException | AbiFormatException
        | JsonSyntaxException e) {
      return error(e.getClass().getName(), e.getMessage());
    } catch (RuntimeException e) {
      log.warn("DevNode failed on {}", path, e);
      return error(e.getClass().getName(), e.getMessage());
    }
    return new MockResponse.Builder().code(404)
        .setHeader("Content-Type", "text/html;charset=iso-8859-1")
        .body(errorPage(404, "Not Found"))
        .build();
  }

  /** Jetty's error page, which java-tron's HTTP server sends for unknown paths. */
  private static String errorPage(int code, String reason) {
    return "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
        + "<title>Error " + code + " " + reason + "</title>\n</head>\n<body><h2>HTTP ERROR "
        + code + " " + reason + "</h2>\n</body>\n</html>\n";
  }

  private static Map<String, Object> params(RecordedRequest request, HttpUrl url) {
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    if (!body.isBlank()) {
      return Json.asObject(Json.parse(body), "request body");
    }
    Map<String, Object> map = Json.obj();
    for (String name : url.queryParameterNames()) {
      map.put(name, url.queryParameter(name));
    }
    return map;
  }

  private static MockResponse json(Object body) {
    return new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json")
        .body(Json.write(body))
        .build();
  }

  private static MockResponse error(String exceptionClass, String message) {
    return json(Json.obj("Error", "class " + exceptionClass + " : " + message));
  }

  // ---- /wallet ------------------------------------------------------------------------------

  private MockResponse wallet(String name, Map<String, Object> p, boolean solidity) {
    boolean visible = Json.bool(p, "visible");
    Block head = solidity ? solidHead() : visibleHead();
    switch (name) {
      case "getnowblock":
        return json(blockJson(head, visible));
      case "getblockbynum": {
        Block b = blockUpTo(Json.number(p, "num", 0), head);
        return json(b == null ? Json.obj() : blockJson(b, visible));
      }
      case "getblockbyid": {
        Block b = chain.blockById(HEX.parseHex(Json.string(p, "value")));
        return json(b == null || b.number() > head.number() ? Json.obj() : blockJson(b, visible));
      }
      case "getblockbylimitnext": {
        long start = Json.number(p, "startNum", 0);
        long end = Math.min(Json.number(p, "endNum", 0), head.number() + 1);
        return json(blockList(start, end, visible));
      }
      case "getblockbylatestnum": {
        long num = Json.number(p, "num", 0);
        return json(blockList(Math.max(0, head.number() - num + 1), head.number() + 1,
            visible));
      }
      case "gettransactionbyid": {
        Chain.TxRef ref = chain.find(txId(p));
        return json(ref == null || ref.block().number() > head.number() ? Json.obj()
            : txJson(ref.outcome(), visible));
      }
      case "gettransactioninfobyid": {
        Chain.TxRef ref = chain.find(txId(p));
        return json(ref == null || ref.block().number() > head.number() ? Json.obj()
            : infoJson(ref.block(), ref.outcome()));
      }
      case "gettransactioninfobyblocknum": {
        Block b = blockUpTo(Json.number(p, "num", 0), head);
        List<Object> infos = new ArrayList<>();
        if (b != null) {
          for (Outcome o : b.outcomes()) {
            infos.add(infoJson(b, o));
          }
        }
        return json(infos);
      }
      case "getaccount": {
        AccountState a = chain.stateAt(head.number()).account(address(p, "address", visible));
        return json(a == null ? Json.obj() : visible(accountJson(a, head.timestamp()), visible));
      }
      case "getaccountresource": {
        Address address = address(p, "address", visible);
        AccountState a = chain.stateAt(head.number()).account(address);
        return json(resourceJson(a, head.timestamp()));
      }
      case "getchainparameters":
        return json(chainParameters());
      case "triggerconstantcontract":
      case "estimateenergy":
      case "triggersmartcontract":
        return trigger(name, p, visible, head);
      case "createtransaction":
        return createTransaction(p, visible);
      case "broadcasttransaction":
        return broadcastJson(p);
      case "broadcasthex":
        return broadcastHex(p);
      default:
        return new MockResponse.Builder().code(404)
            .setHeader("Content-Type", "text/html;charset=iso-8859-1")
            .body(errorPage(404, "Not Found"))
            .build();
    }
  }

  private Block visibleHead() {
    Long stale = faults.staleHead();
    Block head = chain.head();
    if (stale != null && stale < head.number()) {
      return chain.block(stale);
    }
    return head;
  }

  private Block solidHead() {
    Block solid = chain.solidHead();
    Block head = visibleHead();
    return solid.number() <= head.number() ? solid : head;
  }

  private Block blockUpTo(long number, Block head) {
    return number > head.number() ? null : chain.block(number);
  }

  private Map<String, Object> blockList(long start, long end, boolean visible) {
    List<Object> list = new ArrayList<>();
    for (long n = Math.max(0, start); n < end && list.size() < 100; n++) {
      list.add(blockJson(chain.block(n), visible));
    }
    return list.isEmpty() ? Json.obj() : Json.obj("block", list);
  }

  private static String txId(Map<String, Object> p) {
    String value = Json.string(p, "value");
    if (value == null || value.length() != 64) {
      throw new JsonSyntaxException("value must be a 32-byte transaction id in hex");
    }
    return value.toLowerCase(java.util.Locale.ROOT);
  }

  private static Address address(Map<String, Object> p, String key, boolean visible) {
    String text = Json.string(p, key);
    if (text == null) {
      throw new JsonSyntaxException(key + " is required");
    }
    return visible ? Address.fromBase58(text) : Address.fromHex(text);
  }

  // ---- JSON shapes ----------------------------------------------------------------------------

  /** A block as {@code getnowblock} prints it; empty blocks have no transactions key. */
  private Map<String, Object> blockJson(Block b, boolean visible) {
    Map<String, Object> raw = Json.obj();
    Json.putNonZero(raw, "number", b.number());
    raw.put("txTrieRoot", HEX.formatHex(b.txTrieRoot()));
    raw.put("witness_address", b.witness().toHex());
    raw.put("parentHash", HEX.formatHex(b.parentId()));
    raw.put("version", BLOCK_VERSION);
    raw.put("timestamp", b.timestamp());
    Map<String, Object> block = Json.obj("blockID", b.idHex(), "block_header",
        Json.obj("raw_data", raw, "witness_signature", chain.witnessSignature(b)));
    if (!b.outcomes().isEmpty()) {
      List<Object> txs = new ArrayList<>();
      for (Outcome o : b.outcomes()) {
        txs.add(txJson(o, false));
      }
      block.put("transactions", txs);
    }
    return visible(block, visible);
  }

  /** A mined transaction as {@code gettransactionbyid} and blocks print it. */
  private Map<String, Object> txJson(Outcome o, boolean visible) {
    Map<String, Object> node = Json.asObject(Json.parse(TransactionJson.toJson(o.tx)), "tx");
    Map<String, Object> out = Json.obj();
    out.put("ret", List.of(Json.obj("contractRet", o.contractRet)));
    out.put("signature", node.getOrDefault("signature", List.of()));
    out.put("txID", node.get("txID"));
    out.put("raw_data", node.get("raw_data"));
    out.put("raw_data_hex", node.get("raw_data_hex"));
    return visible(out, visible);
  }

  /** An unsigned transaction as the build endpoints return it. */
  private static Map<String, Object> unsignedJson(Transaction tx, boolean visible) {
    Map<String, Object> node = Json.asObject(Json.parse(TransactionJson.toJson(tx)), "tx");
    Map<String, Object> out = Json.obj();
    out.put("visible", visible);
    out.put("txID", node.get("txID"));
    out.put("raw_data", node.get("raw_data"));
    out.put("raw_data_hex", node.get("raw_data_hex"));
    return visible(out, visible);
  }

  /** A transaction info as {@code gettransactioninfobyid} prints it (hex addresses always). */
  private Map<String, Object> infoJson(Block b, Outcome o) {
    Map<String, Object> info = Json.obj();
    info.put("id", o.tx.txId());
    Json.putNonZero(info, "fee", o.fee);
    Json.putNonZero(info, "blockNumber", b.number());
    info.put("blockTimeStamp", b.timestamp());
    info.put("contractResult", List.of(o.contractResultHex));
    if (o.contractAddress != null) {
      info.put("contract_address", o.contractAddress.toHex());
    }
    Map<String, Object> receipt = Json.obj();
    Json.putNonZero(receipt, "energy_usage", o.energyUsage);
    Json.putNonZero(receipt, "energy_fee", o.energyFee);
    Json.putNonZero(receipt, "energy_usage_total", o.energyUsageTotal);
    Json.putNonZero(receipt, "net_usage", o.netUsage);
    Json.putNonZero(receipt, "net_fee", o.netFee);
    if (o.receiptResult != null) {
      receipt.put("result", o.receiptResult);
    }
    info.put("receipt", receipt);
    if (!o.logs.isEmpty()) {
      List<Object> logs = new ArrayList<>();
      for (Outcome.Log l : o.logs) {
        List<Object> topics = new ArrayList<>();
        for (byte[] t : l.topics()) {
          topics.add(HEX.formatHex(t));
        }
        logs.add(Json.obj("address", HEX.formatHex(l.address().accountId()), "topics", topics,
            "data", HEX.formatHex(l.data())));
      }
      info.put("log", logs);
    }
    if (!o.succeeded()) {
      info.put("result", "FAILED");
      info.put("resMessage", HEX.formatHex(o.resMessage.getBytes(StandardCharsets.UTF_8)));
    }
    Json.putNonZero(info, "unfreeze_amount", o.unfreezeAmount);
    Json.putNonZero(info, "withdraw_amount", o.withdrawAmount);
    if (!o.internalCalls.isEmpty()) {
      List<Object> calls = new ArrayList<>();
      for (Outcome.InternalCall c : o.internalCalls) {
        calls.add(Json.obj("hash", HEX.formatHex(c.hash()), "caller_address", c.caller().toHex(),
            "transferTo_address", c.to().toHex(), "callValueInfo", List.of(Json.obj()),
            "note", HEX.formatHex("call".getBytes(StandardCharsets.UTF_8))));
      }
      info.put("internal_transactions", calls);
    }
    Json.putNonZero(info, "withdraw_expire_amount", o.withdrawExpireAmount);
    if (!o.cancelUnfreezeAmounts.isEmpty()) {
      List<Object> amounts = new ArrayList<>();
      o.cancelUnfreezeAmounts.forEach((k, v) -> amounts.add(Json.obj("key", k, "value", v)));
      info.put("cancel_unfreezeV2_amount", amounts);
    }
    return info;
  }

  private Map<String, Object> accountJson(AccountState a, long now) {
    Map<String, Object> m = Json.obj();
    m.put("address", a.address.toHex());
    Json.putNonZero(m, "balance", a.balance);
    if (!a.votes.isEmpty()) {
      List<Object> votes = new ArrayList<>();
      a.votes.forEach((w, c) -> votes.add(Json.obj("vote_address", w.toHex(), "vote_count", c)));
      m.put("votes", votes);
    }
    m.put("create_time", a.createTime);
    Json.putNonZero(m, "allowance", a.allowance);
    Json.putNonZero(m, "latest_withdraw_time", a.latestWithdrawTime);
    m.put("latest_opration_time", a.latestOperationTime);
    Json.putNonZero(m, "net_usage", Executor.recovered(a.netUsed, a.latestNetTime, now));
    Json.putNonZero(m, "free_net_usage",
        Executor.recovered(a.freeNetUsed, a.latestFreeNetTime, now));
    Json.putNonZero(m, "latest_consume_time", a.latestNetTime);
    Json.putNonZero(m, "latest_consume_free_time", a.latestFreeNetTime);
    m.put("net_window_size", 28_800_000L);
    m.put("net_window_optimized", true);
    Map<String, Object> resource = Json.obj();
    Json.putNonZero(resource, "energy_usage",
        Executor.recovered(a.energyUsed, a.latestEnergyTime, now));
    Json.putNonZero(resource, "latest_consume_time_for_energy", a.latestEnergyTime);
    Json.putNonZero(resource, "delegated_frozenV2_balance_for_energy", a.delegatedEnergy);
    Json.putNonZero(resource, "acquired_delegated_frozenV2_balance_for_energy",
        a.acquiredEnergy);
    resource.put("energy_window_size", 28_800_000L);
    resource.put("energy_window_optimized", true);
    m.put("account_resource", resource);
    m.put("owner_permission", permissionJson(a.owner, false));
    List<Object> active = new ArrayList<>();
    for (Permission p : a.active) {
      active.add(permissionJson(p, true));
    }
    m.put("active_permission", active);
    Map<String, Object> bandwidth = Json.obj();
    Json.putNonZero(bandwidth, "amount", a.frozenBandwidth);
    Map<String, Object> energy = Json.obj("type", "ENERGY");
    Json.putNonZero(energy, "amount", a.frozenEnergy);
    m.put("frozenV2", List.of(bandwidth, energy, Json.obj("type", "TRON_POWER")));
    if (!a.unfreezing.isEmpty()) {
      List<Object> list = new ArrayList<>();
      for (Unfreezing u : a.unfreezing) {
        Map<String, Object> item = Json.obj();
        if (u.resource() != io.tronpay.core.tx.ResourceCode.BANDWIDTH) {
          item.put("type", u.resource().name());
        }
        item.put("unfreeze_amount", u.amount());
        item.put("unfreeze_expire_time", u.expireTime());
        list.add(item);
      }
      m.put("unfrozenV2", list);
    }
    Json.putNonZero(m, "delegated_frozenV2_balance_for_bandwidth", a.delegatedBandwidth);
    Json.putNonZero(m, "acquired_delegated_frozenV2_balance_for_bandwidth",
        a.acquiredBandwidth);
    return m;
  }

  private static Map<String, Object> permissionJson(Permission p, boolean active) {
    Map<String, Object> m = Json.obj();
    if (active) {
      m.put("type", "Active");
      m.put("id", p.id());
    }
    m.put("permission_name", p.name());
    m.put("threshold", p.threshold());
    if (active) {
      m.put("operations", "7fff1fc0033efb0f000000000000000000000000000000000000000000000000");
    }
    List<Object> keys = new ArrayList<>();
    p.keys().forEach((k, w) -> keys.add(Json.obj("address", k.toHex(), "weight", w)));
    m.put("keys", keys);
    return m;
  }

  private Map<String, Object> resourceJson(AccountState a, long now) {
    Params params = chain.params();
    Map<String, Object> m = Json.obj();
    if (a != null) {
      Json.putNonZero(m, "freeNetUsed",
          Executor.recovered(a.freeNetUsed, a.latestFreeNetTime, now));
    }
    m.put("freeNetLimit", params.freeNetLimit());
    if (a != null) {
      Json.putNonZero(m, "NetUsed", Executor.recovered(a.netUsed, a.latestNetTime, now));
      Json.putNonZero(m, "NetLimit", params.netLimit(a.frozenBandwidth + a.acquiredBandwidth));
    }
    m.put("TotalNetLimit", params.totalNetLimit());
    m.put("TotalNetWeight", params.totalNetWeight());
    if (a != null) {
      Json.putNonZero(m, "tronPowerUsed",
          a.votes.values().stream().mapToLong(Long::longValue).sum());
      Json.putNonZero(m, "tronPowerLimit", a.tronPowerSun() / 1_000_000L);
      Json.putNonZero(m, "EnergyUsed", Executor.recovered(a.energyUsed, a.latestEnergyTime, now));
      Json.putNonZero(m, "EnergyLimit", params.energyLimit(a.frozenEnergy + a.acquiredEnergy));
    }
    m.put("TotalEnergyLimit", params.totalEnergyLimit());
    m.put("TotalEnergyWeight", params.totalEnergyWeight());
    return m;
  }

  private Map<String, Object> chainParameters() {
    Params p = chain.params();
    List<Object> list = new ArrayList<>();
    list.add(Json.obj("key", "getMaintenanceTimeInterval", "value", 21_600_000L));
    list.add(Json.obj("key", "getCreateAccountFee", "value", p.createAccountFeeSun()));
    list.add(Json.obj("key", "getTransactionFee", "value", p.bandwidthPriceSun()));
    list.add(Json.obj("key", "getCreateNewAccountFeeInSystemContract", "value",
        p.createNewAccountFeeInSystemContractSun()));
    list.add(Json.obj("key", "getCreateNewAccountBandwidthRate", "value", 1L));
    list.add(Json.obj("key", "getAllowCreationOfContracts", "value", 1L));
    list.add(Json.obj("key", "getEnergyFee", "value", p.energyPriceSun()));
    list.add(Json.obj("key", "getAllowUpdateAccountName"));
    list.add(Json.obj("key", "getAllowDelegateResource", "value", 1L));
    list.add(Json.obj("key", "getTotalEnergyLimit", "value", p.totalEnergyLimit()));
    list.add(Json.obj("key", "getAllowMultiSign", "value", 1L));
    list.add(Json.obj("key", "getMaxFeeLimit", "value", p.maxFeeLimitSun()));
    list.add(Json.obj("key", "getFreeNetLimit", "value", p.freeNetLimit()));
    list.add(Json.obj("key", "getTotalNetLimit", "value", p.totalNetLimit()));
    list.add(Json.obj("key", "getMemoFee", "value", p.memoFeeSun()));
    list.add(Json.obj("key", "getUnfreezeDelayDays", "value", p.unfreezeDelayDays()));
    list.add(Json.obj("key", "getAllowCancelAllUnfreezeV2", "value", 1L));
    list.add(Json.obj("key", "getMaxDelegateLockPeriod", "value", 864_000L));
    return Json.obj("chainParameter", list);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> visible(Map<String, Object> tree, boolean visible) {
    if (visible) {
      toBase58((Object) tree, null);
    }
    return tree;
  }

  @SuppressWarnings("unchecked")
  private static Object toBase58(Object node, String key) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        e.setValue(toBase58(e.getValue(), e.getKey()));
      }
      return node;
    }
    if (node instanceof List<?> list) {
      List<Object> items = (List<Object>) list;
      List<Object> copy = new ArrayList<>(items.size());
      for (Object item : items) {
        copy.add(toBase58(item, key));
      }
      return copy;
    }
    if (node instanceof String s && key != null && ADDRESS_KEYS.contains(key)
        && s.length() == 42 && s.startsWith("41")) {
      return Address.fromHex(s).toBase58();
    }
    return node;
  }

  // ---- contracts ------------------------------------------------------------------------------

  private MockResponse trigger(String name, Map<String, Object> p, boolean visible, Block head) {
    Address owner = address(p, "owner_address", visible);
    Address contract = address(p, "contract_address", visible);
    byte[] data;
    String selector = Json.string(p, "function_selector");
    if (selector != null) {
      byte[] sel = java.util.Arrays.copyOf(io.tronpay.core.Hashes.keccak256(
          selector.getBytes(StandardCharsets.US_ASCII)), 4);
      String parameter = Json.string(p, "parameter");
      byte[] args = parameter == null ? new byte[0] : HEX.parseHex(parameter);
      data = new byte[4 + args.length];
      System.arraycopy(sel, 0, data, 0, 4);
      System.arraycopy(args, 0, data, 4, args.length);
    } else {
      String hex = Json.string(p, "data");
      data = hex == null ? new byte[0] : HEX.parseHex(hex);
    }
    long callValue = Json.number(p, "call_value", 0);
    long feeLimit = Json.number(p, "fee_limit", 0);
    TriggerSmartContract call = new TriggerSmartContract(owner, contract, callValue, data, 0, 0);
    RawData raw = RawData.builder().referenceBlock(head.number(), head.id())
        .expiration(head.timestamp() + EXPIRATION_WINDOW_MS).timestamp(head.timestamp())
        .feeLimit(feeLimit).contract(call).build();
    Transaction tx = Transaction.of(raw);
    if (!chain.stateAt(head.number()).isContract(contract)) {
      return json(Json.obj("result", Json.obj("code", "CONTRACT_VALIDATE_ERROR",
          "message", hexText("Smart contract is not exist."))));
    }
    if (name.equals("triggersmartcontract")) {
      return json(Json.obj("result", Json.obj("result", true),
          "transaction", unsignedJson(tx, visible)));
    }
    Outcome simulated = simulate(tx, head);
    if (name.equals("estimateenergy")) {
      if (!simulated.succeeded()) {
        return json(Json.obj("result", Json.obj("code", "CONTRACT_EXE_ERROR",
            "message", hexText(simulated.resMessage))));
      }
      return json(Json.obj("result", Json.obj("result", true),
          "energy_required", simulated.energyUsageTotal));
    }
    Map<String, Object> result = Json.obj("result", true);
    if (!simulated.succeeded()) {
      result = Json.obj("code", "CONTRACT_EXE_ERROR", "message", hexText(simulated.resMessage));
    }
    Map<String, Object> txJson = Json.obj("ret", List.of(Json.obj()));
    txJson.putAll(unsignedJson(tx, visible));
    return json(Json.obj("result", result, "energy_used", simulated.energyUsageTotal,
        "constant_result", List.of(simulated.contractResultHex), "transaction", txJson));
  }

  /** Runs a call on a copy of the state, paying from a generous budget, and discards it. */
  private Outcome simulate(Transaction tx, Block head) {
    World scratch = chain.stateAt(head.number()).copy();
    Address owner = tx.rawData().contract().owner();
    AccountState a = scratch.activate(owner, head.timestamp());
    a.balance = Math.max(a.balance, chain.params().maxFeeLimitSun());
    RawData generous = tx.rawData().toBuilder().feeLimit(chain.params().maxFeeLimitSun())
        .build();
    try {
      return chain.executor().execute(scratch, Transaction.of(generous), head.timestamp());
    } catch (Rejection e) {
      Outcome failed = new Outcome(tx);
      failed.contractRet = "REVERT";
      failed.resMessage = e.getMessage();
      return failed;
    }
  }

  private MockResponse createTransaction(Map<String, Object> p, boolean visible) {
    Block head = chain.head();
    Address owner = address(p, "owner_address", visible);
    Address to = address(p, "to_address", visible);
    long amount = Json.number(p, "amount", 0);
    AccountState a = chain.pendingState().account(owner);
    if (a == null) {
      return error("java.lang.IllegalArgumentException",
          "Contract validate error : Validate TransferContract error, no OwnerAccount.");
    }
    if (amount <= 0) {
      return error("java.lang.IllegalArgumentException",
          "Contract validate error : Amount must be greater than 0.");
    }
    if (a.balance < amount) {
      return error("java.lang.IllegalArgumentException",
          "Contract validate error : Validate TransferContract error, balance is not "
              + "sufficient.");
    }
    RawData raw = RawData.builder().referenceBlock(head.number(), head.id())
        .expiration(head.timestamp() + EXPIRATION_WINDOW_MS).timestamp(head.timestamp())
        .contract(new TransferContract(owner, to, amount)).build();
    return json(unsignedJson(Transaction.of(raw), visible));
  }

  private MockResponse broadcastJson(Map<String, Object> p) {
    Transaction tx = TransactionJson.fromJson(Json.write(p));
    return broadcastResult(tx, true, null);
  }

  private MockResponse broadcastHex(Map<String, Object> p) {
    String hex = Json.string(p, "transaction");
    if (hex == null) {
      throw new JsonSyntaxException("transaction is required");
    }
    Transaction tx = Transaction.decode(HEX.parseHex(hex));
    return broadcastResult(tx, false, Json.write(unsignedJson(tx, true)));
  }

  private MockResponse broadcastResult(Transaction tx, boolean hexMessage, String echo) {
    try {
      chain.broadcast(tx);
      Map<String, Object> ok = Json.obj("result", true);
      if (!hexMessage) {
        ok.put("code", "SUCCESS");
        ok.put("message", "");
        ok.put("transaction", echo);
      }
      ok.put("txid", tx.txId());
      return json(ok);
    } catch (Rejection e) {
      Map<String, Object> err = Json.obj();
      if (!hexMessage) {
        err.put("result", false);
      }
      err.put("code", e.code());
      err.put("txid", tx.txId());
      err.put("message", hexMessage ? hexText(e.getMessage()) : e.getMessage());
      if (!hexMessage) {
        err.put("transaction", echo);
      }
      return json(err);
    }
  }

  private static String hexText(String text) {
    return HEX.formatHex(text.getBytes(StandardCharsets.UTF_8));
  }

  // ---- TronGrid v1 ----------------------------------------------------------------------------

  private MockResponse tronGrid(String rest, HttpUrl url) {
    String[] parts = rest.split("/");
    Address address;
    try {
      address = Address.parse(parts[0]);
    } catch (AddressFormatException e) {
      return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
          .body(Json.write(Json.obj("success", false, "error", "Invalid address provided",
              "statusCode", 400L)))
          .build();
    }
    long now = chain.head().timestamp();
    if (parts.length == 1) {
      AccountState a = chain.stateAt(visibleHead().number()).account(address);
      if (a == null) {
        return json(Json.obj("data", List.of(), "success", true,
            "meta", Json.obj("at", now, "page_size", 0L)));
      }
      Map<String, Object> account = accountJson(a, visibleHead().timestamp());
      List<Object> trc20 = new ArrayList<>();
      for (TokenState t : chain.stateAt(visibleHead().number()).tokens.values()) {
        BigInteger balance = t.balanceOf(address);
        if (balance.signum() > 0) {
          trc20.add(Json.obj(t.address.toBase58(), balance.toString()));
        }
      }
      account.put("trc20", trc20);
      return json(Json.obj("data", List.of(account), "success", true,
          "meta", Json.obj("at", now, "page_size", 1L)));
    }
    if (parts.length == 3 && parts[1].equals("transactions") && parts[2].equals("trc20")) {
      return json(trc20History(address, url, now));
    }
    return new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
        .body(Json.write(Json.obj("success", false, "error", "Not Found", "statusCode", 404L)))
        .build();
  }

  /** One TRC20 transfer in chain order: its position and content. */
  private record Indexed(long block, int tx, int log, long timestamp, Outcome outcome,
      Outcome.TokenTransfer transfer) {
    String key() {
      return block + ":" + tx + ":" + log;
    }
  }

  private Map<String, Object> trc20History(Address address, HttpUrl url, long now) {
    boolean onlyConfirmed = "true".equals(url.queryParameter("only_confirmed"));
    boolean onlyUnconfirmed = "true".equals(url.queryParameter("only_unconfirmed"));
    boolean onlyTo = "true".equals(url.queryParameter("only_to"));
    boolean onlyFrom = "true".equals(url.queryParameter("only_from"));
    long minTs = parseLong(url.queryParameter("min_timestamp"), 0);
    long maxTs = parseLong(url.queryParameter("max_timestamp"), Long.MAX_VALUE);
    boolean ascending = "block_timestamp,asc".equals(url.queryParameter("order_by"));
    int limit = (int) Math.min(200, Math.max(1, parseLong(url.queryParameter("limit"), 20)));
    String contractText = url.queryParameter("contract_address");
    Address contract = contractText == null ? null : Address.parse(contractText);
    String fingerprint = url.queryParameter("fingerprint");
    String after = fingerprint == null ? null
        : new String(Base64.getUrlDecoder().decode(fingerprint), StandardCharsets.UTF_8);

    Block head = visibleHead();
    long solid = solidHead().number();
    List<Indexed> all = new ArrayList<>();
    for (long n = 0; n <= head.number(); n++) {
      Block b = chain.block(n);
      if ((onlyConfirmed && n > solid) || (onlyUnconfirmed && n <= solid)
          || b.timestamp() < minTs || b.timestamp() > maxTs) {
        continue;
      }
      for (int i = 0; i < b.outcomes().size(); i++) {
        Outcome o = b.outcomes().get(i);
        for (int j = 0; j < o.transfers.size(); j++) {
          Outcome.TokenTransfer t = o.transfers.get(j);
          boolean to = t.to().equals(address);
          boolean from = t.from().equals(address);
          if ((!to && !from) || (onlyTo && !to) || (onlyFrom && !from)
              || (contract != null && !contract.equals(t.token()))) {
            continue;
          }
          all.add(new Indexed(n, i, j, b.timestamp(), o, t));
        }
      }
    }
    if (!ascending) {
      java.util.Collections.reverse(all);
    }
    int start = 0;
    if (after != null) {
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).key().equals(after)) {
          start = i + 1;
          break;
        }
      }
    }
    List<Object> data = new ArrayList<>();
    World state = chain.stateAt(head.number());
    int end = Math.min(all.size(), start + limit);
    for (int i = start; i < end; i++) {
      Indexed x = all.get(i);
      TokenState token = state.tokens.get(x.transfer().token());
      Map<String, Object> info = Json.obj("symbol", token == null ? "" : token.symbol, "address", x.transfer().token().toBase58(), "decimals",
          (long) (token == null ? 0 : token.decimals), "name", token == null ? "" : token.name);
      data.add(Json.obj("transaction_id", x.outcome().tx.txId(), "token_info", info,
          "block_timestamp", x.timestamp(), "from", x.transfer().from().toBase58(),
          "to", x.transfer().to().toBase58(), "type", "Transfer",
          "value", x.transfer().value().toString()));
    }
    Map<String, Object> meta = Json.obj("at", now);
    if (end < all.size()) {
      String next = Base64.getUrlEncoder().withoutPadding()
          .encodeToString(all.get(end - 1).key().getBytes(StandardCharsets.UTF_8));
      meta.put("fingerprint", next);
      meta.put("links", Json.obj("next", url.newBuilder().setQueryParameter("fingerprint", next)
          .build().toString()));
    }
    meta.put("page_size", (long) data.size());
    return Json.obj("data", data, "success", true, "meta", meta);
  }

  private static long parseLong(String text, long defaultValue) {
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new JsonSyntaxException("not an integer: " + text);
    }
  }

}

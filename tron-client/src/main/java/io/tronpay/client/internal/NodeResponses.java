package io.tronpay.client.internal;

import io.tronpay.client.Account;
import io.tronpay.client.AccountResource;
import io.tronpay.client.Block;
import io.tronpay.client.ChainParameters;
import io.tronpay.client.ChainTransaction;
import io.tronpay.client.ConstantCallResult;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.Trc20Transfer;
import io.tronpay.client.TronGridAccount;
import io.tronpay.core.Address;
import io.tronpay.core.AmountFormatException;
import io.tronpay.core.Hashes;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.tx.ContractType;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransactionFormatException;
import io.tronpay.core.tx.Vote;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns node and TronGrid JSON into the client's records. Every fault throws {@link
 * JsonShapeException} naming the JSON path; nothing is defaulted except what the protocol itself
 * omits as zero.
 */
public final class NodeResponses {
  private static final HexFormat HEX = HexFormat.of();

  private NodeResponses() {}

  // ---------------------------------------------------------------- blocks

  /** A block object. */
  public static Block block(JsonNode node) {
    requireObject(node);
    String blockId = hash32(node.get("blockID"));
    JsonNode header = node.get("block_header");
    JsonNode raw = header.get("raw_data");
    long number = optLong(raw, "number");
    JsonNode idNode = node.get("blockID");
    if (Long.parseUnsignedLong(blockId.substring(0, 16), 16) != number) {
      throw idNode.error("does not start with the block number " + number);
    }
    String parentHash = hash32(raw.get("parentHash"));
    long timestamp = optLong(raw, "timestamp");
    Address witness = TransactionJsonCodec.readAddress(raw.get("witness_address"), false);
    List<ChainTransaction> txs = new ArrayList<>();
    if (node.has("transactions")) {
      for (JsonNode tx : node.get("transactions").elements()) {
        txs.add(chainTransaction(tx));
      }
    }
    return new Block(number, blockId, parentHash, timestamp, witness, txs);
  }

  /** A list of blocks under {@code "block"}, or none for {@code {}}. */
  public static List<Block> blocks(JsonNode node) {
    requireObject(node);
    List<Block> blocks = new ArrayList<>();
    if (node.has("block")) {
      for (JsonNode b : node.get("block").elements()) {
        blocks.add(block(b));
      }
    }
    return blocks;
  }

  /**
   * A transaction from a block or {@code gettransactionbyid}. Modelled contract types are fully
   * decoded and cross-checked; others keep their id, checked against {@code raw_data_hex}.
   */
  public static ChainTransaction chainTransaction(JsonNode tx) {
    requireObject(tx);
    JsonNode contract = tx.get("raw_data").get("contract");
    List<JsonNode> contracts = contract.elements();
    if (contracts.isEmpty()) {
      throw contract.error("no contract");
    }
    String type = contracts.get(0).get("type").string();
    String contractResult = null;
    if (tx.has("ret")) {
      List<JsonNode> ret = tx.get("ret").elements();
      if (!ret.isEmpty() && ret.get(0).has("contractRet")) {
        contractResult = ret.get(0).get("contractRet").string();
      }
    }
    if (ContractType.forProtoName(type) != null) {
      Transaction decoded;
      try {
        decoded = TransactionJsonCodec.read(tx);
      } catch (TransactionFormatException e) {
        throw new JsonShapeException(e.getMessage());
      }
      return new ChainTransaction(decoded.txId(), type, decoded, contractResult);
    }
    String txId = hash32(tx.get("txID"));
    String computed = HEX.formatHex(Hashes.sha256(tx.get("raw_data_hex").hexBytes()));
    if (!computed.equals(txId)) {
      throw tx.get("txID").error("is " + txId + " but sha256 of raw_data_hex is " + computed);
    }
    return new ChainTransaction(txId, type, null, contractResult);
  }

  // ---------------------------------------------------------------- transaction info

  /** A {@code gettransactioninfobyid} object. */
  public static TransactionInfo transactionInfo(JsonNode node) {
    requireObject(node);
    String id = hash32(node.get("id"));
    Address contractAddress = node.has("contract_address")
        ? TransactionJsonCodec.readAddress(node.get("contract_address"), false) : null;
    TransactionInfo.Receipt receipt = node.has("receipt")
        ? receipt(node.get("receipt")) : new TransactionInfo.Receipt(0, 0, 0, 0, 0, 0, 0, null);
    List<TransactionInfo.EventLog> logs = new ArrayList<>();
    if (node.has("log")) {
      for (JsonNode log : node.get("log").elements()) {
        logs.add(eventLog(log));
      }
    }
    boolean failed = false;
    if (node.has("result")) {
      String result = node.get("result").string();
      if (!result.equals("FAILED") && !result.equals("SUCESS") && !result.equals("SUCCESS")) {
        throw node.get("result").error("unexpected result " + node.get("result").brief());
      }
      failed = result.equals("FAILED");
    }
    String resMessage = node.has("resMessage") ? decodeMessage(node.get("resMessage").string())
        : "";
    Map<ResourceCode, Long> cancelled = new EnumMap<>(ResourceCode.class);
    if (node.has("cancel_unfreezeV2_amount")) {
      for (JsonNode entry : node.get("cancel_unfreezeV2_amount").elements()) {
        requireObject(entry);
        ResourceCode code = resource(entry, "key");
        if (cancelled.put(code, optLong(entry, "value")) != null) {
          throw entry.error("resource " + code + " appears twice in cancel_unfreezeV2_amount");
        }
      }
    }
    return new TransactionInfo(id, optLong(node, "fee"), optLong(node, "blockNumber"),
        optLong(node, "blockTimeStamp"), contractAddress, receipt, logs, failed, resMessage,
        optLong(node, "withdraw_amount"), optLong(node, "unfreeze_amount"),
        optLong(node, "withdraw_expire_amount"), cancelled);
  }

  /** A {@code gettransactioninfobyblocknum} answer: an array, or {@code {}} when empty. */
  public static List<TransactionInfo> transactionInfos(JsonNode node) {
    List<TransactionInfo> infos = new ArrayList<>();
    if (node.isObject()) {
      if (!node.keys().isEmpty()) {
        throw node.error("expected an array (or {} for an empty block)");
      }
      return infos;
    }
    for (JsonNode info : node.elements()) {
      infos.add(transactionInfo(info));
    }
    return infos;
  }

  private static TransactionInfo.Receipt receipt(JsonNode r) {
    requireObject(r);
    return new TransactionInfo.Receipt(optLong(r, "energy_usage"), optLong(r, "energy_fee"),
        optLong(r, "origin_energy_usage"), optLong(r, "energy_usage_total"),
        optLong(r, "energy_penalty_total"), optLong(r, "net_usage"), optLong(r, "net_fee"),
        r.has("result") ? r.get("result").string() : null);
  }

  private static TransactionInfo.EventLog eventLog(JsonNode log) {
    requireObject(log);
    JsonNode addressNode = log.get("address");
    byte[] address = addressNode.hexBytes();
    Address emitter;
    if (address.length == Address.LENGTH - 1) {
      emitter = Address.fromAccountId(address);
    } else if (address.length == Address.LENGTH && address[0] == Address.PREFIX) {
      emitter = Address.fromBytes(address);
    } else {
      throw addressNode.error("expected a 20-byte contract address, got " + address.length
          + " bytes");
    }
    List<String> topics = new ArrayList<>();
    if (log.has("topics")) {
      for (JsonNode topic : log.get("topics").elements()) {
        topics.add(hash32(topic));
      }
    }
    String data = log.has("data") ? HEX.formatHex(log.get("data").hexBytes()) : "";
    return new TransactionInfo.EventLog(emitter, topics, data);
  }

  // ---------------------------------------------------------------- accounts

  /** A {@code getaccount} object (the caller handles {@code {}} for an unknown account). */
  public static Account account(JsonNode node) {
    requireObject(node);
    Address address = TransactionJsonCodec.readAddress(node.get("address"), false);
    List<Account.Stake> stakes = new ArrayList<>();
    if (node.has("frozenV2")) {
      for (JsonNode f : node.get("frozenV2").elements()) {
        stakes.add(new Account.Stake(resource(f, "type"), optLong(f, "amount")));
      }
    }
    List<Account.Unstake> unstakes = new ArrayList<>();
    if (node.has("unfrozenV2")) {
      for (JsonNode u : node.get("unfrozenV2").elements()) {
        unstakes.add(new Account.Unstake(resource(u, "type"), optLong(u, "unfreeze_amount"),
            optLong(u, "unfreeze_expire_time")));
      }
    }
    List<Vote> votes = new ArrayList<>();
    if (node.has("votes")) {
      for (JsonNode v : node.get("votes").elements()) {
        votes.add(new Vote(TransactionJsonCodec.readAddress(v.get("vote_address"), false),
            optLong(v, "vote_count")));
      }
    }
    Account.Permission owner = node.has("owner_permission")
        ? permission(node.get("owner_permission"), "Owner") : null;
    List<Account.Permission> active = new ArrayList<>();
    if (node.has("active_permission")) {
      for (JsonNode p : node.get("active_permission").elements()) {
        active.add(permission(p, "Active"));
      }
    }
    return new Account(address, optLong(node, "balance"), optLong(node, "create_time"), stakes,
        unstakes, votes, owner, active);
  }

  /** One {@code data} item of TronGrid's {@code /v1/accounts/{address}}. */
  public static TronGridAccount tronGridAccount(JsonNode node) {
    Account account = account(node);
    Map<Address, BigInteger> balances = new LinkedHashMap<>();
    if (node.has("trc20")) {
      // A list of single-entry objects: [{"T…token": "base units as a string"}, …].
      for (JsonNode entry : node.get("trc20").elements()) {
        requireObject(entry);
        for (String token : entry.keys()) {
          Address tokenAddress;
          try {
            tokenAddress = Address.fromBase58(token);
          } catch (io.tronpay.core.AddressFormatException e) {
            throw entry.error("token key is not an address: " + e.getMessage());
          }
          JsonNode units = entry.get(token);
          String text = units.string();
          if (text.isEmpty() || text.length() > 78 || !text.chars().allMatch(Character::isDigit)
              || !text.chars().allMatch(c -> c < 128)) {
            throw units.error("expected a decimal string of base units");
          }
          balances.put(tokenAddress, new BigInteger(text));
        }
      }
    }
    return new TronGridAccount(account, balances);
  }

  private static Account.Permission permission(JsonNode p, String defaultType) {
    requireObject(p);
    List<Account.Key> keys = new ArrayList<>();
    for (JsonNode k : p.get("keys").elements()) {
      keys.add(new Account.Key(TransactionJsonCodec.readAddress(k.get("address"), false),
          k.get("weight").longValue()));
    }
    String type = p.has("type") ? p.get("type").string() : defaultType;
    int id = p.has("id") ? p.get("id").intValue(0, Integer.MAX_VALUE) : 0;
    String name = p.has("permission_name") ? p.get("permission_name").string() : "";
    return new Account.Permission(type, id, name, p.get("threshold").longValue(), keys);
  }

  private static ResourceCode resource(JsonNode node, String field) {
    if (!node.has(field)) {
      return ResourceCode.BANDWIDTH;
    }
    JsonNode r = node.get(field);
    for (ResourceCode code : ResourceCode.values()) {
      if (code.name().equals(r.string())) {
        return code;
      }
    }
    throw r.error("unknown resource " + r.brief());
  }

  /** A {@code getaccountresource} object. */
  public static AccountResource accountResource(JsonNode node) {
    requireObject(node);
    return new AccountResource(optLong(node, "freeNetUsed"), optLong(node, "freeNetLimit"),
        optLong(node, "NetUsed"), optLong(node, "NetLimit"), optLong(node, "EnergyUsed"),
        optLong(node, "EnergyLimit"), optLong(node, "tronPowerUsed"),
        optLong(node, "tronPowerLimit"), optLong(node, "TotalNetLimit"),
        optLong(node, "TotalNetWeight"), optLong(node, "TotalEnergyLimit"),
        optLong(node, "TotalEnergyWeight"));
  }

  /** A {@code getchainparameters} object. */
  public static ChainParameters chainParameters(JsonNode node) {
    requireObject(node);
    Map<String, Long> values = new LinkedHashMap<>();
    for (JsonNode p : node.get("chainParameter").elements()) {
      JsonNode key = p.get("key");
      if (values.put(key.string(), optLong(p, "value")) != null) {
        throw key.error("duplicate parameter " + key.brief());
      }
    }
    return new ChainParameters(values);
  }

  // ---------------------------------------------------------------- contracts

  /** A successful {@code triggerconstantcontract} answer (the caller checks {@code result}). */
  public static ConstantCallResult constantCall(JsonNode node) {
    requireObject(node);
    List<String> words = new ArrayList<>();
    if (node.has("constant_result")) {
      for (JsonNode w : node.get("constant_result").elements()) {
        words.add(HEX.formatHex(w.hexBytes()));
      }
    }
    boolean reverted = false;
    if (node.has("transaction")) {
      JsonNode tx = node.get("transaction");
      if (tx.has("ret")) {
        for (JsonNode ret : tx.get("ret").elements()) {
          if (ret.has("ret") && ret.get("ret").string().equals("FAILED")) {
            reverted = true;
          }
        }
      }
    }
    return new ConstantCallResult(words, optLong(node, "energy_used"), reverted);
  }

  // ---------------------------------------------------------------- TronGrid

  /** One item of TronGrid's TRC20 transfer listing. */
  public static Trc20Transfer trc20Transfer(JsonNode item) {
    requireObject(item);
    JsonNode info = item.get("token_info");
    JsonNode decimalsNode = info.get("decimals");
    int decimals = decimalsNode.intValue(0, 77);
    JsonNode valueNode = item.get("value");
    String value = valueNode.string();
    if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw valueNode.error("expected a decimal integer string, got " + valueNode.brief());
    }
    TokenAmount amount;
    try {
      amount = TokenAmount.of(new BigInteger(value), decimals);
    } catch (AmountFormatException e) {
      throw valueNode.error(e.getMessage());
    }
    return new Trc20Transfer(hash32(item.get("transaction_id")),
        TransactionJsonCodec.readAddress(info.get("address"), true),
        info.has("symbol") ? info.get("symbol").string() : "",
        optLong(item, "block_timestamp"),
        TransactionJsonCodec.readAddress(item.get("from"), true),
        TransactionJsonCodec.readAddress(item.get("to"), true),
        item.has("type") ? item.get("type").string() : "",
        amount);
  }

  // ---------------------------------------------------------------- helpers

  /** Node messages arrive as hex of UTF-8 text or as plain text; this returns the text. */
  public static String decodeMessage(String message) {
    if (message.isEmpty() || message.length() % 2 != 0
        || !message.chars().allMatch(JsonNode::isHexDigit)) {
      return message;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(HEX.parseHex(message)))
          .toString();
    } catch (CharacterCodingException e) {
      return message;
    }
  }

  /** A 32-byte hash in lowercase hex. */
  public static String hash32(JsonNode node) {
    byte[] bytes = node.hexBytes();
    if (bytes.length != 32) {
      throw node.error("expected 32 bytes of hex, got " + bytes.length);
    }
    return node.string().toLowerCase(Locale.ROOT);
  }

  /** A number the protocol omits when zero. */
  public static long optLong(JsonNode node, String name) {
    return node.has(name) ? node.get(name).longValue() : 0;
  }

  private static void requireObject(JsonNode node) {
    if (!node.isObject()) {
      throw node.error("expected an object, got " + node.kind());
    }
  }
}

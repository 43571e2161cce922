package io.tronpay.client.internal;

import com.squareup.moshi.JsonWriter;
import io.tronpay.core.Address;
import io.tronpay.core.tx.CancelAllUnfreezeV2Contract;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.ContractType;
import io.tronpay.core.tx.DelegateResourceContract;
import io.tronpay.core.tx.FreezeBalanceV2Contract;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransactionFormatException;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.core.tx.UnDelegateResourceContract;
import io.tronpay.core.tx.UnfreezeBalanceV2Contract;
import io.tronpay.core.tx.Vote;
import io.tronpay.core.tx.VoteWitnessContract;
import io.tronpay.core.tx.WithdrawBalanceContract;
import io.tronpay.core.tx.WithdrawExpireUnfreezeContract;
import io.tronpay.core.Signature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okio.Buffer;

/**
 * The node's JSON form of a transaction, both ways. Writing mirrors java-tron's output with
 * {@code visible:false}: proto field names, hex bytes, 41-prefixed hex addresses, defaults
 * omitted. Reading is tolerant of node extras at the top level and strict inside {@code
 * raw_data}, and cross-checks {@code raw_data}, {@code raw_data_hex} and {@code txID}.
 */
public final class TransactionJsonCodec {
  private static final HexFormat HEX = HexFormat.of();

  private static final Set<String> RAW_DATA_KEYS = Set.of("contract", "ref_block_bytes",
      "ref_block_hash", "expiration", "timestamp", "fee_limit", "data");
  private static final Set<String> CONTRACT_KEYS = Set.of("type", "parameter", "Permission_id");
  private static final Set<String> PARAMETER_KEYS = Set.of("type_url", "value");
  private static final Set<String> VOTE_KEYS = Set.of("vote_address", "vote_count");

  private TransactionJsonCodec() {}

  // ---------------------------------------------------------------- writing

  /** The node JSON of {@code tx} as a compact string. */
  public static String toJson(Transaction tx) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      write(writer, tx);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /** Writes the node JSON of {@code tx} as one value. */
  public static void write(JsonWriter w, Transaction tx) throws IOException {
    w.beginObject();
    w.name("visible").value(false);
    w.name("txID").value(tx.txId());
    w.name("raw_data");
    writeRawData(w, tx.rawData());
    w.name("raw_data_hex").value(tx.rawDataHex());
    if (!tx.signatures().isEmpty()) {
      w.name("signature").beginArray();
      for (Signature signature : tx.signatures()) {
        w.value(signature.toHex());
      }
      w.endArray();
    }
    w.endObject();
  }

  /** The JSON of raw data alone, as a compact string. */
  static String rawDataJson(RawData raw) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writeRawData(writer, raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void writeRawData(JsonWriter w, RawData raw) throws IOException {
    Contract contract = raw.contract();
    w.beginObject();
    w.name("contract").beginArray().beginObject();
    w.name("parameter").beginObject();
    w.name("value").beginObject();
    writeContractValue(w, contract);
    w.endObject();
    w.name("type_url").value(contract.type().typeUrl());
    w.endObject();
    w.name("type").value(contract.type().protoName());
    if (raw.permissionId() != 0) {
      w.name("Permission_id").value(raw.permissionId());
    }
    w.endObject().endArray();
    w.name("ref_block_bytes").value(HEX.formatHex(raw.refBlockBytes()));
    w.name("ref_block_hash").value(HEX.formatHex(raw.refBlockHash()));
    w.name("expiration").value(raw.expiration());
    byte[] data = raw.data();
    if (data.length > 0) {
      w.name("data").value(HEX.formatHex(data));
    }
    if (raw.feeLimit() != 0) {
      w.name("fee_limit").value(raw.feeLimit());
    }
    if (raw.timestamp() != 0) {
      w.name("timestamp").value(raw.timestamp());
    }
    w.endObject();
  }

  private static void writeContractValue(JsonWriter w, Contract contract) throws IOException {
    address(w, "owner_address", contract.owner());
    if (contract instanceof TransferContract) {
      TransferContract c = (TransferContract) contract;
      address(w, "to_address", c.to());
      number(w, "amount", c.amount());
    } else if (contract instanceof TriggerSmartContract) {
      TriggerSmartContract c = (TriggerSmartContract) contract;
      address(w, "contract_address", c.contractAddress());
      number(w, "call_value", c.callValue());
      bytes(w, "data", c.data());
      number(w, "call_token_value", c.callTokenValue());
      number(w, "token_id", c.tokenId());
    } else if (contract instanceof FreezeBalanceV2Contract) {
      FreezeBalanceV2Contract c = (FreezeBalanceV2Contract) contract;
      number(w, "frozen_balance", c.frozenBalance());
      resource(w, c.resource());
    } else if (contract instanceof UnfreezeBalanceV2Contract) {
      UnfreezeBalanceV2Contract c = (UnfreezeBalanceV2Contract) contract;
      number(w, "unfreeze_balance", c.unfreezeBalance());
      resource(w, c.resource());
    } else if (contract instanceof DelegateResourceContract) {
      DelegateResourceContract c = (DelegateResourceContract) contract;
      resource(w, c.resource());
      number(w, "balance", c.balance());
      address(w, "receiver_address", c.receiver());
      if (c.lock()) {
        w.name("lock").value(true);
      }
      number(w, "lock_period", c.lockPeriod());
    } else if (contract instanceof UnDelegateResourceContract) {
      UnDelegateResourceContract c = (UnDelegateResourceContract) contract;
      resource(w, c.resource());
      number(w, "balance", c.balance());
      address(w, "receiver_address", c.receiver());
    } else if (contract instanceof VoteWitnessContract) {
      VoteWitnessContract c = (VoteWitnessContract) contract;
      if (!c.votes().isEmpty()) {
        w.name("votes").beginArray();
        for (Vote vote : c.votes()) {
          w.beginObject();
          address(w, "vote_address", vote.witness());
          number(w, "vote_count", vote.count());
          w.endObject();
        }
        w.endArray();
      }
      if (c.support()) {
        w.name("support").value(true);
      }
    }
    // The remaining types (withdrawals, cancel-all) carry only the owner.
  }

  private static void address(JsonWriter w, String name, Address address) throws IOException {
    w.name(name).value(address.toHex());
  }

  /** Proto3 omits zero numbers, and so does the node's JSON. */
  private static void number(JsonWriter w, String name, long value) throws IOException {
    if (value != 0) {
      w.name(name).value(value);
    }
  }

  private static void bytes(JsonWriter w, String name, byte[] value) throws IOException {
    if (value.length > 0) {
      w.name(name).value(HEX.formatHex(value));
    }
  }

  private static void resource(JsonWriter w, ResourceCode resource) throws IOException {
    if (resource != ResourceCode.BANDWIDTH) {
      w.name("resource").value(resource.name());
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads a transaction object.
   *
   * @throws TransactionFormatException naming the JSON path of the fault
   */
  public static Transaction read(JsonNode root) {
    try {
      return readChecked(root);
    } catch (JsonShapeException e) {
      throw new TransactionFormatException(e.getMessage());
    }
  }

  private static Transaction readChecked(JsonNode root) {
    if (!root.isObject()) {
      throw root.error("expected a transaction object, got " + root.kind());
    }
    boolean visible = root.has("visible") && root.get("visible").bool();
    JsonNode rawNode = root.get("raw_data");
    RawData fromJson = readRawData(rawNode, visible);

    RawData raw = fromJson;
    byte[] rawBytes;
    if (root.has("raw_data_hex")) {
      JsonNode hexNode = root.get("raw_data_hex");
      rawBytes = hexNode.hexBytes();
      RawData fromHex;
      try {
        fromHex = RawData.decode(rawBytes);
      } catch (TransactionFormatException e) {
        throw hexNode.error("does not decode: " + e.getMessage());
      }
      if (!Arrays.equals(fromHex.encode(), rawBytes)) {
        throw hexNode.error("is not the canonical encoding of the raw data it holds");
      }
      if (!fromHex.equals(fromJson)) {
        throw mismatch(rawNode, fromJson, fromHex);
      }
      raw = fromHex;
    } else {
      rawBytes = raw.encode();
    }

    List<Signature> signatures = new ArrayList<>();
    if (root.has("signature")) {
      for (JsonNode sig : root.get("signature").elements()) {
        byte[] sigBytes = sig.hexBytes();
        try {
          signatures.add(Signature.fromBytes(sigBytes));
        } catch (IllegalArgumentException e) {
          throw sig.error(e.getMessage());
        }
      }
    }
    Transaction tx = Transaction.of(raw, signatures);

    if (root.has("txID")) {
      JsonNode idNode = root.get("txID");
      String claimed = idNode.string().toLowerCase(Locale.ROOT);
      if (!claimed.equals(tx.txId())) {
        throw idNode.error("is " + idNode.brief() + " but sha256 of the raw data is "
            + tx.txId());
      }
    }
    return tx;
  }

  /** Names the first field where the JSON and the hex disagree, with both values. */
  private static JsonShapeException mismatch(JsonNode rawNode, RawData fromJson, RawData fromHex) {
    JsonNode a = JsonNode.parse(rawDataJson(fromJson), rawNode.path());
    JsonNode b = JsonNode.parse(rawDataJson(fromHex), rawNode.path());
    String path = a.firstDifference(b);
    if (path == null) {
      path = rawNode.path();
    }
    JsonNode mine = a.at(path);
    JsonNode theirs = b.at(path);
    return new JsonShapeException(path, "raw_data says "
        + (mine == null ? "nothing (default)" : mine.brief()) + " but raw_data_hex says "
        + (theirs == null ? "nothing (default)" : theirs.brief()));
  }

  private static RawData readRawData(JsonNode raw, boolean visible) {
    raw.requireOnlyKeys(RAW_DATA_KEYS);
    RawData.Builder b = RawData.builder();
    b.refBlockBytes(fixedHex(raw.get("ref_block_bytes"), 2));
    b.refBlockHash(fixedHex(raw.get("ref_block_hash"), 8));
    if (raw.has("expiration")) {
      b.expiration(raw.get("expiration").longValue());
    }
    if (raw.has("timestamp")) {
      b.timestamp(raw.get("timestamp").longValue());
    }
    if (raw.has("fee_limit")) {
      JsonNode feeLimit = raw.get("fee_limit");
      long value = feeLimit.longValue();
      if (value < 0) {
        throw feeLimit.error("must not be negative");
      }
      b.feeLimit(value);
    }
    if (raw.has("data")) {
      b.data(raw.get("data").hexBytes());
    }
    JsonNode contracts = raw.get("contract");
    List<JsonNode> list = contracts.elements();
    if (list.size() != 1) {
      throw contracts.error("expected exactly one contract, got " + list.size());
    }
    JsonNode contract = list.get(0);
    contract.requireOnlyKeys(CONTRACT_KEYS);
    if (contract.has("Permission_id")) {
      b.permissionId(contract.get("Permission_id").intValue(0, Integer.MAX_VALUE));
    }
    JsonNode typeNode = contract.get("type");
    ContractType type = ContractType.forProtoName(typeNode.string());
    if (type == null) {
      throw typeNode.error("unsupported contract type " + typeNode.brief());
    }
    JsonNode parameter = contract.get("parameter");
    parameter.requireOnlyKeys(PARAMETER_KEYS);
    if (parameter.has("type_url")) {
      JsonNode typeUrl = parameter.get("type_url");
      if (!typeUrl.string().equals(type.typeUrl())) {
        throw typeUrl.error("is " + typeUrl.brief() + " but type is " + type.protoName());
      }
    }
    b.contract(readContract(type, parameter.get("value"), visible));
    return b.build();
  }

  private static byte[] fixedHex(JsonNode node, int length) {
    byte[] bytes = node.hexBytes();
    if (bytes.length != length) {
      throw node.error("expected " + length + " bytes, got " + bytes.length);
    }
    return bytes;
  }

  private static Contract readContract(ContractType type, JsonNode v, boolean visible) {
    Reader r = new Reader(v, visible);
    switch (type) {
      case TRANSFER_CONTRACT:
        v.requireOnlyKeys(Set.of("owner_address", "to_address", "amount"));
        return new TransferContract(r.owner(), r.address("to_address"), r.number("amount"));
      case TRIGGER_SMART_CONTRACT:
        v.requireOnlyKeys(Set.of("owner_address", "contract_address", "call_value", "data",
            "call_token_value", "token_id"));
        return new TriggerSmartContract(r.owner(), r.address("contract_address"),
            r.number("call_value"), r.bytes("data"), r.number("call_token_value"),
            r.number("token_id"));
      case FREEZE_BALANCE_V2_CONTRACT:
        v.requireOnlyKeys(Set.of("owner_address", "frozen_balance", "resource"));
        return new FreezeBalanceV2Contract(r.owner(), r.number("frozen_balance"), r.resource());
      case UNFREEZE_BALANCE_V2_CONTRACT:
        v.requireOnlyKeys(Set.of("owner_address", "unfreeze_balance", "resource"));
        return new UnfreezeBalanceV2Contract(r.owner(), r.number("unfreeze_balance"),
            r.resource());
      case DELEGATE_RESOURCE_CONTRACT:
        v.requireOnlyKeys(Set.of("owner_address", "resource", "balance", "receiver_address",
            "lock", "lock_period"));
        return new DelegateResourceContract(r.owner(), r.resource(), r.number("balance"),
            r.address("receiver_address"), r.flag("lock"), r.number("lock_period"));
      case UNDELEGATE_RESOURCE_CONTRACT:
        v.requireOnlyKeys(Set.of("owner_address", "resource", "balance", "receiver_address"));
        return new UnDelegateResourceContract(r.owner(), r.resource(), r.number("balance"),
            r.address("receiver_address"));
      case WITHDRAW_EXPIRE_UNFREEZE_CONTRACT:
        v.requireOnlyKeys(Set.of("owner_address"));
        return new WithdrawExpireUnfreezeContract(r.owner());
      case CANCEL_ALL_UNFREEZE_V2_CONTRACT:
        v.requireOnlyKeys(Set.of("owner_address"));
        return new CancelAllUnfreezeV2Contract(r.owner());
      case WITHDRAW_BALANCE_CONTRACT:
        v.requireOnlyKeys(Set.of("owner_address"));
        return new WithdrawBalanceContract(r.owner());
      case VOTE_WITNESS_CONTRACT:
        v.requireOnlyKeys(Set.of("owner_address", "votes", "support"));
        return new VoteWitnessContract(r.owner(), r.votes(), r.flag("support"));
      default:
        throw v.error("unsupported contract type " + type.protoName());
    }
  }

  /** Typed access to a contract's {@code parameter.value}, with proto3 defaults for absences. */
  private static final class Reader {
    private final JsonNode value;
    private final boolean visible;

    Reader(JsonNode value, boolean visible) {
      this.value = value;
      this.visible = visible;
    }

    Address owner() {
      return address("owner_address");
    }

    Address address(String name) {
      return readAddress(value.get(name), visible);
    }

    long number(String name) {
      return value.has(name) ? value.get(name).longValue() : 0;
    }

    boolean flag(String name) {
      return value.has(name) && value.get(name).bool();
    }

    byte[] bytes(String name) {
      return value.has(name) ? value.get(name).hexBytes() : new byte[0];
    }

    ResourceCode resource() {
      if (!value.has("resource")) {
        return ResourceCode.BANDWIDTH;
      }
      JsonNode node = value.get("resource");
      String name = node.string();
      for (ResourceCode code : ResourceCode.values()) {
        if (code.name().equals(name)) {
          return code;
        }
      }
      throw node.error("unknown resource " + node.brief()
          + ", expected BANDWIDTH, ENERGY or TRON_POWER");
    }

    List<Vote> votes() {
      if (!value.has("votes")) {
        return List.of();
      }
      List<Vote> votes = new ArrayList<>();
      for (JsonNode vote : value.get("votes").elements()) {
        vote.requireOnlyKeys(VOTE_KEYS);
        long count = vote.has("vote_count") ? vote.get("vote_count").longValue() : 0;
        votes.add(new Vote(readAddress(vote.get("vote_address"), visible), count));
      }
      return votes;
    }
  }

  /**
   * Reads an address: 41-prefixed hex, or Base58Check. Nodes write Base58 when asked for {@code
   * visible:true} but do not always repeat the flag in nested transactions, so both forms are
   * accepted; the {@code raw_data_hex} check keeps that from hiding a lie.
   */
  public static Address readAddress(JsonNode node, boolean visible) {
    String text = node.string();
    boolean hex = text.length() == 2 * Address.LENGTH && text.chars()
        .allMatch(c -> Character.digit(c, 16) >= 0);
    try {
      return hex ? Address.fromHex(text) : Address.fromBase58(text);
    } catch (IllegalArgumentException e) {
      throw node.error("expected a 41-prefixed hex or Base58Check address"
          + (visible ? " (visible:true)" : "") + ": " + e.getMessage());
    }
  }
}

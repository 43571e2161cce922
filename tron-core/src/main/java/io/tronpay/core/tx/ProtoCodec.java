package io.tronpay.core.tx;

import io.tronpay.core.Address;
import io.tronpay.core.AddressFormatException;
import io.tronpay.core.Signature;
import io.tronpay.core.SignatureFormatException;
import io.tronpay.core.internal.ProtoReader;
import io.tronpay.core.internal.ProtoReader.ProtoFormatException;
import io.tronpay.core.internal.ProtoWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Protobuf encoding of the transaction messages, with field numbers from java-tron's protos. */
final class ProtoCodec {
  private ProtoCodec() {}

  // ---- Transaction { raw raw_data = 1; repeated bytes signature = 2; }

  static byte[] encodeTransaction(byte[] rawBytes, List<Signature> signatures) {
    ProtoWriter w = new ProtoWriter().message(1, rawBytes);
    for (Signature signature : signatures) {
      w.message(2, signature.toBytes());
    }
    return w.toByteArray();
  }

  static Transaction decodeTransaction(byte[] encoded) {
    try {
      ProtoReader r = new ProtoReader(encoded, "transaction");
      RawData raw = null;
      List<Signature> signatures = new ArrayList<>();
      while (r.next()) {
        switch (r.field()) {
          case 1 -> {
            if (raw != null) {
              throw r.error("raw_data appears twice");
            }
            raw = decodeRawDataStructure(r.bytes("raw_data"));
          }
          case 2 -> signatures.add(signature(r, signatures.size()));
          case 5 -> throw r.error("field 5 (ret) is a node result, not part of a signed transaction");
          default -> throw r.unknownField();
        }
      }
      if (raw == null) {
        throw r.error("raw_data is missing");
      }
      Transaction tx = Transaction.of(raw, signatures);
      requireCanonical(encoded, tx.encode(), "transaction");
      return tx;
    } catch (ProtoFormatException e) {
      throw new TransactionFormatException(e.getMessage());
    }
  }

  private static Signature signature(ProtoReader r, int index) {
    try {
      return Signature.fromBytes(r.bytes("signature"));
    } catch (SignatureFormatException e) {
      throw r.error("signature[" + index + "]: " + e.getMessage());
    }
  }

  // ---- raw { ref_block_bytes = 1; ref_block_hash = 4; expiration = 8; data = 10;
  //           contract = 11; timestamp = 14; fee_limit = 18; }

  static byte[] encodeRawData(RawData raw) {
    return new ProtoWriter()
        .bytes(1, raw.refBlockBytes())
        .bytes(4, raw.refBlockHash())
        .int64(8, raw.expiration())
        .bytes(10, raw.data())
        .message(11, encodeContractWrapper(raw.contract(), raw.permissionId()))
        .int64(14, raw.timestamp())
        .int64(18, raw.feeLimit())
        .toByteArray();
  }

  static RawData decodeRawData(byte[] encoded) {
    try {
      RawData raw = decodeRawDataStructure(encoded);
      requireCanonical(encoded, raw.encode(), "raw_data");
      return raw;
    } catch (ProtoFormatException e) {
      throw new TransactionFormatException(e.getMessage());
    }
  }

  private static RawData decodeRawDataStructure(byte[] encoded) {
    ProtoReader r = new ProtoReader(encoded, "raw_data");
    RawData.Builder b = RawData.builder();
    int contracts = 0;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> b.refBlockBytes(fixedLength(r, "ref_block_bytes", 2));
        case 3 -> throw r.error("ref_block_num (field 3) is not supported");
        case 4 -> b.refBlockHash(fixedLength(r, "ref_block_hash", 8));
        case 8 -> b.expiration(r.int64("expiration"));
        case 9 -> throw r.error("auths (field 9) is not supported");
        case 10 -> b.data(r.bytes("data"));
        case 11 -> {
          if (contracts++ > 0) {
            throw r.error("more than one contract; TRON transactions carry exactly one");
          }
          decodeContractWrapper(r.bytes("contract"), b);
        }
        case 12 -> throw r.error("scripts (field 12) is not supported");
        case 14 -> b.timestamp(r.int64("timestamp"));
        case 18 -> {
          long feeLimit = r.int64("fee_limit");
          if (feeLimit < 0) {
            throw r.error("fee_limit is negative");
          }
          b.feeLimit(feeLimit);
        }
        default -> throw r.unknownField();
      }
    }
    if (contracts == 0) {
      throw r.error("no contract");
    }
    return b.buildUnchecked();
  }

  private static byte[] fixedLength(ProtoReader r, String name, int length) {
    byte[] value = r.bytes(name);
    if (value.length != length) {
      throw r.error(name + " has " + value.length + " bytes, expected " + length);
    }
    return value;
  }

  // ---- Contract { type = 1; Any parameter = 2; provider = 3; ContractName = 4;
  //                Permission_id = 5; }   Any { type_url = 1; value = 2; }

  private static byte[] encodeContractWrapper(Contract contract, int permissionId) {
    byte[] any = new ProtoWriter()
        .bytes(1, contract.type().typeUrl().getBytes(StandardCharsets.US_ASCII))
        .bytes(2, encodeContract(contract))
        .toByteArray();
    return new ProtoWriter()
        .int64(1, contract.type().number())
        .message(2, any)
        .int64(5, permissionId)
        .toByteArray();
  }

  private static void decodeContractWrapper(byte[] encoded, RawData.Builder b) {
    ProtoReader r = new ProtoReader(encoded, "raw_data.contract[0]");
    ContractType type = null;
    byte[] parameter = null;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> {
          int number = r.int32("type");
          type = ContractType.forNumber(number);
          if (type == null) {
            throw r.error("unsupported contract type " + number + knownName(number));
          }
        }
        case 2 -> parameter = r.bytes("parameter");
        case 3 -> throw r.error("provider (field 3) is not supported");
        case 4 -> throw r.error("ContractName (field 4) is not supported");
        case 5 -> {
          int permissionId = r.int32("Permission_id");
          if (permissionId < 0) {
            throw r.error("Permission_id is negative");
          }
          b.permissionId(permissionId);
        }
        default -> throw r.unknownField();
      }
    }
    if (type == null) {
      // The enum default 0 is AccountCreateContract, which this SDK does not model.
      throw r.error("unsupported contract type 0 (AccountCreateContract)");
    }
    if (parameter == null) {
      throw r.error("parameter is missing");
    }
    ProtoReader any = new ProtoReader(parameter, "raw_data.contract[0].parameter");
    String typeUrl = "";
    byte[] value = new byte[0];
    while (any.next()) {
      switch (any.field()) {
        case 1 -> typeUrl = new String(any.bytes("type_url"), StandardCharsets.UTF_8);
        case 2 -> value = any.bytes("value");
        default -> throw any.unknownField();
      }
    }
    if (!typeUrl.equals(type.typeUrl())) {
      throw any.error("type_url '" + typeUrl + "' does not match contract type "
          + type.protoName());
    }
    b.contract(decodeContract(type, value));
  }

  // ---- The contracts themselves.

  private static byte[] encodeContract(Contract contract) {
    ProtoWriter w = new ProtoWriter().bytes(1, contract.owner().toBytes());
    if (contract instanceof TransferContract c) {
      w.bytes(2, c.to().toBytes()).int64(3, c.amount());
    } else if (contract instanceof TriggerSmartContract c) {
      w.bytes(2, c.contractAddress().toBytes())
          .int64(3, c.callValue())
          .bytes(4, c.data())
          .int64(5, c.callTokenValue())
          .int64(6, c.tokenId());
    } else if (contract instanceof FreezeBalanceV2Contract c) {
      w.int64(2, c.frozenBalance()).int64(3, c.resource().number());
    } else if (contract instanceof UnfreezeBalanceV2Contract c) {
      w.int64(2, c.unfreezeBalance()).int64(3, c.resource().number());
    } else if (contract instanceof DelegateResourceContract c) {
      w.int64(2, c.resource().number())
          .int64(3, c.balance())
          .bytes(4, c.receiver().toBytes())
          .bool(5, c.lock())
          .int64(6, c.lockPeriod());
    } else if (contract instanceof UnDelegateResourceContract c) {
      w.int64(2, c.resource().number())
          .int64(3, c.balance())
          .bytes(4, c.receiver().toBytes());
    } else if (contract instanceof VoteWitnessContract c) {
      for (Vote vote : c.votes()) {
        w.message(2, new ProtoWriter()
            .bytes(1, vote.witness().toBytes())
            .int64(2, vote.count())
            .toByteArray());
      }
      w.bool(3, c.support());
    }
    // WithdrawExpireUnfreeze, CancelAllUnfreezeV2 and WithdrawBalance carry only the owner.
    return w.toByteArray();
  }

  /** Mutable field slots for decoding; each contract reads the ones it has. */
  private static final class Fields {
    Address owner;
    Address other;
    long amount;
    long extra1;
    long extra2;
    byte[] data = new byte[0];
    int resource;
    boolean flag;
    List<Vote> votes = new ArrayList<>();
  }

  private static Contract decodeContract(ContractType type, byte[] value) {
    String path = "raw_data.contract[0].parameter.value";
    ProtoReader r = new ProtoReader(value, path);
    Fields f = new Fields();
    while (r.next()) {
      int field = r.field();
      if (field == 1) {
        f.owner = address(r, "owner_address");
        continue;
      }
      switch (type) {
        case TRANSFER_CONTRACT -> {
          switch (field) {
            case 2 -> f.other = address(r, "to_address");
            case 3 -> f.amount = r.int64("amount");
            default -> throw r.unknownField();
          }
        }
        case TRIGGER_SMART_CONTRACT -> {
          switch (field) {
            case 2 -> f.other = address(r, "contract_address");
            case 3 -> f.amount = r.int64("call_value");
            case 4 -> f.data = r.bytes("data");
            case 5 -> f.extra1 = r.int64("call_token_value");
            case 6 -> f.extra2 = r.int64("token_id");
            default -> throw r.unknownField();
          }
        }
        case FREEZE_BALANCE_V2_CONTRACT, UNFREEZE_BALANCE_V2_CONTRACT -> {
          switch (field) {
            case 2 -> f.amount = r.int64(type == ContractType.FREEZE_BALANCE_V2_CONTRACT
                ? "frozen_balance" : "unfreeze_balance");
            case 3 -> f.resource = r.int32("resource");
            default -> throw r.unknownField();
          }
        }
        case DELEGATE_RESOURCE_CONTRACT, UNDELEGATE_RESOURCE_CONTRACT -> {
          boolean delegate = type == ContractType.DELEGATE_RESOURCE_CONTRACT;
          switch (field) {
            case 2 -> f.resource = r.int32("resource");
            case 3 -> f.amount = r.int64("balance");
            case 4 -> f.other = address(r, "receiver_address");
            case 5 -> {
              if (!delegate) {
                throw r.unknownField();
              }
              f.flag = r.bool("lock");
            }
            case 6 -> {
              if (!delegate) {
                throw r.unknownField();
              }
              f.extra1 = r.int64("lock_period");
            }
            default -> throw r.unknownField();
          }
        }
        case VOTE_WITNESS_CONTRACT -> {
          switch (field) {
            case 2 -> f.votes.add(vote(r.bytes("votes"), f.votes.size()));
            case 3 -> f.flag = r.bool("support");
            default -> throw r.unknownField();
          }
        }
        case WITHDRAW_EXPIRE_UNFREEZE_CONTRACT, CANCEL_ALL_UNFREEZE_V2_CONTRACT,
            WITHDRAW_BALANCE_CONTRACT -> throw r.unknownField();
      }
    }
    if (f.owner == null) {
      throw r.error("owner_address is missing");
    }
    return switch (type) {
      case TRANSFER_CONTRACT -> new TransferContract(f.owner, required(r, f.other, "to_address"),
          f.amount);
      case TRIGGER_SMART_CONTRACT -> new TriggerSmartContract(f.owner,
          required(r, f.other, "contract_address"), f.amount, f.data, f.extra1, f.extra2);
      case FREEZE_BALANCE_V2_CONTRACT ->
          new FreezeBalanceV2Contract(f.owner, f.amount, resource(r, f.resource));
      case UNFREEZE_BALANCE_V2_CONTRACT ->
          new UnfreezeBalanceV2Contract(f.owner, f.amount, resource(r, f.resource));
      case DELEGATE_RESOURCE_CONTRACT -> new DelegateResourceContract(f.owner,
          resource(r, f.resource), f.amount, required(r, f.other, "receiver_address"), f.flag,
          f.extra1);
      case UNDELEGATE_RESOURCE_CONTRACT -> new UnDelegateResourceContract(f.owner,
          resource(r, f.resource), f.amount, required(r, f.other, "receiver_address"));
      case VOTE_WITNESS_CONTRACT -> new VoteWitnessContract(f.owner, f.votes, f.flag);
      case WITHDRAW_EXPIRE_UNFREEZE_CONTRACT -> new WithdrawExpireUnfreezeContract(f.owner);
      case CANCEL_ALL_UNFREEZE_V2_CONTRACT -> new CancelAllUnfreezeV2Contract(f.owner);
      case WITHDRAW_BALANCE_CONTRACT -> new WithdrawBalanceContract(f.owner);
    };
  }

  private static Vote vote(byte[] encoded, int index) {
    ProtoReader r = new ProtoReader(encoded,
        "raw_data.contract[0].parameter.value.votes[" + index + "]");
    Address witness = null;
    long count = 0;
    while (r.next()) {
      switch (r.field()) {
        case 1 -> witness = address(r, "vote_address");
        case 2 -> count = r.int64("vote_count");
        default -> throw r.unknownField();
      }
    }
    return new Vote(required(r, witness, "vote_address"), count);
  }

  private static Address address(ProtoReader r, String name) {
    byte[] bytes = r.bytes(name);
    try {
      return Address.fromBytes(bytes);
    } catch (AddressFormatException e) {
      throw r.error(name + ": " + e.getMessage());
    }
  }

  private static <T> T required(ProtoReader r, T value, String name) {
    if (value == null) {
      throw r.error(name + " is missing");
    }
    return value;
  }

  private static ResourceCode resource(ProtoReader r, int number) {
    ResourceCode code = ResourceCode.forNumber(number);
    if (code == null) {
      throw r.error("unknown resource code " + number);
    }
    return code;
  }

  private static void requireCanonical(byte[] original, byte[] reencoded, String what) {
    if (!Arrays.equals(original, reencoded)) {
      int at = Arrays.mismatch(original, reencoded);
      throw new TransactionFormatException(what + ": encoding is not canonical (fields out of "
          + "order, repeated, or holding default values); re-encoding differs at byte " + at
          + ", so the transaction id would not be stable");
    }
  }

  private static String knownName(int number) {
    String name = switch (number) {
      case 0 -> "AccountCreateContract";
      case 2 -> "TransferAssetContract";
      case 11 -> "FreezeBalanceContract";
      case 12 -> "UnfreezeBalanceContract";
      case 30 -> "CreateSmartContract";
      case 46 -> "AccountPermissionUpdateContract";
      default -> null;
    };
    return name == null ? "" : " (" + name + ")";
  }
}

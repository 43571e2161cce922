package io.tronpay.core.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.testing.Json;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds each transaction from its intent and compares every byte with what tronweb's own
 * protobuf encoder and signer produced (vectors/tronweb/transactions.json).
 */
class TronwebTransactionVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<Map<String, Object>> cases() {
    return Json.cases("/vectors/tronweb/transactions.json", "cases").stream();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void buildFromIntent_matchesTronwebBytesTxIdAndSignature(Map<String, Object> vector) {
    Map<String, Object> tx = map(vector.get("transaction"));
    RawData raw = rawDataFromIntent(vector);

    assertEquals(tx.get("raw_data_hex"), HEX.formatHex(raw.encode()));
    Transaction signed = Transaction.of(raw).sign(PrivateKey.fromHex((String) vector.get("privateKey")));
    assertEquals(tx.get("txID"), signed.txId());
    assertEquals(list(tx.get("signature")).get(0), signed.signatures().get(0).toHex());
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void decode_tronwebBytes_givesTheIntentAndReencodesExactly(Map<String, Object> vector) {
    Map<String, Object> tx = map(vector.get("transaction"));
    byte[] rawBytes = HEX.parseHex((String) tx.get("raw_data_hex"));

    RawData decoded = RawData.decode(rawBytes);

    assertEquals(rawDataFromIntent(vector), decoded);
    assertEquals(tx.get("raw_data_hex"), HEX.formatHex(decoded.encode()));
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void signedTransaction_roundTripsAndRecoversTheOwner(Map<String, Object> vector) {
    Map<String, Object> tx = map(vector.get("transaction"));
    Transaction signed = Transaction.of(rawDataFromIntent(vector),
        List.of(io.tronpay.core.Signature.fromHex((String) list(tx.get("signature")).get(0))));

    byte[] encoded = signed.encode();
    Transaction decoded = Transaction.decode(encoded);

    assertEquals(signed, decoded);
    assertEquals(HEX.formatHex(encoded), HEX.formatHex(decoded.encode()));
    assertEquals(List.of(Address.fromBase58((String) vector.get("ownerAddress"))),
        decoded.recoverSigners());
    assertTrue(decoded.signatures().get(0).isLowS());
  }

  /** The transaction as the vector's friendly params describe it, built with our model. */
  static RawData rawDataFromIntent(Map<String, Object> vector) {
    Map<String, Object> p = map(vector.get("params"));
    Address owner = Address.fromBase58((String) vector.get("ownerAddress"));
    Contract contract = switch ((String) vector.get("type")) {
      case "TransferContract" -> new TransferContract(owner, addr(p, "to"), num(p, "amount"));
      case "TriggerSmartContract" -> new TriggerSmartContract(owner, addr(p, "contractAddress"),
          num(p, "callValue"), HEX.parseHex((String) p.get("data")), 0, 0);
      case "FreezeBalanceV2Contract" ->
          new FreezeBalanceV2Contract(owner, num(p, "frozenBalance"), resource(p));
      case "UnfreezeBalanceV2Contract" ->
          new UnfreezeBalanceV2Contract(owner, num(p, "unfreezeBalance"), resource(p));
      case "DelegateResourceContract" -> new DelegateResourceContract(owner, resource(p),
          num(p, "balance"), addr(p, "receiver"), Boolean.parseBoolean(str(p, "lock")),
          num(p, "lockPeriod"));
      case "UnDelegateResourceContract" -> new UnDelegateResourceContract(owner, resource(p),
          num(p, "balance"), addr(p, "receiver"));
      case "WithdrawExpireUnfreezeContract" -> new WithdrawExpireUnfreezeContract(owner);
      case "CancelAllUnfreezeV2Contract" -> new CancelAllUnfreezeV2Contract(owner);
      case "WithdrawBalanceContract" -> new WithdrawBalanceContract(owner);
      case "VoteWitnessContract" -> {
        List<Vote> votes = new ArrayList<>();
        for (Object v : list(p.get("votes"))) {
          votes.add(new Vote(addr(map(v), "witness"), num(map(v), "count")));
        }
        yield new VoteWitnessContract(owner, votes);
      }
      default -> throw new AssertionError("unknown type " + vector.get("type"));
    };
    RawData.Builder b = RawData.builder()
        .contract(contract)
        .refBlockBytes(HEX.parseHex(str(p, "refBlockBytes")))
        .refBlockHash(HEX.parseHex(str(p, "refBlockHash")))
        .expiration(num(p, "expiration"))
        .timestamp(num(p, "timestamp"))
        .feeLimit(num(p, "feeLimit"))
        .permissionId((int) num(p, "permissionId"));
    if (p.containsKey("memoHex")) {
      b.data(HEX.parseHex(str(p, "memoHex")));
    }
    return b.build();
  }

  private static Address addr(Map<String, Object> p, String key) {
    return Address.fromBase58(str(p, key));
  }

  private static ResourceCode resource(Map<String, Object> p) {
    return p.containsKey("resource") ? ResourceCode.valueOf(str(p, "resource")) : ResourceCode.BANDWIDTH;
  }

  private static long num(Map<String, Object> p, String key) {
    Object value = p.get(key);
    return value == null ? 0 : Long.parseLong(value.toString());
  }

  private static String str(Map<String, Object> p, String key) {
    Object value = p.get(key);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }
}

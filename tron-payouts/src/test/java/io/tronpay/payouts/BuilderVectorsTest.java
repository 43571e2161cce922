package io.tronpay.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.Signature;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.Vote;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds every tronweb transaction vector through the payouts builders from its {@code params}
 * alone, and compares raw data bytes, txID and signature with what tronweb produced.
 */
class BuilderVectorsTest {
  private static final String RESOURCE = "/vectors/tronweb/transactions.json";

  static Stream<Arguments> cases() {
    List<Map<String, Object>> cases = Vectors.cases(RESOURCE);
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      out.add(Arguments.of(Vectors.string(cases.get(i), "type") + "#" + i, cases.get(i)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void build_fromParams_matchesTronwebBytesTxIdAndSignature(String name,
      Map<String, Object> vector) {
    Map<String, Object> params = Vectors.map(vector, "params");
    Map<String, Object> expected = Vectors.map(vector, "transaction");
    Address owner = Address.fromBase58(Vectors.string(vector, "ownerAddress"));

    TransactionBuilder builder = builderFor(Vectors.string(vector, "type"), owner, params);
    long timestamp = Long.parseLong(Vectors.string(params, "timestamp"));
    builder.referenceBlock(ReferenceBlock.ofTapos(Vectors.string(params, "refBlockBytes"),
            Vectors.string(params, "refBlockHash"), timestamp))
        .expiresAt(Long.parseLong(Vectors.string(params, "expiration")));
    if (params.containsKey("memoHex")) {
      builder.memoBytes(HexFormat.of().parseHex(Vectors.string(params, "memoHex")));
    }
    if (params.containsKey("permissionId")) {
      builder.permissionId(((Number) params.get("permissionId")).intValue());
    }
    PrivateKey key = PrivateKey.fromHex(Vectors.string(vector, "privateKey"));
    Transaction tx = builder.buildAndSign(key);

    assertEquals(Vectors.string(expected, "raw_data_hex"), tx.rawDataHex());
    assertEquals(Vectors.string(expected, "txID"), tx.txId());
    Signature tronweb = Signature.fromHex((String) Vectors.list(expected, "signature").get(0));
    assertEquals(tronweb, tx.signatures().get(0));
  }

  private static TransactionBuilder builderFor(String type, Address owner,
      Map<String, Object> p) {
    switch (type) {
      case "TransferContract":
        return TrxTransfer.of(owner, addr(p, "to"), sun(p, "amount"));
      case "TriggerSmartContract":
        return contractCall(owner, p);
      case "FreezeBalanceV2Contract":
        return Staking.freezeV2(owner, sun(p, "frozenBalance"), resource(p));
      case "UnfreezeBalanceV2Contract":
        return Staking.unfreezeV2(owner, sun(p, "unfreezeBalance"), resource(p));
      case "DelegateResourceContract":
        if (Boolean.TRUE.equals(p.get("lock"))) {
          long period = p.containsKey("lockPeriod") ? sun(p, "lockPeriod") : 0;
          return Staking.delegateLocked(owner, addr(p, "receiver"), resource(p),
              sun(p, "balance"), period);
        }
        return Staking.delegate(owner, addr(p, "receiver"), resource(p), sun(p, "balance"));
      case "UnDelegateResourceContract":
        return Staking.undelegate(owner, addr(p, "receiver"), resource(p), sun(p, "balance"));
      case "WithdrawExpireUnfreezeContract":
        return Staking.withdrawExpireUnfreeze(owner);
      case "CancelAllUnfreezeV2Contract":
        return Staking.cancelAllUnfreezeV2(owner);
      case "WithdrawBalanceContract":
        return Staking.claimRewards(owner);
      case "VoteWitnessContract":
        List<Vote> votes = new ArrayList<>();
        for (Object o : Vectors.list(p, "votes")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> v = (Map<String, Object>) o;
          votes.add(new Vote(addr(v, "witness"), sun(v, "count")));
        }
        return Staking.vote(owner, votes);
      default:
        throw new IllegalArgumentException("unknown vector type " + type);
    }
  }

  private static TransactionBuilder contractCall(Address owner, Map<String, Object> p) {
    Address contract = addr(p, "contractAddress");
    Map<String, Object> call = Vectors.map(p, "call");
    String function = Vectors.string(call, "function");
    TransactionBuilder b;
    if ("transfer(address,uint256)".equals(function)
        && new BigInteger(Vectors.string(call, "value")).signum() > 0) {
      b = Trc20Transfer.transfer(contract, owner, addr(call, "to"),
          new BigInteger(Vectors.string(call, "value")));
    } else if ("transfer(address,uint256)".equals(function)) {
      // A zero-value transfer is refused by the typed builder; build it as the raw call it is.
      InvalidFieldException e = assertThrows(InvalidFieldException.class, () ->
          Trc20Transfer.transfer(contract, owner, addr(call, "to"), BigInteger.ZERO));
      assertEquals("amount", e.field());
      b = Trc20Transfer.rawCall(contract, owner,
          HexFormat.of().parseHex(Vectors.string(p, "data")));
    } else if ("approve(address,uint256)".equals(function)) {
      b = Trc20Transfer.approve(contract, owner, addr(call, "spender"),
          new BigInteger(Vectors.string(call, "value")));
    } else {
      b = Trc20Transfer.rawCall(contract, owner,
          HexFormat.of().parseHex(Vectors.string(call, "rawDataHex")));
    }
    b.feeLimit(p.containsKey("feeLimit") ? sun(p, "feeLimit") : 0);
    if (p.containsKey("callValue")) {
      b.callValue(sun(p, "callValue"));
    }
    return b;
  }

  private static Address addr(Map<String, Object> m, String key) {
    return Address.fromBase58(Vectors.string(m, key));
  }

  private static long sun(Map<String, Object> m, String key) {
    return Long.parseLong(Vectors.string(m, key));
  }

  private static ResourceCode resource(Map<String, Object> p) {
    return ResourceCode.valueOf(Vectors.string(p, "resource"));
  }
}

package io.tronpay.testkit.internal;

import io.tronpay.core.Address;
import io.tronpay.core.tx.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What executing one transaction did: its receipt, fees, logs and side effects. */
public final class Outcome {
  /** A TVM log. */
  public record Log(Address address, List<byte[]> topics, byte[] data) {}

  /** A TRC20 Transfer the log carries, decoded, for the TronGrid index. */
  public record TokenTransfer(Address token, Address from, Address to, BigInteger value) {}

  /** A call one contract made to another inside the transaction. */
  public record InternalCall(Address caller, Address to, byte[] hash) {}

  public final Transaction tx;
  /** SUCCESS, REVERT or OUT_OF_ENERGY: the node's {@code contractRet}. */
  public String contractRet = "SUCCESS";
  public long fee;
  public long netUsage;
  public long netFee;
  public long energyUsage;
  public long energyFee;
  public long energyUsageTotal;
  /** The receipt's {@code result}, only for smart contract calls. */
  public String receiptResult;
  public String contractResultHex = "";
  public Address contractAddress;
  public String resMessage;
  public long unfreezeAmount;
  public long withdrawAmount;
  public long withdrawExpireAmount;
  public Map<String, Long> cancelUnfreezeAmounts = new LinkedHashMap<>();
  public final List<Log> logs = new ArrayList<>();
  public final List<TokenTransfer> transfers = new ArrayList<>();
  public final List<InternalCall> internalCalls = new ArrayList<>();

  Outcome(Transaction tx) {
    this.tx = tx;
  }

  /** Whether the contract ran to the end. */
  public boolean succeeded() {
    return "SUCCESS".equals(contractRet);
  }
}

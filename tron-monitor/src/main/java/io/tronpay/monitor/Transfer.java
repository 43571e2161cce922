package io.tronpay.monitor;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A transfer a chain source found: TRX from a {@code TransferContract}, or a TRC20 {@code
 * Transfer} log of a whitelisted token. Only successful transfers of more than 0 are reported.
 *
 * @param txId the transaction id in hex
 * @param logIndex the log's index in the transaction's logs, or {@link #NATIVE} for a TRX transfer
 * @param asset the asset moved
 * @param from the sender
 * @param to the recipient
 * @param units base units moved, more than 0
 * @param blockNumber the block that holds it
 * @param blockId that block's id in hex
 * @param blockTimestamp that block's time, epoch milliseconds
 */
public record Transfer(
    String txId,
    int logIndex,
    Asset asset,
    Address from,
    Address to,
    BigInteger units,
    long blockNumber,
    String blockId,
    long blockTimestamp) {
  /** The log index of a TRX {@code TransferContract}, which has no log. */
  public static final int NATIVE = -1;

  /** Checks the fields. */
  public Transfer {
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(blockId, "blockId");
    if (units.signum() <= 0) {
      throw new IllegalArgumentException("transfer amount must be more than 0, got " + units);
    }
    if (logIndex < NATIVE) {
      throw new IllegalArgumentException("logIndex must be -1 or more, got " + logIndex);
    }
  }

  /** The unique key of this transfer. */
  public Key key() {
    return new Key(txId, logIndex);
  }

  /** The amount, exact. */
  public TokenAmount amount() {
    return asset.amount(units);
  }

  /**
   * The identity of a transfer on chain: a transaction and a log in it. A transaction re-included
   * by a reorg keeps its key.
   *
   * @param txId the transaction id in hex
   * @param logIndex the log index, or {@link Transfer#NATIVE}
   */
  public record Key(String txId, int logIndex) {
    /** Checks the fields. */
    public Key {
      Objects.requireNonNull(txId, "txId");
    }

    @Override
    public String toString() {
      return txId + ":" + logIndex;
    }
  }
}

package io.tronpay.monitor.internal;

import io.tronpay.client.Block;
import io.tronpay.client.ChainTransaction;
import io.tronpay.client.TransactionInfo;
import io.tronpay.core.Address;
import io.tronpay.core.abi.AbiFormatException;
import io.tronpay.core.abi.TransferEvent;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds payments in chain data: TRX {@code TransferContract}s that succeeded, and {@code
 * Transfer} logs that whitelisted token contracts emitted in transactions that succeeded. Logs
 * are read whatever contract was called, so {@code transferFrom} and transfers made inside other
 * contracts count; a log from any other contract (a fake token) does not.
 */
public final class TransferExtractor {
  private static final Logger LOG = LoggerFactory.getLogger(TransferExtractor.class);
  private static final String SUCCESS = "SUCCESS";

  private final Map<Address, Asset> tokens;
  private final boolean trx;

  /**
   * An extractor.
   *
   * @param tokens whitelisted token contracts and their assets
   * @param trx whether TRX transfers count
   */
  public TransferExtractor(Map<Address, Asset> tokens, boolean trx) {
    this.tokens = Map.copyOf(tokens);
    this.trx = trx;
  }

  /**
   * Whether a block holds calls whose logs may carry token transfers.
   *
   * @param block the block
   * @return whether its logs must be read
   */
  public static boolean callsContracts(Block block) {
    for (ChainTransaction tx : block.transactions()) {
      if (callsContract(tx)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a transaction runs contract code, whose logs may carry token transfers.
   *
   * @param tx the transaction
   * @return whether its logs must be read
   */
  public static boolean callsContract(ChainTransaction tx) {
    String type = tx.contractType();
    return "TriggerSmartContract".equals(type) || "CreateSmartContract".equals(type);
  }

  /**
   * TRX transfers in a block.
   *
   * @param block the block
   * @return the transfers, in block order
   */
  public List<Transfer> trxTransfers(Block block) {
    List<Transfer> out = new ArrayList<>();
    if (!trx) {
      return out;
    }
    for (ChainTransaction tx : block.transactions()) {
      if (!"TransferContract".equals(tx.contractType()) || tx.transaction() == null
          || !SUCCESS.equals(tx.contractResult())) {
        continue;
      }
      if (!(tx.transaction().rawData().contract() instanceof TransferContract)) {
        continue;
      }
      TransferContract c = (TransferContract) tx.transaction().rawData().contract();
      if (c.amount() <= 0) {
        continue;
      }
      out.add(new Transfer(tx.txId(), Transfer.NATIVE, Asset.TRX, c.owner(), c.to(),
          BigInteger.valueOf(c.amount()), block.number(), block.blockId(), block.timestamp()));
    }
    return out;
  }

  /**
   * Token transfers in the execution results of a block.
   *
   * @param infos the results
   * @param blockNumber the block they must belong to
   * @param blockId that block's id
   * @param blockTimestamp that block's time
   * @return the transfers, in block and log order
   */
  public List<Transfer> tokenTransfers(List<TransactionInfo> infos, long blockNumber,
      String blockId, long blockTimestamp) {
    List<Transfer> out = new ArrayList<>();
    for (TransactionInfo info : infos) {
      if (info.blockNumber() != blockNumber) {
        throw new IllegalStateException("node returned a result of block " + info.blockNumber()
            + " for block " + blockNumber);
      }
      if (info.failed() || !SUCCESS.equals(info.receipt().result())) {
        continue;
      }
      List<TransactionInfo.EventLog> logs = info.logs();
      for (int i = 0; i < logs.size(); i++) {
        TransactionInfo.EventLog log = logs.get(i);
        Asset asset = tokens.get(log.address());
        if (asset == null || log.topics().size() != 3) {
          continue;
        }
        TransferEvent event;
        try {
          event = TransferEvent.decodeHex(log.topics(), log.data());
        } catch (AbiFormatException e) {
          LOG.debug("log {} of {} is not a standard Transfer: {}", i, info.id(), e.getMessage());
          continue;
        }
        if (event.value().signum() <= 0) {
          continue;
        }
        out.add(new Transfer(info.id(), i, asset, event.from(), event.to(), event.value(),
            blockNumber, blockId, blockTimestamp));
      }
    }
    return out;
  }
}

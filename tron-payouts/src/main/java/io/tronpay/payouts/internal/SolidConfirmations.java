package io.tronpay.payouts.internal;

import io.tronpay.client.Block;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.client.TronClientException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells which of the transactions a service sent have reached the solidified chain with one
 * request per solidified block ({@code gettransactioninfobyblocknum}) instead of one per
 * transaction, while many of them wait.
 *
 * <p>Only transactions sent for the first time after tracking began are tracked. Tracking begins at
 * a solidified head read before that first send, and no block at or below it can hold a
 * transaction nobody had sent yet; so once every later solidified block is scanned, a tracked
 * transaction absent from them is known not to be solidified, without asking. Everything else
 * (sent by an earlier process, or before tracking began) is looked up one by one, as is
 * everything whenever scanning would cost more requests than it saves.
 *
 * <p>Not thread-safe: the service serializes its calls.
 */
public final class SolidConfirmations {
  /** Scan only while at least this many tracked transactions wait per block to scan. */
  static final int MIN_WAITING_PER_BLOCK = 4;

  private static final Logger LOG = LoggerFactory.getLogger(SolidConfirmations.class);

  private final TronClient client;
  private final Set<String> tracked = new HashSet<>();
  private final Map<String, TransactionInfo> landed = new HashMap<>();
  /** The highest solidified block scanned, or -1 while not tracking. */
  private long scannedThrough = -1;

  /**
   * Confirmations read through {@code client}.
   *
   * @param client the node
   */
  public SolidConfirmations(TronClient client) {
    this.client = client;
  }

  /**
   * Call just before a transaction's first send ever (no earlier attempt in the ledger).
   *
   * @param txId the transaction
   * @param solidHead reads the solidified head; asked only when tracking has not begun
   */
  public void beforeFirstSend(String txId, Supplier<Block> solidHead) {
    if (scannedThrough < 0) {
      try {
        scannedThrough = solidHead.get().number();
      } catch (TronClientException e) {
        LOG.debug("not tracking {}: no solidified head ({})", txId, e.getMessage());
        return;
      }
    }
    tracked.add(txId);
  }

  /**
   * Whether the scan can tell if a transaction is solidified, after scanning the solidified blocks
   * up to {@code solidHead} if that is worth it; if so, {@link #landed(String)} tells.
   *
   * @param txId the transaction
   * @param solidHead the solidified head of this pass
   * @return false if the transaction must be looked up by id
   */
  public boolean knows(String txId, Supplier<Block> solidHead) {
    if (!tracked.contains(txId)) {
      return false;
    }
    catchUp(solidHead.get());
    return tracked.contains(txId);
  }

  /**
   * A tracked transaction's solidified info, once {@link #knows} said true.
   *
   * @param txId the transaction
   * @return its info, or empty if it is not solidified yet
   */
  public Optional<TransactionInfo> landed(String txId) {
    return Optional.ofNullable(landed.get(txId));
  }

  /**
   * Stops tracking a transaction that is settled or replaced.
   *
   * @param txId the transaction
   */
  public void forget(String txId) {
    tracked.remove(txId);
    landed.remove(txId);
  }

  private void catchUp(Block solidHead) {
    long behind = solidHead.number() - scannedThrough;
    if (behind <= 0) {
      return;
    }
    if (behind * MIN_WAITING_PER_BLOCK > tracked.size()) {
      restartAt(solidHead.number());
      return;
    }
    try {
      for (long n = scannedThrough + 1; n <= solidHead.number(); n++) {
        for (TransactionInfo info : client.getSolidTransactionInfoByBlockNum(n)) {
          if (tracked.contains(info.id())) {
            landed.put(info.id(), info);
          }
        }
        scannedThrough = n;
      }
    } catch (TronClientException e) {
      LOG.debug("scan of solidified blocks stopped at {}: {}", scannedThrough, e.getMessage());
      restartAt(solidHead.number());
    }
  }

  /**
   * Gives up on the blocks not scanned: what was tracked is looked up one by one from now on, and
   * tracking starts again at {@code solidHead}, which was read before any later send.
   */
  private void restartAt(long solidHead) {
    tracked.clear();
    landed.clear();
    scannedThrough = solidHead;
  }
}

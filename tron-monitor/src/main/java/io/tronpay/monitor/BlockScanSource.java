package io.tronpay.monitor;

import io.tronpay.client.Block;
import io.tronpay.client.ChainTransaction;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.monitor.internal.NodeReader;
import io.tronpay.monitor.internal.TransferExtractor;
import io.tronpay.monitor.internal.TronClientReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ChainSource}: reads every block from a full node, so its cost does not
 * grow with the number of watched addresses.
 *
 * <p>Each poll reads up to 100 blocks after the cursor with {@code getblockbylimitnext} (one
 * request) and checks that each block's parent is the block before it. TRX transfers come from
 * the blocks themselves; TRC20 {@code Transfer} logs come from the full node's {@code
 * gettransactioninfobyblocknum} (one request per block that calls a contract). Both are
 * therefore seen at the head, as soon as the block exists, and confirmed later by policy.
 *
 * <p>The solidified head is asked for (one request) at most once per poll, and only when the
 * monitor reports something waiting for it (a transfer, or an expiry) that the observed
 * head-to-solid lag says may now be solid, plus a rare recalibration in a poll that found no new
 * block. A live scan thus costs two requests per block while nothing waits, and at most three
 * when something waits in every block.
 *
 * <p>When a block's parent differs from the recorded one, the source walks back through the
 * recent block ids it keeps in the cursor to the fork point and reports a rollback; blocks at or
 * below the solidified head are never rolled back. Errors propagate and consume nothing, so the
 * monitor falls behind rather than skipping.
 */
public final class BlockScanSource implements ChainSource {
  private static final Logger LOG = LoggerFactory.getLogger(BlockScanSource.class);
  private static final int REORG_WINDOW = 32;
  // Bounds the cursor when the solidified head is rarely asked for.
  private static final int MAX_REMEMBERED_BLOCKS = 256;
  // Asking for the solidified head now and then, in a poll that found no block and so costs no
  // per-block budget, corrects the lag estimate even when nothing waits.
  private static final int RECALIBRATE_POLLS = 100;

  private final NodeReader node;
  private final TransferExtractor extractor;
  private final long startBlock;
  private final int lookback;
  private final int batchSize;
  private final int maxLogBlocksPerPoll;
  // Blocks between the head and the solidified head, as last observed; -1 until first asked.
  private long lagEstimate = -1;
  private int pollsSinceSolidAsked;

  BlockScanSource(NodeReader node, Builder b) {
    this.node = node;
    this.extractor = new TransferExtractor(b.tokens, b.trx);
    this.startBlock = b.startBlock;
    this.lookback = b.lookback;
    this.batchSize = b.batchSize;
    this.maxLogBlocksPerPoll = b.maxLogBlocksPerPoll;
  }

  /**
   * A builder reading through {@code client}.
   *
   * @param client the client; the source does not close it
   * @return the builder
   */
  public static Builder builder(TronClient client) {
    Objects.requireNonNull(client, "client");
    return new Builder(client);
  }

  @Override
  public ChainUpdate poll(Optional<ScanCursor> stored) {
    // Without the monitor's hint, assume something always waits.
    return poll(stored, Long.MIN_VALUE);
  }

  @Override
  public ChainUpdate poll(Optional<ScanCursor> stored, long awaitingFrom) {
    ScanCursor c = stored.isPresent() ? stored.get() : initialCursor();
    long next = c.headBlock() + 1;
    List<Block> blocks = node.blocks(next, next + batchSize);
    String recordedParent = c.blockId(c.headBlock());
    if (!blocks.isEmpty() && recordedParent != null
        && !blocks.get(0).parentHash().equalsIgnoreCase(recordedParent)) {
      return rollback(c);
    }
    Map<Long, ScanCursor.BlockRef> refs = new LinkedHashMap<>();
    for (ScanCursor.BlockRef ref : c.recentBlocks()) {
      refs.put(ref.number(), ref);
    }
    List<Transfer> transfers = new ArrayList<>();
    int fetched = 0;
    // A cursor written by a version that read logs only once solidified may owe some blocks.
    long logBlock = c.logBlock();
    while (logBlock < c.headBlock() && fetched < maxLogBlocksPerPoll) {
      ScanCursor.BlockRef ref = refs.get(logBlock + 1);
      if (ref == null) {
        throw new IllegalStateException("block " + (logBlock + 1) + " is missing from the cursor");
      }
      if (ref.callsContracts()) {
        List<TransactionInfo> infos = node.infos(ref.number());
        fetched++;
        transfers.addAll(extractor.tokenTransfers(infos, ref.number(), ref.blockId(),
            ref.timestamp()));
      }
      logBlock++;
    }
    long headBlock = c.headBlock();
    long headTimestamp = c.headTimestamp();
    long expected = next;
    String parent = recordedParent;
    boolean stoppedEarly = logBlock < c.headBlock();
    for (Block block : stoppedEarly ? List.<Block>of() : blocks) {
      if (block.number() != expected || (parent != null
          && !block.parentHash().equalsIgnoreCase(parent))) {
        LOG.debug("block batch breaks at {}; reading the rest next poll", block.number());
        stoppedEarly = true;
        break;
      }
      boolean callsContracts = TransferExtractor.callsContracts(block);
      List<Transfer> tokens = List.of();
      if (callsContracts) {
        if (fetched >= maxLogBlocksPerPoll) {
          stoppedEarly = true;
          break;
        }
        List<TransactionInfo> infos = node.infos(block.number());
        fetched++;
        if (!describes(infos, block)) {
          // The node has not indexed the block's results yet, or switched forks in between.
          LOG.debug("results of block {} do not match its transactions yet", block.number());
          stoppedEarly = true;
          break;
        }
        tokens = extractor.tokenTransfers(infos, block.number(), block.blockId(),
            block.timestamp());
      }
      transfers.addAll(extractor.trxTransfers(block));
      transfers.addAll(tokens);
      refs.put(block.number(), new ScanCursor.BlockRef(block.number(), block.blockId(),
          block.timestamp(), callsContracts));
      headBlock = block.number();
      headTimestamp = block.timestamp();
      logBlock = headBlock;
      parent = block.blockId();
      expected++;
    }

    long solid = c.solidBlock();
    long settled = c.settledTimestamp();
    pollsSinceSolidAsked++;
    // Transfers read in this poll wait too: when catching up they may be solid already.
    long waiting = awaitingFrom == Long.MIN_VALUE ? c.solidBlock() + 1 : awaitingFrom;
    for (Transfer t : transfers) {
      waiting = waiting < 0 ? t.blockNumber() : Math.min(waiting, t.blockNumber());
    }
    boolean mayBeSolidNow = waiting >= 0 && waiting > solid
        && waiting <= headBlock - Math.max(0, lagEstimate);
    boolean idle = headBlock == c.headBlock();
    if (lagEstimate < 0 || mayBeSolidNow || (idle && pollsSinceSolidAsked >= RECALIBRATE_POLLS)) {
      Block solidHead = node.solidHead();
      pollsSinceSolidAsked = 0;
      lagEstimate = Math.max(0, headBlock - solidHead.number());
      if (solidHead.number() > solid) {
        solid = Math.min(solidHead.number(), headBlock);
        settled = Math.max(settled, Math.min(solidHead.timestamp(), headTimestamp));
      }
    }

    long keepFrom = Math.max(Math.min(solid, headBlock - REORG_WINDOW) + 1,
        headBlock - MAX_REMEMBERED_BLOCKS + 1);
    refs.keySet().removeIf(n -> n < keepFrom);
    ScanCursor cursor = new ScanCursor(headBlock, logBlock, solid, headTimestamp, settled,
        new ArrayList<>(refs.values()));
    boolean caughtUp = !stoppedEarly && blocks.size() < batchSize;
    return new ChainUpdate(transfers, -1, Math.max(headBlock, solid), solid, cursor, caughtUp);
  }

  /**
   * Whether {@code infos} are results of {@code block}'s transactions and cover every contract
   * call in it, whose logs could hold a token transfer.
   */
  private static boolean describes(List<TransactionInfo> infos, Block block) {
    Set<String> ids = new HashSet<>();
    for (ChainTransaction tx : block.transactions()) {
      ids.add(tx.txId().toLowerCase(Locale.ROOT));
    }
    Set<String> answered = new HashSet<>();
    for (TransactionInfo info : infos) {
      String id = info.id().toLowerCase(Locale.ROOT);
      if (info.blockNumber() != block.number() || !ids.contains(id)) {
        return false;
      }
      answered.add(id);
    }
    for (ChainTransaction tx : block.transactions()) {
      if (TransferExtractor.callsContract(tx)
          && !answered.contains(tx.txId().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private ScanCursor initialCursor() {
    long first;
    if (startBlock >= 0) {
      first = startBlock;
    } else {
      first = Math.max(0, node.head().number() - lookback);
    }
    LOG.info("no stored cursor; starting the scan at block {}", first);
    return new ScanCursor(first - 1, first - 1, -1, 0, 0, List.of());
  }

  private ChainUpdate rollback(ScanCursor c) {
    List<ScanCursor.BlockRef> recent = c.recentBlocks();
    long low = Math.max(recent.get(0).number(), c.headBlock() - 99);
    List<Block> current = node.blocks(low, c.headBlock() + 1);
    long fork = -1;
    for (Block block : current) {
      String recorded = c.blockId(block.number());
      if (recorded != null && recorded.equalsIgnoreCase(block.blockId())) {
        fork = block.number();
      } else {
        break;
      }
    }
    if (fork < 0) {
      throw new IllegalStateException("reorg reaches below block " + low
          + ", the oldest block the cursor remembers");
    }
    if (fork < c.solidBlock()) {
      throw new IllegalStateException("reorg reaches below block " + c.solidBlock()
          + ", which was solidified");
    }
    LOG.warn("reorg: blocks after {} were replaced; rolling back {} blocks", fork,
        c.headBlock() - fork);
    List<ScanCursor.BlockRef> kept = new ArrayList<>();
    for (ScanCursor.BlockRef ref : recent) {
      if (ref.number() <= fork) {
        kept.add(ref);
      }
    }
    ScanCursor.BlockRef forkRef = c.block(fork);
    ScanCursor cursor = new ScanCursor(fork, Math.min(fork, c.logBlock()), c.solidBlock(),
        forkRef.timestamp(), c.settledTimestamp(), kept);
    return new ChainUpdate(List.of(), fork, fork, c.solidBlock(), cursor, false);
  }

  @Override
  public List<Transfer> transfersOf(String txId) {
    List<Transfer> out = new ArrayList<>();
    Optional<ChainTransaction> tx = node.transaction(txId);
    Optional<TransactionInfo> info = node.info(txId);
    if (tx.isEmpty() || info.isEmpty()) {
      return out;
    }
    TransactionInfo i = info.get();
    Block holder = new Block(i.blockNumber(), "", "", i.blockTimestamp(),
        Address.fromBytes(new byte[] {0x41, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0}), List.of(tx.get()));
    out.addAll(extractor.trxTransfers(holder));
    out.addAll(extractor.tokenTransfers(List.of(i), i.blockNumber(), "", i.blockTimestamp()));
    return out;
  }

  @Override
  public long requestCount() {
    return node.requests();
  }

  /** Collects a block scan's settings. */
  public static final class Builder {
    private final TronClient client;
    private final Map<Address, Asset> tokens = new LinkedHashMap<>();
    private boolean trx = true;
    private long startBlock = -1;
    private int lookback;
    private int batchSize = TronClient.MAX_BLOCK_RANGE;
    private int maxLogBlocksPerPoll = 100;

    private Builder(TronClient client) {
      this.client = client;
      tokens.put(Asset.USDT.contract(), Asset.USDT);
    }

    /**
     * The assets to credit, replacing the default (TRX and mainnet USDT). Token transfers of any
     * other contract are ignored, however they call themselves.
     *
     * @param assets TRX and/or TRC20 assets
     * @return this builder
     */
    public Builder assets(Asset... assets) {
      tokens.clear();
      trx = false;
      for (Asset asset : assets) {
        if (asset.isTrx()) {
          trx = true;
        } else {
          tokens.put(asset.contract(), asset);
        }
      }
      return this;
    }

    /**
     * On the first start (no stored cursor), begin at this block.
     *
     * @param block the first block to read
     * @return this builder
     */
    public Builder startBlock(long block) {
      if (block < 0) {
        throw new IllegalArgumentException("startBlock must not be negative, got " + block);
      }
      this.startBlock = block;
      return this;
    }

    /**
     * On the first start (no stored cursor), begin this many blocks below the head; 0 (the
     * head) by default. Ignored when a start block is set.
     *
     * @param blocks how far back
     * @return this builder
     */
    public Builder lookback(int blocks) {
      if (blocks < 0) {
        throw new IllegalArgumentException("lookback must not be negative, got " + blocks);
      }
      this.lookback = blocks;
      return this;
    }

    /**
     * Blocks per {@code getblockbylimitnext} request, 1 to 100 (the node's limit).
     *
     * @param blocks the batch size
     * @return this builder
     */
    public Builder batchSize(int blocks) {
      if (blocks < 1 || blocks > TronClient.MAX_BLOCK_RANGE) {
        throw new IllegalArgumentException("batchSize must be 1 to "
            + TronClient.MAX_BLOCK_RANGE + ", got " + blocks);
      }
      this.batchSize = blocks;
      return this;
    }

    /**
     * Builds the source.
     *
     * @return the source
     */
    public BlockScanSource build() {
      return new BlockScanSource(new TronClientReader(client), this);
    }
  }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ChainSource}: reads every block from a full node, so its cost does not
 * grow with the number of watched addresses.
 *
 * <p>Each poll reads up to 100 blocks after the cursor with {@code getblockbylimitnext} (one
 * request), checks that each block's parent is the block before it, and asks for the solidified
 * head (one request). TRX transfers are read from the blocks at the head. TRC20 {@code Transfer}
 * logs are read with {@code gettransactioninfobyblocknum} (one request per block that calls a
 * contract) once the block is solidified, because the client reads that endpoint from the
 * solidity API; token transfers are therefore seen and confirmed in the same step.
 *
 * <p>When a block's parent differs from the recorded one, the source walks back through the
 * recent block ids it keeps in the cursor to the fork point and reports a rollback; blocks below
 * the solidified head are never rolled back. Errors propagate and consume nothing, so the
 * monitor falls behind rather than skipping.
 */
public final class BlockScanSource implements ChainSource {
  private static final Logger LOG = LoggerFactory.getLogger(BlockScanSource.class);
  private static final int REORG_WINDOW = 32;
  // Asking for the solidified head now and then corrects a lag estimate that grew too large;
  // preferably in a poll that found no new block, so the per-block cost stays at two requests.
  private static final int RECALIBRATE_POLLS = 100;
  private static final int RECALIBRATE_POLLS_LATEST = 1000;

  private final NodeReader node;
  private final TransferExtractor extractor;
  private final long startBlock;
  private final int lookback;
  private final int batchSize;
  private final int logLead;
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
    this.logLead = b.logLead;
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
    ScanCursor c = stored.isPresent() ? stored.get() : initialCursor();
    long next = c.headBlock() + 1;
    long end = Math.min(next + batchSize, c.logBlock() + 1 + logLead);
    List<Block> blocks = end > next ? node.blocks(next, end) : List.of();
    String recordedParent = c.blockId(c.headBlock());
    if (!blocks.isEmpty() && recordedParent != null
        && !blocks.get(0).parentHash().equalsIgnoreCase(recordedParent)) {
      return rollback(c);
    }
    List<Block> accepted = new ArrayList<>();
    long expected = next;
    String parent = recordedParent;
    for (Block block : blocks) {
      if (block.number() != expected || (parent != null
          && !block.parentHash().equalsIgnoreCase(parent))) {
        LOG.debug("block batch breaks at {}; reading the rest next poll", block.number());
        break;
      }
      accepted.add(block);
      parent = block.blockId();
      expected++;
    }
    List<Transfer> transfers = new ArrayList<>();
    Map<Long, ScanCursor.BlockRef> refs = new LinkedHashMap<>();
    for (ScanCursor.BlockRef ref : c.recentBlocks()) {
      refs.put(ref.number(), ref);
    }
    long headBlock = c.headBlock();
    long headTimestamp = c.headTimestamp();
    for (Block block : accepted) {
      transfers.addAll(extractor.trxTransfers(block));
      refs.put(block.number(), new ScanCursor.BlockRef(block.number(), block.blockId(),
          block.timestamp(), TransferExtractor.callsContracts(block)));
      headBlock = block.number();
      headTimestamp = block.timestamp();
    }

    // The solidified head is learned from the logs themselves where possible: the solidity API
    // answers gettransactioninfobyblocknum for a block with contract calls only once it is
    // solidified, so a non-empty answer proves it. getnowblock on the solidity API is asked only
    // when no such proof is at hand, which keeps a live scan at two requests per block.
    long solid = c.solidBlock();
    boolean askedSolid = false;
    pollsSinceSolidAsked++;
    if (lagEstimate < 0 || pollsSinceSolidAsked >= RECALIBRATE_POLLS_LATEST
        || (accepted.isEmpty() && pollsSinceSolidAsked >= RECALIBRATE_POLLS)) {
      solid = askSolid(solid, headBlock);
      askedSolid = true;
    }
    long logBlock = c.logBlock();
    long settled = c.settledTimestamp();
    int fetched = 0;
    while (logBlock < headBlock && fetched < maxLogBlocksPerPoll) {
      long b = logBlock + 1;
      ScanCursor.BlockRef ref = refs.get(b);
      if (ref == null) {
        throw new IllegalStateException("block " + b + " is missing from the cursor");
      }
      if (b > solid) {
        if (b > headBlock - lagEstimate) {
          break;
        }
        if (!ref.callsContracts()) {
          if (askedSolid) {
            break;
          }
          solid = askSolid(solid, headBlock);
          askedSolid = true;
          if (b > solid) {
            break;
          }
        }
      }
      if (ref.callsContracts()) {
        List<TransactionInfo> infos = node.infos(b);
        fetched++;
        if (infos.isEmpty()) {
          lagEstimate++;
          break;
        }
        solid = Math.max(solid, b);
        transfers.addAll(extractor.tokenTransfers(infos, b, ref.blockId(), ref.timestamp()));
      }
      logBlock = b;
      settled = ref.timestamp();
    }

    long keepFrom = Math.min(logBlock + 1, headBlock - REORG_WINDOW + 1);
    refs.keySet().removeIf(n -> n < keepFrom);
    ScanCursor cursor = new ScanCursor(headBlock, logBlock, solid, headTimestamp, settled,
        new ArrayList<>(refs.values()));
    boolean caughtUp = accepted.size() < end - next && accepted.size() == blocks.size()
        && (logBlock >= Math.min(solid, headBlock) || fetched < maxLogBlocksPerPoll);
    return new ChainUpdate(transfers, -1, Math.max(headBlock, solid), solid, cursor, caughtUp);
  }

  private long askSolid(long known, long headBlock) {
    long reported = node.solidHead().number();
    pollsSinceSolidAsked = 0;
    lagEstimate = Math.max(0, headBlock - reported);
    return Math.max(known, Math.min(reported, headBlock));
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
    if (fork < c.logBlock()) {
      throw new IllegalStateException("reorg reaches below block " + c.logBlock()
          + ", whose logs were read as solidified");
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
    ScanCursor cursor = new ScanCursor(fork, c.logBlock(), c.solidBlock(), forkRef.timestamp(),
        c.settledTimestamp(), kept);
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
    private int logLead = 200;
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

    Builder logLead(int blocks) {
      this.logLead = blocks;
      return this;
    }
  }
}

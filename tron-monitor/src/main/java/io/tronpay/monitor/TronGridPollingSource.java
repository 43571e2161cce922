package io.tronpay.monitor;

import io.tronpay.client.Block;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.Trc20Transfer;
import io.tronpay.client.Trc20TransferQuery;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.monitor.internal.TransferExtractor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChainSource} for small setups without a node of their own: polls TronGrid's {@code
 * /v1/accounts/{address}/transactions/trc20} for each watched address. Its cost grows with the
 * number of addresses (one listing per address per poll), so prefer {@link BlockScanSource}
 * beyond a few hundred addresses. It sees TRC20 tokens only, not TRX.
 *
 * <p>Each poll lists every watched address's incoming transfers since its last seen transfer
 * time less an overlap, all pages by fingerprint. A transaction not seen before is looked up
 * once by id ({@code gettransactioninfobyid}), and its whitelisted, successful {@code Transfer}
 * logs become transfers with their real block and log index, so the keys are the ones {@link
 * BlockScanSource} would report and repeats from the overlap are dropped. Addresses with
 * transfers awaiting confirmation are listed again with {@code only_confirmed}; a transfer found
 * there proves its block, and every block before it, solidified. A transfer that vanishes from
 * the listing before it is confirmed was removed by a reorg and is rolled back.
 *
 * <p>The head is asked for once per poll; the time up to which TronGrid is taken to have
 * indexed everything, for expiry, is the head time less a settle delay.
 */
public final class TronGridPollingSource implements ChainSource {
  private static final Logger LOG = LoggerFactory.getLogger(TronGridPollingSource.class);

  private final TronClient client;
  private final Supplier<? extends Collection<Address>> addresses;
  private final TransferExtractor extractor;
  private final Set<Address> tokens;
  private final long overlapMs;
  private final long settleDelayMs;
  private final long lookbackMs;
  private final int pageSize;
  private final AtomicLong requests = new AtomicLong();

  private final Map<Address, Long> lastSeen = new HashMap<>();
  // Transfers reported and not yet confirmed, by key.
  private final Map<Transfer.Key, Transfer> awaiting = new LinkedHashMap<>();
  // Transactions already looked up, with their block time, so overlap repeats cost nothing.
  private final Map<String, Long> known = new HashMap<>();
  private long solidBlock = -1;
  private long solidTimestamp;

  private TronGridPollingSource(Builder b) {
    this.client = b.client;
    this.addresses = b.addresses;
    this.extractor = new TransferExtractor(b.tokens, false);
    this.tokens = Set.copyOf(b.tokens.keySet());
    this.overlapMs = b.overlap.toMillis();
    this.settleDelayMs = b.settleDelay.toMillis();
    this.lookbackMs = b.lookback.toMillis();
    this.pageSize = b.pageSize;
  }

  /**
   * A builder polling through {@code client}, whose TronGrid URL (or full node URL) serves both
   * the {@code /v1} listings and {@code /wallet} lookups.
   *
   * @param client the client; the source does not close it
   * @param addresses the addresses to poll, asked for at each poll (the host's open deposit
   *     addresses)
   * @return the builder
   */
  public static Builder builder(TronClient client,
      Supplier<? extends Collection<Address>> addresses) {
    return new Builder(Objects.requireNonNull(client, "client"),
        Objects.requireNonNull(addresses, "addresses"));
  }

  @Override
  public ChainUpdate poll(Optional<ScanCursor> stored) {
    requests.incrementAndGet();
    Block head = client.getNowBlock();
    long defaultFrom;
    if (stored.isPresent()) {
      solidBlock = Math.max(solidBlock, stored.get().solidBlock());
      solidTimestamp = Math.max(solidTimestamp, stored.get().settledTimestamp());
      defaultFrom = stored.get().headTimestamp();
    } else {
      defaultFrom = Math.max(0, head.timestamp() - lookbackMs);
    }

    Map<Address, Long> seenNow = new HashMap<>();
    Set<String> listed = new HashSet<>();
    Set<Address> polled = new LinkedHashSet<>(addresses.get());
    Map<Address, Long> windowStart = new HashMap<>();
    List<Transfer> found = new ArrayList<>();
    Map<String, Long> lookedUp = new HashMap<>();
    for (Address address : polled) {
      long from = lastSeen.getOrDefault(address, defaultFrom) - overlapMs;
      for (Transfer t : awaiting.values()) {
        if (t.to().equals(address)) {
          from = Math.min(from, t.blockTimestamp());
        }
      }
      from = Math.max(0, from);
      windowStart.put(address, from);
      for (Trc20Transfer item : list(address, Trc20TransferQuery.all().withLimit(pageSize).withOnlyTo()
          .withMinTimestamp(from))) {
        if (!tokens.contains(item.token())) {
          continue;
        }
        listed.add(item.txId());
        seenNow.merge(address, item.blockTimestamp(), Math::max);
        if (known.containsKey(item.txId()) || lookedUp.containsKey(item.txId())) {
          continue;
        }
        lookedUp.put(item.txId(), item.blockTimestamp());
        found.addAll(lookUp(item.txId(), polled));
      }
    }

    // A reported transfer missing from a listing that covers its time was reorged away.
    long rollbackAbove = Long.MAX_VALUE;
    for (Transfer t : awaiting.values()) {
      Long from = windowStart.get(t.to());
      if (from != null && t.blockTimestamp() >= from && !listed.contains(t.txId())) {
        rollbackAbove = Math.min(rollbackAbove, t.blockNumber() - 1);
      }
    }
    if (rollbackAbove != Long.MAX_VALUE) {
      long above = rollbackAbove;
      LOG.warn("a reported transfer vanished from TronGrid; rolling back above block {}", above);
      awaiting.values().removeIf(t -> {
        boolean gone = t.blockNumber() > above;
        if (gone) {
          known.remove(t.txId());
        }
        return gone;
      });
      ScanCursor cursor = cursor(head, defaultFrom);
      return new ChainUpdate(List.of(), above, head.number(), solidBlock, cursor, false);
    }

    known.putAll(lookedUp);
    seenNow.forEach((address, ts) -> lastSeen.merge(address, ts, Math::max));
    for (Transfer t : found) {
      awaiting.put(t.key(), t);
    }
    confirm(head);
    forgetOldLookups();
    return new ChainUpdate(found, -1, head.number(), solidBlock, cursor(head, defaultFrom), true);
  }

  private void confirm(Block head) {
    Map<Address, Long> since = new LinkedHashMap<>();
    for (Transfer t : awaiting.values()) {
      since.merge(t.to(), t.blockTimestamp(), Math::min);
    }
    for (Map.Entry<Address, Long> e : since.entrySet()) {
      Set<String> confirmed = new HashSet<>();
      for (Trc20Transfer item : list(e.getKey(), Trc20TransferQuery.all().withLimit(pageSize).withOnlyTo()
          .withOnlyConfirmed().withMinTimestamp(Math.max(0, e.getValue() - overlapMs)))) {
        confirmed.add(item.txId());
      }
      for (Transfer t : awaiting.values()) {
        if (t.to().equals(e.getKey()) && confirmed.contains(t.txId())
            && t.blockNumber() > solidBlock) {
          // Blocks solidify in order, so this one's solidification covers all before it.
          solidBlock = Math.min(t.blockNumber(), head.number());
          solidTimestamp = Math.max(solidTimestamp, t.blockTimestamp());
        }
      }
    }
    awaiting.values().removeIf(t -> t.blockNumber() <= solidBlock);
  }

  private void forgetOldLookups() {
    long oldest = Long.MAX_VALUE;
    for (long ts : lastSeen.values()) {
      oldest = Math.min(oldest, ts);
    }
    for (Transfer t : awaiting.values()) {
      oldest = Math.min(oldest, t.blockTimestamp());
    }
    long keepFrom = oldest == Long.MAX_VALUE ? Long.MIN_VALUE : oldest - 2 * overlapMs;
    known.values().removeIf(ts -> ts < keepFrom);
  }

  private ScanCursor cursor(Block head, long defaultFrom) {
    long settled = Math.max(solidTimestamp, head.timestamp() - settleDelayMs);
    // On restart every address is listed again from here, less the overlap.
    long resumeFrom = defaultFrom;
    for (long ts : lastSeen.values()) {
      resumeFrom = Math.max(resumeFrom, ts);
    }
    for (Transfer t : awaiting.values()) {
      resumeFrom = Math.min(resumeFrom, t.blockTimestamp());
    }
    return new ScanCursor(head.number(), head.number(), solidBlock, resumeFrom, settled,
        List.of());
  }

  private List<Trc20Transfer> list(Address address, Trc20TransferQuery query) {
    List<Trc20Transfer> out = new ArrayList<>();
    String fingerprint = null;
    do {
      requests.incrementAndGet();
      var page = client.getTrc20Transfers(address, query, fingerprint);
      out.addAll(page.transfers());
      fingerprint = page.transfers().isEmpty() ? null : page.nextFingerprint();
    } while (fingerprint != null);
    return out;
  }

  /** The whitelisted transfers of a transaction to any polled address. */
  private List<Transfer> lookUp(String txId, Set<Address> polled) {
    requests.incrementAndGet();
    Optional<TransactionInfo> info = client.getTransactionInfoById(txId);
    if (info.isEmpty()) {
      // Listed by TronGrid but unknown to the node behind it yet: nothing consumed, so fail
      // the poll and try again rather than skip the transfer.
      throw new IllegalStateException("transaction " + txId
          + " is listed but its result is not available yet");
    }
    TransactionInfo i = info.get();
    List<Transfer> out = new ArrayList<>();
    for (Transfer t : extractor.tokenTransfers(List.of(i), i.blockNumber(), "",
        i.blockTimestamp())) {
      if (polled.contains(t.to())) {
        out.add(t);
      }
    }
    return out;
  }

  @Override
  public List<Transfer> transfersOf(String txId) {
    requests.incrementAndGet();
    Optional<TransactionInfo> info = client.getTransactionInfoById(txId);
    if (info.isEmpty()) {
      return List.of();
    }
    TransactionInfo i = info.get();
    return extractor.tokenTransfers(List.of(i), i.blockNumber(), "", i.blockTimestamp());
  }

  @Override
  public long requestCount() {
    return requests.get();
  }

  /** Collects a polling source's settings. */
  public static final class Builder {
    private final TronClient client;
    private final Supplier<? extends Collection<Address>> addresses;
    private final Map<Address, Asset> tokens = new LinkedHashMap<>();
    private Duration overlap = Duration.ofMinutes(1);
    private Duration settleDelay = Duration.ofMinutes(2);
    private Duration lookback = Duration.ofMinutes(10);
    private int pageSize = Trc20TransferQuery.MAX_LIMIT;

    private Builder(TronClient client, Supplier<? extends Collection<Address>> addresses) {
      this.client = client;
      this.addresses = addresses;
      tokens.put(Asset.USDT.contract(), Asset.USDT);
    }

    /**
     * The tokens to credit, replacing the default (mainnet USDT).
     *
     * @param assets TRC20 assets
     * @return this builder
     * @throws InvalidPaymentRequestException for TRX, which TronGrid's TRC20 listing lacks
     */
    public Builder assets(Asset... assets) {
      tokens.clear();
      for (Asset asset : assets) {
        if (asset.isTrx()) {
          throw new InvalidPaymentRequestException(
              "TronGridPollingSource sees TRC20 tokens only; use BlockScanSource for TRX");
        }
        tokens.put(asset.contract(), asset);
      }
      return this;
    }

    /**
     * How far each listing reaches back before the last transfer seen, so that transfers
     * TronGrid indexes late are still found; 1 minute by default.
     *
     * @param overlap not negative
     * @return this builder
     */
    public Builder overlap(Duration overlap) {
      this.overlap = nonNegative(overlap, "overlap");
      return this;
    }

    /**
     * How long after a block's time TronGrid is taken to have indexed it, for expiry; 2 minutes
     * by default.
     *
     * @param delay not negative
     * @return this builder
     */
    public Builder settleDelay(Duration delay) {
      this.settleDelay = nonNegative(delay, "settleDelay");
      return this;
    }

    /**
     * On the first start (no stored cursor), how far before the head to list; 10 minutes by
     * default.
     *
     * @param lookback not negative
     * @return this builder
     */
    public Builder lookback(Duration lookback) {
      this.lookback = nonNegative(lookback, "lookback");
      return this;
    }

    /**
     * Transfers per listing page, 1 to 200 (the default, TronGrid's largest).
     *
     * @param transfers the page size
     * @return this builder
     */
    public Builder pageSize(int transfers) {
      if (transfers < 1 || transfers > Trc20TransferQuery.MAX_LIMIT) {
        throw new IllegalArgumentException("pageSize must be 1 to "
            + Trc20TransferQuery.MAX_LIMIT + ", got " + transfers);
      }
      this.pageSize = transfers;
      return this;
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
      return d;
    }

    /**
     * Builds the source.
     *
     * @return the source
     */
    public TronGridPollingSource build() {
      return new TronGridPollingSource(this);
    }
  }
}

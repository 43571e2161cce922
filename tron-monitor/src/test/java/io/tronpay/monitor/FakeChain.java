package io.tronpay.monitor;

import io.tronpay.core.Address;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chain source over an in-test chain: blocks of ready-made transfers, a solidity depth, reorgs
 * and failures on demand. Every transfer is visible at the head.
 */
final class FakeChain implements ChainSource {
  static final Address SENDER = Address.fromBase58("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW");

  record FakeBlock(long number, String id, String parent, long timestamp,
      List<Transfer> transfers) {}

  private final MutableClock clock;
  private final int solidDepth;
  private final List<FakeBlock> blocks = new ArrayList<>();
  private int fork;
  private int failuresLeft;
  private int txCounter;
  int polls;

  FakeChain(MutableClock clock, int solidDepth) {
    this.clock = clock;
    this.solidDepth = solidDepth;
    mine();
  }

  /** One transfer to put in a block. */
  record Pay(Asset asset, Address to, long units, String txId) {
    Pay(Asset asset, Address to, long units) {
      this(asset, to, units, null);
    }
  }

  synchronized long mine(Pay... pays) {
    long number = blocks.size();
    String id = String.format("%016x", number) + String.format("%048x", fork * 1_000_003L
        + number);
    String parent = number == 0 ? "00" : blocks.get((int) number - 1).id();
    long ts = clock.instant().toEpochMilli();
    List<Transfer> transfers = new ArrayList<>();
    for (Pay p : pays) {
      String txId = p.txId() != null ? p.txId() : String.format("%064x", ++txCounter);
      transfers.add(new Transfer(txId, p.asset().isTrx() ? Transfer.NATIVE : 0, p.asset(),
          SENDER, p.to(), BigInteger.valueOf(p.units()), number, id, ts));
    }
    blocks.add(new FakeBlock(number, id, parent, ts, transfers));
    clock.advance(Duration.ofSeconds(3));
    return number;
  }

  synchronized void mineEmpty(int count) {
    for (int i = 0; i < count; i++) {
      mine();
    }
  }

  /** Drops the top {@code depth} blocks; the next mined blocks form the new branch. */
  synchronized void reorg(int depth) {
    fork++;
    for (int i = 0; i < depth; i++) {
      blocks.remove(blocks.size() - 1);
    }
  }

  synchronized List<Transfer> transfersIn(long number) {
    return blocks.get((int) number).transfers();
  }

  synchronized long headTimestamp() {
    return blocks.get(blocks.size() - 1).timestamp();
  }

  synchronized long head() {
    return blocks.size() - 1;
  }

  synchronized void failNext(int count) {
    failuresLeft = count;
  }

  @Override
  public synchronized ChainUpdate poll(Optional<ScanCursor> stored) {
    polls++;
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new IllegalStateException("node unavailable");
    }
    long head = head();
    long solid = Math.max(-1, head - solidDepth);
    ScanCursor c = stored.orElse(new ScanCursor(-1, -1, -1, 0, 0, List.of()));
    String recorded = c.blockId(c.headBlock());
    if (recorded != null && (c.headBlock() > head
        || !blocks.get((int) c.headBlock()).id().equals(recorded))) {
      long forkPoint = -1;
      for (ScanCursor.BlockRef ref : c.recentBlocks()) {
        if (ref.number() <= head && blocks.get((int) ref.number()).id().equals(ref.blockId())) {
          forkPoint = ref.number();
        }
      }
      List<ScanCursor.BlockRef> kept = new ArrayList<>();
      for (ScanCursor.BlockRef ref : c.recentBlocks()) {
        if (ref.number() <= forkPoint) {
          kept.add(ref);
        }
      }
      return new ChainUpdate(List.of(), forkPoint, head, solid,
          new ScanCursor(forkPoint, forkPoint, c.solidBlock(), 0, c.settledTimestamp(), kept),
          false);
    }
    List<Transfer> transfers = new ArrayList<>();
    List<ScanCursor.BlockRef> recent = new ArrayList<>(c.recentBlocks());
    long last = Math.min(head, c.headBlock() + 10);
    for (long n = c.headBlock() + 1; n <= last; n++) {
      FakeBlock b = blocks.get((int) n);
      transfers.addAll(b.transfers());
      recent.add(new ScanCursor.BlockRef(n, b.id(), b.timestamp(), false));
    }
    while (recent.size() > 64) {
      recent.remove(0);
    }
    long settledBlock = Math.min(solid, last);
    long settled = settledBlock < 0 ? 0 : blocks.get((int) settledBlock).timestamp();
    long headTs = last < 0 ? 0 : blocks.get((int) last).timestamp();
    return new ChainUpdate(transfers, -1, head, solid,
        new ScanCursor(last, last, solid, headTs, settled, recent), last == head);
  }

  @Override
  public synchronized List<Transfer> transfersOf(String txId) {
    List<Transfer> out = new ArrayList<>();
    for (FakeBlock b : blocks) {
      for (Transfer t : b.transfers()) {
        if (t.txId().equals(txId)) {
          out.add(t);
        }
      }
    }
    return out;
  }
}

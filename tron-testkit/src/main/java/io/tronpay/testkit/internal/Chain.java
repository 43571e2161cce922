package io.tronpay.testkit.internal;

import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import io.tronpay.core.Signature;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.testkit.internal.World.AccountState;
import io.tronpay.testkit.internal.World.Permission;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated chain: blocks, the state after each, the transaction pool and the index of mined
 * transactions. Every method is synchronized; the HTTP dispatcher and a mining timer share it.
 */
public final class Chain {
  private static final Logger log = LoggerFactory.getLogger(Chain.class);
  /** java-tron refuses transactions bigger than this. */
  private static final int MAX_TRANSACTION_SIZE = 500 * 1024;
  /** A transaction may not expire more than a day after the head block. */
  private static final long MAX_EXPIRATION_MS = 86_400_000L;

  /** Where a mined transaction sits. */
  public record TxRef(Block block, int index) {
    /** The transaction's outcome. */
    public Outcome outcome() {
      return block.outcomes().get(index);
    }
  }

  private final Params params;
  private final Executor executor;
  private final long blockIntervalMs;
  private final int solidDepth;
  private final List<Address> witnesses;
  private final List<io.tronpay.core.PrivateKey> witnessKeys;
  private final List<Block> blocks = new ArrayList<>();
  private final Map<Long, World> states = new HashMap<>();
  private final List<Transaction> pool = new ArrayList<>();
  private final Map<String, TxRef> txIndex = new HashMap<>();
  private World pending;
  private long timeSkipMs;
  private int branch;

  /**
   * A chain whose genesis block carries {@code genesis} as its state.
   *
   * @param witnessKeys the block producers' keys, in production order
   */
  public Chain(Params params, long genesisTimeMs, long blockIntervalMs, int solidDepth,
      List<io.tronpay.core.PrivateKey> witnessKeys, World genesis) {
    this.params = params;
    this.blockIntervalMs = blockIntervalMs;
    this.solidDepth = solidDepth;
    this.witnessKeys = List.copyOf(witnessKeys);
    List<Address> addresses = new ArrayList<>();
    for (io.tronpay.core.PrivateKey key : witnessKeys) {
      addresses.add(key.address());
    }
    this.witnesses = List.copyOf(addresses);
    this.executor = new Executor(params, new LinkedHashSet<>(addresses));
    Block block0 = seal(0, new byte[32], genesisTimeMs, List.of());
    blocks.add(block0);
    states.put(0L, genesis);
    pending = genesis.copy();
  }

  /** The chain's parameters. */
  public Params params() {
    return params;
  }

  /** The executor, for resource queries. */
  public Executor executor() {
    return executor;
  }

  /** The super representatives that produce blocks and take votes. */
  public List<Address> witnesses() {
    return witnesses;
  }

  /** The head block. */
  public synchronized Block head() {
    return blocks.get(blocks.size() - 1);
  }

  /** The highest block solidified: the head minus the solidity depth. */
  public synchronized Block solidHead() {
    return blocks.get((int) Math.max(0, head().number() - solidDepth));
  }

  /** The block at {@code number}, or null beyond the head. */
  public synchronized Block block(long number) {
    if (number < 0 || number >= blocks.size()) {
      return null;
    }
    return blocks.get((int) number);
  }

  /** The block with this id, or null. */
  public synchronized Block blockById(byte[] id) {
    if (id.length != 32) {
      return null;
    }
    long number = ByteBuffer.wrap(id, 0, 8).getLong();
    Block block = block(number);
    return block != null && Arrays.equals(block.id(), id) ? block : null;
  }

  /** The state after block {@code number}; states below the solidified head are pruned. */
  public synchronized World stateAt(long number) {
    World world = states.get(number);
    return world != null ? world : states.get(head().number());
  }

  /** The head state, for faucets and scripted edits; the pool is re-applied afterwards. */
  public synchronized void editHead(java.util.function.Consumer<World> edit) {
    edit.accept(states.get(head().number()));
    rebuildPending();
  }

  /** A mined transaction, or null. */
  public synchronized TxRef find(String txId) {
    return txIndex.get(txId);
  }

  /** The transactions waiting for the next block. */
  public synchronized List<Transaction> pool() {
    return List.copyOf(pool);
  }

  /** The head state with the pool applied. */
  public synchronized World pendingState() {
    return pending;
  }

  /** The time the next block will carry. */
  public synchronized long nextBlockTime() {
    return head().timestamp() + blockIntervalMs + timeSkipMs;
  }

  /** Moves the clock forward: the next block comes {@code millis} later than it would. */
  public synchronized void skipTime(long millis) {
    long slots = (millis + blockIntervalMs - 1) / blockIntervalMs;
    timeSkipMs += slots * blockIntervalMs;
  }

  /**
   * Validates a transaction like a node's broadcast does and, when it passes, puts it in the pool.
   *
   * @throws Rejection with the node's code and message
   */
  public synchronized void broadcast(Transaction tx) throws Rejection {
    if (tx.encode().length > MAX_TRANSACTION_SIZE) {
      throw new Rejection("TOO_BIG_TRANSACTION_ERROR", "transaction size is too big");
    }
    checkTapos(tx.rawData());
    long headTime = head().timestamp();
    long expiration = tx.rawData().expiration();
    if (expiration <= headTime || expiration > headTime + MAX_EXPIRATION_MS) {
      throw new Rejection("TRANSACTION_EXPIRATION_ERROR", "transaction expired");
    }
    String id = tx.txId();
    if (txIndex.containsKey(id) || pool.stream().anyMatch(p -> p.txId().equals(id))) {
      throw new Rejection("DUP_TRANSACTION_ERROR", "dup transaction");
    }
    checkSignatures(tx, pending);
    World trial = pending.copy();
    executor.execute(trial, tx, nextBlockTime());
    pending = trial;
    pool.add(tx);
  }

  private void checkTapos(RawData raw) throws Rejection {
    byte[] refBytes = raw.refBlockBytes();
    byte[] refHash = raw.refBlockHash();
    if (refBytes.length == 2 && refHash.length == 8) {
      long slot = ((refBytes[0] & 0xFFL) << 8) | (refBytes[1] & 0xFFL);
      long headNumber = head().number();
      long candidate = (headNumber & ~0xFFFFL) | slot;
      if (candidate > headNumber) {
        candidate -= 0x10000L;
      }
      Block block = block(candidate);
      if (block != null && Arrays.equals(Arrays.copyOfRange(block.id(), 8, 16), refHash)) {
        return;
      }
    }
    throw new Rejection("TAPOS_ERROR", "Tapos check error");
  }

  private static void checkSignatures(Transaction tx, World world) throws Rejection {
    if (tx.signatures().isEmpty()) {
      throw Rejection.signature("miss sig or contract");
    }
    Address owner = tx.rawData().contract().owner();
    AccountState account = world.account(owner);
    int permissionId = tx.rawData().permissionId();
    Permission permission;
    if (account == null) {
      permission = permissionId == 0 ? new Permission(0, "owner", 1, Map.of(owner, 1)) : null;
    } else {
      permission = account.permission(permissionId);
    }
    if (permission == null) {
      throw Rejection.signature("permission isn't exit");
    }
    byte[] id = tx.txIdBytes();
    Set<Address> signed = new LinkedHashSet<>();
    long weight = 0;
    for (Signature signature : tx.signatures()) {
      Address signer;
      try {
        signer = signature.recoverAddress(id);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw Rejection.signature("Signature is not valid");
      }
      Integer keyWeight = permission.keys().get(signer);
      if (keyWeight == null) {
        throw Rejection.signature(signature.toHex() + " is signed by " + signer.toBase58()
            + " but it is not contained of permission.");
      }
      if (!signed.add(signer)) {
        throw Rejection.signature(signer.toBase58() + " has signed twice!");
      }
      weight += keyWeight;
    }
    if (weight < permission.threshold()) {
      throw Rejection.signature("sig weight not enough, need " + permission.threshold()
          + ", got " + weight);
    }
  }

  /** Mines one block holding the pool's transactions that still apply. */
  public synchronized Block mine() {
    return mine(new ArrayList<>(pool), true);
  }

  private Block mine(List<Transaction> candidates, boolean fromPool) {
    Block parent = head();
    long time = nextBlockTime();
    timeSkipMs = 0;
    World world = states.get(parent.number()).copy();
    List<Outcome> outcomes = new ArrayList<>();
    for (Transaction tx : candidates) {
      if (tx.rawData().expiration() <= time || txIndex.containsKey(tx.txId())) {
        continue;
      }
      try {
        World trial = world.copy();
        outcomes.add(executor.execute(trial, tx, time));
        world = trial;
      } catch (Rejection e) {
        log.debug("dropping {} from block {}: {}", tx.txId(), parent.number() + 1, e.code());
      }
    }
    accrueRewards(world);
    Block block = seal(parent.number() + 1, parent.id(), time, outcomes);
    blocks.add(block);
    states.put(block.number(), world);
    for (int i = 0; i < outcomes.size(); i++) {
      txIndex.put(outcomes.get(i).tx.txId(), new TxRef(block, i));
    }
    if (fromPool) {
      pool.clear();
    }
    prune();
    rebuildPending();
    return block;
  }

  private void accrueRewards(World world) {
    for (AccountState account : world.accounts.values()) {
      long votes = account.votes.values().stream().mapToLong(Long::longValue).sum();
      account.allowance += votes * params.rewardSunPerVotePerBlock();
    }
  }

  private Block seal(long number, byte[] parentId, long time, List<Outcome> outcomes) {
    Address witness = witnesses.get((int) (number % witnesses.size()));
    byte[] txRoot = new byte[32];
    if (!outcomes.isEmpty()) {
      ByteBuffer ids = ByteBuffer.allocate(32 * outcomes.size());
      for (Outcome o : outcomes) {
        ids.put(o.tx.txIdBytes());
      }
      txRoot = Hashes.sha256(ids.array());
    }
    byte[] header = ByteBuffer.allocate(32 + 8 + 8 + 21 + 32 + 4)
        .put(parentId).putLong(number).putLong(time).put(witness.toBytes()).put(txRoot)
        .putInt(branch).array();
    byte[] hash = Hashes.sha256(header);
    byte[] id = ByteBuffer.allocate(32).putLong(number).put(hash, 8, 24).array();
    return new Block(number, id, parentId.clone(), time, witness, txRoot, outcomes);
  }

  /** The witness's signature over a block's hash, as {@code witness_signature}. */
  public String witnessSignature(Block block) {
    io.tronpay.core.PrivateKey key = witnessKeys.get((int) (block.number() % witnessKeys.size()));
    return key.sign(Hashes.sha256(block.id())).toHex();
  }

  /**
   * Replaces the last {@code depth} blocks with a new branch of the same length. Their
   * transactions vanish, or with {@code moveTransactions} are mined again in the branch's last
   * block.
   *
   * @throws IllegalArgumentException if the depth would reach a solidified block
   */
  public synchronized List<Block> reorg(int depth, boolean moveTransactions) {
    long headNumber = head().number();
    if (depth < 1 || depth > headNumber - solidHead().number()) {
      throw new ReorgDepthException("reorg depth " + depth + " must be between 1 and the "
          + (headNumber - solidHead().number()) + " unsolidified blocks");
    }
    List<Transaction> dropped = new ArrayList<>();
    for (long n = headNumber - depth + 1; n <= headNumber; n++) {
      Block gone = blocks.get((int) n);
      for (Outcome o : gone.outcomes()) {
        dropped.add(o.tx);
        txIndex.remove(o.tx.txId());
      }
      states.remove(n);
    }
    List<Block> removed = new ArrayList<>(blocks.subList((int) (headNumber - depth + 1),
        blocks.size()));
    blocks.subList((int) (headNumber - depth + 1), blocks.size()).clear();
    branch++;
    List<Transaction> keepPool = new ArrayList<>(pool);
    pool.clear();
    List<Block> branchBlocks = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      long gap = removed.get(i).timestamp() - head().timestamp() - blockIntervalMs;
      timeSkipMs = Math.max(0, gap);
      boolean last = i == depth - 1;
      branchBlocks.add(mine(last && moveTransactions ? dropped : List.of(), false));
    }
    pool.addAll(keepPool);
    rebuildPending();
    return branchBlocks;
  }

  private void prune() {
    long keepFrom = solidHead().number();
    states.keySet().removeIf(n -> n < keepFrom);
  }

  private void rebuildPending() {
    World world = states.get(head().number()).copy();
    List<Transaction> kept = new ArrayList<>();
    long time = nextBlockTime();
    for (Transaction tx : pool) {
      try {
        World trial = world.copy();
        executor.execute(trial, tx, time);
        world = trial;
        kept.add(tx);
      } catch (Rejection e) {
        log.debug("pool drops {}: {}", tx.txId(), e.code());
      }
    }
    pool.clear();
    pool.addAll(kept);
    pending = world;
  }

  /** Thrown for a reorg deeper than the unsolidified blocks. */
  public static final class ReorgDepthException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ReorgDepthException(String message) {
      super(message);
    }
  }
}

package io.tronpay.testkit;

import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import io.tronpay.core.KeyFormatException;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.testkit.internal.Block;
import io.tronpay.testkit.internal.Chain;
import io.tronpay.testkit.internal.FaultPlan;
import io.tronpay.testkit.internal.NoDelayServerSockets;
import io.tronpay.testkit.internal.NodeApi;
import io.tronpay.testkit.internal.Params;
import io.tronpay.testkit.internal.Rejection;
import io.tronpay.testkit.internal.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated TRON node in this process: a deterministic chain that answers the node HTTP API
 * ({@code /wallet/*}, {@code /walletsolidity/*}) and TronGrid v1 ({@code /v1/accounts/...}) in the
 * real JSON shapes, with a USDT-like TRC20 at the mainnet USDT address and scriptable faults.
 *
 * <pre>{@code
 * try (DevNode node = DevNode.builder().seed("checkout-test").build()) {
 *   String url = node.start();
 *   DevAccount alice = node.accounts().get(0);
 *   // ... point a client at url, broadcast, then:
 *   node.mineBlock();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Blocks are mined on demand ({@link #mineBlock()}) or on a timer ({@link
 * Builder#blockTime(Duration)}). Their timestamps are 3 s apart on a simulated clock that {@link
 * #advanceTime(Duration)} moves forward.
 */
public final class DevNode implements AutoCloseable {
  /** The mainnet USDT contract, where the default token lives. */
  public static final Address MAINNET_USDT = Address.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
  private static final Logger log = LoggerFactory.getLogger(DevNode.class);
  private static final long BLOCK_INTERVAL_MS = 3_000L;
  private static final long EXPIRATION_MS = 60_000L;
  private static final long DEFAULT_FEE_LIMIT = 100_000_000L;

  private final String seedText;
  private final int port;
  private final Duration blockTime;
  private final byte[] seed;
  private final List<DevAccount> accounts;
  private final PrivateKey mallory;
  private final DevToken usdt;
  private final Chain chain;
  private final FaultPlan faultPlan = new FaultPlan();
  private final Faults faults;
  private final Map<Address, DevToken> tokens = new LinkedHashMap<>();
  private int deployedTokens;
  private Address relay;
  private MockWebServer server;
  private ScheduledExecutorService miner;

  private DevNode(Builder b) {
    this.seedText = b.seed;
    this.port = b.port;
    this.blockTime = b.blockTime;
    this.seed = b.seed.getBytes(StandardCharsets.UTF_8);
    List<DevAccount> devAccounts = new ArrayList<>();
    for (int i = 0; i < b.accounts; i++) {
      devAccounts.add(new DevAccount(derivedKey("account", i)));
    }
    this.accounts = List.copyOf(devAccounts);
    this.mallory = derivedKey("mallory", 0);
    List<PrivateKey> witnesses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      witnesses.add(derivedKey("witness", i));
    }
    long genesisTime = b.genesisTime.toEpochMilli() / BLOCK_INTERVAL_MS * BLOCK_INTERVAL_MS;
    World genesis = new World();
    World.TokenState usdtState = new World.TokenState(b.usdtAddress, "Tether USD", "USDT", 6);
    genesis.tokens.put(b.usdtAddress, usdtState);
    for (DevAccount account : accounts) {
      genesis.activate(account.address(), genesisTime).balance = b.accountBalanceSun;
      usdtState.balances.put(account.address(), b.accountUsdtUnits);
      usdtState.totalSupply = usdtState.totalSupply.add(b.accountUsdtUnits);
    }
    genesis.activate(mallory.address(), genesisTime).balance = b.accountBalanceSun;
    for (PrivateKey w : witnesses) {
      genesis.activate(w.address(), genesisTime);
    }
    b.allocation.forEach((address, sun) -> genesis.activate(address, genesisTime).balance += sun);
    this.usdt = new DevToken(b.usdtAddress, "Tether USD", "USDT", 6);
    tokens.put(usdt.address(), usdt);
    this.chain = new Chain(b.params, genesisTime, BLOCK_INTERVAL_MS, b.solidityDepth, witnesses,
        genesis);
    this.faults = new Faults(faultPlan, this);
  }

  /**
   * A builder with the defaults: seed {@code "tronpay-devnode"}, 10 accounts with 1,000,000 TRX
   * and 1,000,000 USDT each, USDT at the mainnet address, solidity depth 19, manual mining.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private PrivateKey derivedKey(String role, int index) {
    for (int attempt = 0; ; attempt++) {
      byte[] material = Hashes.sha256((new String(seed, StandardCharsets.UTF_8) + ":" + role
          + ":" + index + ":" + attempt).getBytes(StandardCharsets.UTF_8));
      try {
        return PrivateKey.fromBytes(material);
      } catch (KeyFormatException e) {
        // A hash outside the curve order is astronomically rare; the next attempt fixes it.
        log.debug("derived key {} {} attempt {} out of range", role, index, attempt);
      }
    }
  }

  /**
   * Starts serving HTTP (on the builder's port, or a free one) and the mining timer if set.
   * Calling it again returns the same URL.
   *
   * @return the base URL, such as {@code http://127.0.0.1:8090}, without a trailing slash
   */
  public synchronized String start() {
    if (server == null) {
      MockWebServer s = new MockWebServer();
      NodeApi api = new NodeApi(chain, faultPlan);
      // MockWebServer keeps every request for takeRequest(); a long-running node must not.
      api.afterDispatch(() -> drain(s));
      s.setDispatcher(api);
      s.setServerSocketFactory(new NoDelayServerSockets());
      try {
        s.start(InetAddress.getLoopbackAddress(), port);
      } catch (IOException e) {
        throw new UncheckedIOException("DevNode could not listen on port " + port, e);
      }
      server = s;
      if (blockTime != null) {
        startMining(blockTime);
      }
      log.info("DevNode listening on {}", url());
    }
    return url();
  }

  private static void drain(MockWebServer s) {
    try {
      while (s.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
        // discard
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The base URL.
   *
   * @return the URL without a trailing slash
   * @throws IllegalStateException before {@link #start()}
   */
  public synchronized String url() {
    if (server == null) {
      throw new IllegalStateException("DevNode is not started");
    }
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  /** Stops the timer and the HTTP server. */
  @Override
  public synchronized void close() {
    stopMining();
    if (server != null) {
      server.close();
      server = null;
    }
  }

  // ---- accounts and tokens ----------------------------------------------------------------

  /**
   * The funded development accounts, derived from the seed. DEV USE ONLY.
   *
   * @return the accounts, in order
   */
  public List<DevAccount> accounts() {
    return accounts;
  }

  /**
   * The default USDT-like token.
   *
   * @return the token, at the mainnet USDT address unless the builder moved it
   */
  public DevToken usdt() {
    return usdt;
  }

  /**
   * Deploys another TRC20 with USDT semantics at an address derived from the seed, such as a
   * fake "USDT" that a monitor must not credit.
   *
   * @param name the token name
   * @param symbol the symbol
   * @param decimals 0 to 36
   * @return the token
   */
  public synchronized DevToken deployToken(String name, String symbol, int decimals) {
    byte[] hash = Hashes.keccak256((seedText + ":token:" + deployedTokens++)
        .getBytes(StandardCharsets.UTF_8));
    byte[] id = new byte[20];
    System.arraycopy(hash, 12, id, 0, 20);
    return deployToken(name, symbol, decimals, Address.fromAccountId(id));
  }

  /**
   * Deploys a TRC20 with USDT semantics at {@code address}.
   *
   * @param name the token name
   * @param symbol the symbol
   * @param decimals 0 to 36
   * @param address where; must hold no contract yet
   * @return the token
   */
  public synchronized DevToken deployToken(String name, String symbol, int decimals,
      Address address) {
    if (decimals < 0 || decimals > 36) {
      throw new InvalidDevNodeArgumentException("decimals must be 0 to 36, got " + decimals);
    }
    if (chain.pendingState().isContract(address)) {
      throw new InvalidDevNodeArgumentException("a contract already lives at "
          + address.toBase58());
    }
    chain.editHead(w -> w.tokens.put(address, new World.TokenState(address, name, symbol,
        decimals)));
    DevToken token = new DevToken(address, name, symbol, decimals);
    tokens.put(address, token);
    return token;
  }

  /**
   * Faucet: adds TRX to an account, activating it if needed. Applies to the head state.
   *
   * @param address the recipient
   * @param sun how much, positive
   */
  public void fund(Address address, long sun) {
    if (sun <= 0) {
      throw new InvalidDevNodeArgumentException("sun must be positive, got " + sun);
    }
    chain.editHead(w -> {
      World.AccountState a = w.activate(address, chain.head().timestamp());
      a.balance = Math.addExact(a.balance, sun);
    });
  }

  /**
   * Faucet: mints token units to a holder. Applies to the head state.
   *
   * @param token the token
   * @param holder the recipient
   * @param units base units, positive
   */
  public void mintToken(DevToken token, Address holder, BigInteger units) {
    if (units.signum() <= 0) {
      throw new InvalidDevNodeArgumentException("units must be positive, got " + units);
    }
    chain.editHead(w -> {
      World.TokenState t = tokenState(w, token);
      t.balances.put(holder, t.balanceOf(holder).add(units));
      t.totalSupply = t.totalSupply.add(units);
    });
  }

  /**
   * Adds an address to a token's blacklist (transfers from it then revert) or removes it.
   *
   * @param token the token
   * @param address the holder
   * @param blacklisted true to block its transfers
   */
  public void blacklist(DevToken token, Address address, boolean blacklisted) {
    chain.editHead(w -> {
      World.TokenState t = tokenState(w, token);
      if (blacklisted) {
        t.blacklist.add(address);
      } else {
        t.blacklist.remove(address);
      }
    });
  }

  /**
   * Replaces an account's active permission {@code id} (2 or more), for multi-signature tests.
   *
   * @param owner the account
   * @param id the permission id, 2 or more
   * @param threshold the weight the signatures must reach
   * @param keys signer addresses and their weights
   */
  public void setActivePermission(Address owner, int id, int threshold, Map<Address, Integer> keys) {
    if (id < 2) {
      throw new InvalidDevNodeArgumentException("active permission id must be 2 or more, got "
          + id);
    }
    int total = keys.values().stream().mapToInt(Integer::intValue).sum();
    if (threshold < 1 || threshold > total) {
      throw new InvalidDevNodeArgumentException("threshold must be between 1 and the keys' "
          + "total weight " + total + ", got " + threshold);
    }
    chain.editHead(w -> {
      World.AccountState a = w.activate(owner, chain.head().timestamp());
      a.active.removeIf(p -> p.id() == id);
      a.active.add(new World.Permission(id, "active", threshold, keys));
    });
  }

  private static World.TokenState tokenState(World w, DevToken token) {
    World.TokenState t = w.tokens.get(token.address());
    if (t == null) {
      throw new InvalidDevNodeArgumentException("no token at " + token.address().toBase58());
    }
    return t;
  }

  /**
   * The TRX balance at the head (pending transactions not yet applied).
   *
   * @param address the account
   * @return sun; 0 for an account that does not exist
   */
  public long balance(Address address) {
    World.AccountState a = chain.stateAt(chain.head().number()).account(address);
    return a == null ? 0 : a.balance;
  }

  /**
   * A token balance at the head.
   *
   * @param token the token
   * @param holder the holder
   * @return base units
   */
  public BigInteger tokenBalance(DevToken token, Address holder) {
    return tokenState(chain.stateAt(chain.head().number()), token).balanceOf(holder);
  }

  // ---- blocks and time ----------------------------------------------------------------------

  /**
   * Mines one block with the pending transactions.
   *
   * @return the new head's number
   */
  public long mineBlock() {
    return chain.mine().number();
  }

  /**
   * Mines {@code count} blocks; only the first carries the pending transactions.
   *
   * @param count at least 1
   * @return the new head's number
   */
  public long mineBlocks(int count) {
    if (count < 1) {
      throw new InvalidDevNodeArgumentException("count must be at least 1, got " + count);
    }
    long head = 0;
    for (int i = 0; i < count; i++) {
      head = mineBlock();
    }
    return head;
  }

  /**
   * Mines a block every {@code interval} of real time until {@link #stopMining()}.
   *
   * @param interval the wall-clock time between blocks
   */
  public synchronized void startMining(Duration interval) {
    if (interval.isZero() || interval.isNegative()) {
      throw new InvalidDevNodeArgumentException("interval must be positive, got " + interval);
    }
    stopMining();
    miner = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "devnode-miner");
      t.setDaemon(true);
      return t;
    });
    miner.scheduleAtFixedRate(this::mineBlock, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Stops timer mining. */
  public synchronized void stopMining() {
    if (miner != null) {
      miner.shutdownNow();
      miner = null;
    }
  }

  /**
   * Moves the simulated clock: the next block is stamped {@code duration} (rounded up to 3 s
   * slots) later than it would be, as if producers had missed those slots. This is how tests
   * let an unfreeze delay or a delegation lock pass.
   *
   * @param duration how far, positive
   */
  public void advanceTime(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      throw new InvalidDevNodeArgumentException("duration must be positive, got " + duration);
    }
    chain.skipTime(duration.toMillis());
  }

  /**
   * The head block's number.
   *
   * @return the number
   */
  public long headBlockNumber() {
    return chain.head().number();
  }

  /**
   * The head block's id.
   *
   * @return 32 bytes, the number then 24 bytes of hash
   */
  public byte[] headBlockId() {
    return chain.head().id();
  }

  /**
   * The head block's timestamp: the simulated "now".
   *
   * @return epoch milliseconds
   */
  public long headBlockTime() {
    return chain.head().timestamp();
  }

  /**
   * The solidified head's number: the head minus the solidity depth.
   *
   * @return the number
   */
  public long solidBlockNumber() {
    return chain.solidHead().number();
  }

  /**
   * Replaces the last {@code depth} blocks with a new branch of the same height.
   *
   * @param depth 1 up to the number of unsolidified blocks
   * @param mode whether their transactions vanish or move to a later block
   * @return the new head's id in hex
   */
  public String reorg(int depth, ReorgMode mode) {
    long unsolidified = chain.head().number() - chain.solidHead().number();
    if (depth < 1 || depth > unsolidified) {
      throw new InvalidDevNodeArgumentException("reorg depth must be 1 to " + unsolidified
          + " (the unsolidified blocks), got " + depth);
    }
    List<Block> branch = chain.reorg(depth, mode == ReorgMode.MOVE_TRANSACTIONS);
    return branch.get(branch.size() - 1).idHex();
  }

  // ---- transactions -----------------------------------------------------------------------

  /**
   * Raw data for {@code contract} referencing the head block, expiring in 60 s of simulated time,
   * with a 100 TRX fee limit; adjust it through the builder before signing.
   *
   * @param contract what the transaction does
   * @return a builder ready to build
   */
  public RawData.Builder newRawData(Contract contract) {
    Block head = chain.head();
    return RawData.builder().referenceBlock(head.number(), head.id())
        .expiration(head.timestamp() + EXPIRATION_MS).timestamp(head.timestamp())
        .feeLimit(contract instanceof TriggerSmartContract ? DEFAULT_FEE_LIMIT : 0)
        .contract(contract);
  }

  /**
   * Broadcasts directly, without HTTP, validating exactly as {@code /wallet/broadcasttransaction}.
   *
   * @param tx a signed transaction
   * @return the node's answer
   */
  public BroadcastResult broadcast(Transaction tx) {
    try {
      chain.broadcast(tx);
      return new BroadcastResult(true, "SUCCESS", "", tx.txId());
    } catch (Rejection e) {
      return new BroadcastResult(false, e.code(), e.getMessage(), tx.txId());
    }
  }

  /**
   * The scriptable faults.
   *
   * @return the fault script of this node
   */
  public Faults faults() {
    return faults;
  }

  // ---- scripted chain events ------------------------------------------------------------------

  /**
   * Queues a USDT {@code transfer(to, amount)} that reverts (its sender holds no USDT), so the
   * chain carries transfer call data to {@code to} with receipt REVERT and no log.
   *
   * @param to the recipient named in the call data
   * @param amount base units named in the call data
   * @return the transaction id
   */
  public String injectRevertedTransfer(Address to, BigInteger amount) {
    World.TokenState t = tokenState(chain.pendingState(), usdt);
    if (t.balanceOf(mallory.address()).signum() > 0) {
      throw new IllegalStateException("the scripted sender unexpectedly holds USDT");
    }
    return submit(mallory, usdt.address(), new Trc20Call.Transfer(to, amount).encode());
  }

  /**
   * Queues a genuine Transfer of a fake token (deploy one with {@link #deployToken}) to {@code
   * to}: a log a monitor must not credit as USDT.
   *
   * @param fake the fake token
   * @param to the watched address
   * @param amount base units
   * @return the transaction id
   */
  public String injectFakeTokenTransfer(DevToken fake, Address to, BigInteger amount) {
    mintToken(fake, mallory.address(), amount.max(BigInteger.ONE));
    return submit(mallory, fake.address(), new Trc20Call.Transfer(to, amount).encode());
  }

  /**
   * Queues a zero-value USDT {@code transferFrom(victim, to, 0)} by a third party: address
   * poisoning spam whose Transfer log names {@code victim} without its consent.
   *
   * @param victim the "from" the log shows
   * @param to the recipient
   * @return the transaction id
   */
  public String injectZeroValueTransferFrom(Address victim, Address to) {
    return submit(mallory, usdt.address(),
        new Trc20Call.TransferFrom(victim, to, BigInteger.ZERO).encode());
  }

  /**
   * Queues a USDT transfer made inside another contract: {@code caller} calls a relay contract,
   * which calls USDT's {@code transfer} from its own balance. The Transfer log comes from the
   * USDT address inside a transaction whose contract is the relay.
   *
   * @param caller the dev account that calls the relay
   * @param to the recipient
   * @param amount base units
   * @return the transaction id
   */
  public String injectInternalTransfer(DevAccount caller, Address to, BigInteger amount) {
    Address relayAddress = relay();
    mintToken(usdt, relayAddress, amount.max(BigInteger.ONE));
    return submit(caller.privateKey(), relayAddress,
        new Trc20Call.Transfer(to, amount).encode());
  }

  private synchronized Address relay() {
    if (relay == null) {
      byte[] hash = Hashes.keccak256((seedText + ":relay").getBytes(StandardCharsets.UTF_8));
      byte[] id = new byte[20];
      System.arraycopy(hash, 12, id, 0, 20);
      Address address = Address.fromAccountId(id);
      chain.editHead(w -> w.relays.put(address, usdt.address()));
      relay = address;
    }
    return relay;
  }

  private String submit(PrivateKey signer, Address contract, byte[] data) {
    RawData raw = newRawData(new TriggerSmartContract(signer.address(), contract, data))
        .build();
    Transaction tx = Transaction.of(raw).sign(signer);
    BroadcastResult result = broadcast(tx);
    if (!result.accepted()) {
      throw new IllegalStateException("scripted transaction rejected: " + result.code());
    }
    return tx.txId();
  }

  /** Configures a {@link DevNode}; reusable, each {@link #build()} makes a fresh node. */
  public static final class Builder {
    private String seed = "tronpay-devnode";
    private int accounts = 10;
    private long accountBalanceSun = 1_000_000_000_000L;
    private BigInteger accountUsdtUnits = BigInteger.valueOf(1_000_000_000_000L);
    private Address usdtAddress = MAINNET_USDT;
    private int solidityDepth = 19;
    private Instant genesisTime = Instant.parse("2026-01-01T00:00:00Z");
    private Duration blockTime;
    private int port;
    private Params params = Params.defaults();
    private final Map<Address, Long> allocation = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The seed every key, id and address derives from.
     *
     * @param seed any text
     * @return this
     */
    public Builder seed(String seed) {
      if (seed == null || seed.isEmpty()) {
        throw new InvalidDevNodeArgumentException("seed must not be empty");
      }
      this.seed = seed;
      return this;
    }

    /**
     * How many funded dev accounts.
     *
     * @param count 1 to 1000
     * @return this
     */
    public Builder accounts(int count) {
      if (count < 1 || count > 1000) {
        throw new InvalidDevNodeArgumentException("accounts must be 1 to 1000, got " + count);
      }
      this.accounts = count;
      return this;
    }

    /**
     * Each dev account's TRX at genesis.
     *
     * @param sun not negative
     * @return this
     */
    public Builder accountBalanceSun(long sun) {
      if (sun < 0) {
        throw new InvalidDevNodeArgumentException("balance must not be negative, got " + sun);
      }
      this.accountBalanceSun = sun;
      return this;
    }

    /**
     * Each dev account's USDT at genesis.
     *
     * @param units base units (6 decimals), not negative
     * @return this
     */
    public Builder accountUsdtUnits(BigInteger units) {
      if (units.signum() < 0) {
        throw new InvalidDevNodeArgumentException("USDT must not be negative, got " + units);
      }
      this.accountUsdtUnits = units;
      return this;
    }

    /**
     * Adds TRX to an address at genesis.
     *
     * @param address the account
     * @param sun positive
     * @return this
     */
    public Builder genesisAllocation(Address address, long sun) {
      if (sun <= 0) {
        throw new InvalidDevNodeArgumentException("allocation must be positive, got " + sun);
      }
      allocation.merge(address, sun, Math::addExact);
      return this;
    }

    /**
     * Moves the default USDT away from the mainnet address.
     *
     * @param address the contract address
     * @return this
     */
    public Builder usdtAddress(Address address) {
      this.usdtAddress = java.util.Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * How far the solidified head trails the head.
     *
     * @param depth 0 to 1000; default 19 like mainnet
     * @return this
     */
    public Builder solidityDepth(int depth) {
      if (depth < 0 || depth > 1000) {
        throw new InvalidDevNodeArgumentException("solidity depth must be 0 to 1000, got "
            + depth);
      }
      this.solidityDepth = depth;
      return this;
    }

    /**
     * The genesis block's time, rounded down to a 3 s slot.
     *
     * @param time the instant
     * @return this
     */
    public Builder genesisTime(Instant time) {
      this.genesisTime = java.util.Objects.requireNonNull(time, "time");
      return this;
    }

    /**
     * Mines on a timer after {@link DevNode#start()}; null (the default) mines only on demand.
     *
     * @param interval real time between blocks
     * @return this
     */
    public Builder blockTime(Duration interval) {
      if (interval != null && (interval.isZero() || interval.isNegative())) {
        throw new InvalidDevNodeArgumentException("block time must be positive, got "
            + interval);
      }
      this.blockTime = interval;
      return this;
    }

    /**
     * The TCP port; 0 (the default) picks a free one.
     *
     * @param port 0 to 65535
     * @return this
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new InvalidDevNodeArgumentException("port must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The energy price, as chain parameter {@code getEnergyFee}.
     *
     * @param sun per unit of energy, positive; default 100
     * @return this
     */
    public Builder energyPriceSun(long sun) {
      if (sun <= 0) {
        throw new InvalidDevNodeArgumentException("energy price must be positive, got " + sun);
      }
      Params p = params;
      this.params = new Params(sun, p.bandwidthPriceSun(), p.freeNetLimit(),
          p.createAccountFeeSun(), p.createNewAccountFeeInSystemContractSun(),
          p.maxFeeLimitSun(), p.unfreezeDelayDays(), p.totalNetLimit(), p.totalNetWeight(),
          p.totalEnergyLimit(), p.totalEnergyWeight(), p.transferEnergyToHolder(),
          p.transferEnergyToNewHolder(), p.revertEnergy(), p.approveEnergy(), p.readEnergy(),
          p.relayOverheadEnergy(), p.rewardSunPerVotePerBlock(), p.memoFeeSun());
      return this;
    }

    /**
     * A new node with this configuration; call {@link DevNode#start()} to serve it.
     *
     * @return the node
     */
    public DevNode build() {
      return new DevNode(this);
    }
  }
}

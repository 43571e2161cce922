package io.tronpay.monitor;

import io.tronpay.client.TronNodeException;
import io.tronpay.client.TronTransportException;
import io.tronpay.monitor.internal.Dispatcher;
import io.tronpay.monitor.internal.PaymentEngine;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches deposit addresses for payments: reads the chain through a {@link ChainSource}, matches
 * transfers to {@link PaymentRequest}s, records every step atomically in a {@link PaymentStore}
 * and delivers the resulting events to {@link PaymentListener}s from the store's outbox.
 *
 * <pre>{@code
 * try (PaymentMonitor monitor = PaymentMonitor.builder()
 *     .source(BlockScanSource.builder(client).build())
 *     .listener(myListener)
 *     .build()) {
 *   monitor.start();
 *   monitor.watch(PaymentRequest.builder().orderId("A-1").address(deposit)
 *       .usdt(TokenAmount.parse("12.5", 6)).build());
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. One loop thread polls, expires and delivers; {@code watch} and {@code cancel}
 * may be called from any thread. Events are delivered at least once with stable ids; a crash
 * between storing a step and calling the listeners delivers the events after the restart.
 */
public final class PaymentMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PaymentMonitor.class);
  /** The most requests one {@link #watchAll} call takes. */
  public static final int MAX_BATCH = 1000;
  private static final int MAX_STEPS_PER_TICK = 50;
  private static final int EXPIRY_BATCH = 10_000;

  private final ChainSource source;
  private final PaymentStore store;
  private final Clock clock;
  private final Duration pollInterval;
  private final Duration retention;
  private final ScheduledExecutorService executor;
  private final boolean ownsExecutor;
  private final PaymentEngine engine;
  private final Dispatcher dispatcher;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Map<String, AtomicLong> sourceErrors = new ConcurrentHashMap<>();
  private final AtomicLong consecutiveErrors = new AtomicLong();
  private volatile ChainUpdate lastUpdate;
  private volatile Instant lastPollAt;
  private volatile Instant lastPurgeAt = Instant.EPOCH;
  /** Whether the last round found another instance scanning; logged on change only. */
  private volatile boolean standby;
  private ScheduledFuture<?> task;
  private boolean closed;

  private PaymentMonitor(Builder b) {
    this.source = b.source;
    this.store = b.store != null ? b.store : new InMemoryPaymentStore();
    this.clock = b.clock;
    this.pollInterval = b.pollInterval;
    this.retention = b.retention;
    this.ownsExecutor = b.executor == null;
    this.executor = b.executor != null ? b.executor : Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "tronpay-monitor");
          thread.setDaemon(true);
          return thread;
        });
    this.engine = new PaymentEngine(store);
    this.dispatcher = new Dispatcher(store, b.listeners, b.deliveryPolicy, b.deliveryLease);
  }

  /** A builder; a source is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the loop: poll, expire, deliver, every poll interval. Starting twice does nothing.
   *
   * @throws IllegalStateException if closed
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("monitor is closed");
    }
    if (task == null) {
      task = executor.scheduleWithFixedDelay(this::tick, 0, pollInterval.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Stops the loop after the current round; {@link #start()} resumes from the stored cursor. */
  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  /** Stops, and shuts down the thread the monitor made. Does not close the store or source. */
  @Override
  public synchronized void close() {
    stop();
    closed = true;
    if (ownsExecutor) {
      executor.shutdown();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Starts watching one request.
   *
   * @param request the request
   * @return its stored state, PENDING
   * @throws DuplicateOrderIdException if the order id is watched already
   * @throws AddressConflictException if an open request on the address cannot be told apart
   */
  public Payment watch(PaymentRequest request) {
    return watchAll(List.of(request)).get(0);
  }

  /**
   * Starts watching up to {@value #MAX_BATCH} requests, all or none: the batch is checked as a
   * whole before anything is stored.
   *
   * @param requests the requests
   * @return their stored states, in order
   * @throws InvalidPaymentRequestException (or a subclass) naming the first fault found
   */
  public List<Payment> watchAll(List<PaymentRequest> requests) {
    if (requests.isEmpty() || requests.size() > MAX_BATCH) {
      throw new InvalidPaymentRequestException("a batch holds 1 to " + MAX_BATCH
          + " requests, got " + requests.size());
    }
    writeLock.lock();
    try {
      Instant now = clock.instant();
      checkAddresses(requests);
      List<Payment> payments = new ArrayList<>(requests.size());
      for (PaymentRequest r : requests) {
        Payment p = Payment.watched(r, now);
        if (!p.expiresAt().isAfter(now)) {
          throw new InvalidPaymentRequestException("request " + r.id() + " expires at "
              + p.expiresAt() + ", which is not in the future");
        }
        payments.add(p);
      }
      store.insert(payments);
      return payments;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Watches a request on a shared address, with an amount the allocator makes unique among the
   * open requests there. The request's expected amount is the base price.
   *
   * @param request the request, whose amount is the base price
   * @param allocator how amounts are told apart
   * @return the stored state; its request carries the amount the customer must pay
   */
  public Payment watchShared(PaymentRequest request, AmountAllocator allocator) {
    writeLock.lock();
    try {
      List<BigInteger> taken = new ArrayList<>();
      for (Payment p : store.findByAddresses(List.of(request.address()))
          .getOrDefault(request.address(), List.of())) {
        if (p.status().isOpen() && p.request().asset().equals(request.asset())) {
          taken.add(p.request().expectedUnits());
        }
      }
      BigInteger amount = allocator.allocate(request.expectedUnits(), taken);
      return watch(request.toBuilder().matchMode(MatchMode.SHARED_ADDRESS)
          .amount(request.asset(), amount).build());
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Cancels a request that has received nothing.
   *
   * @param id the request id
   * @return its new state, CANCELLED
   * @throws UnknownPaymentException if no such request is stored
   * @throws IllegalTransitionException if it is not PENDING or REVERTED
   */
  public Payment cancel(String id) {
    writeLock.lock();
    try {
      Payment p = store.find(id).orElseThrow(() -> new UnknownPaymentException(id));
      StoreBatch batch = engine.cancel(p, clock.instant());
      store.apply(batch);
      return batch.payments().get(0).next();
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * A request's state.
   *
   * @param id the request id
   * @return the state, or empty if unknown (or purged after retention)
   */
  public Optional<Payment> status(String id) {
    return store.find(id);
  }

  /**
   * A request's state by the host's order id.
   *
   * @param orderId the order id
   * @return the state, or empty
   */
  public Optional<Payment> findByOrderId(String orderId) {
    return store.findByOrderId(orderId);
  }

  /**
   * The transfers recorded for a request.
   *
   * @param id the request id
   * @return the records, in the order first seen
   */
  public List<TransferRecord> transfers(String id) {
    return store.transfersOf(id);
  }

  /**
   * Checks a request's recorded transfers against the chain again, by transaction id. Changes
   * nothing; a discrepancy is for the host to look into.
   *
   * @param id the request id
   * @return what the chain says about each recorded transfer
   * @throws UnknownPaymentException if no such request is stored
   */
  public ReconcileReport reconcile(String id) {
    Payment p = store.find(id).orElseThrow(() -> new UnknownPaymentException(id));
    List<ReconcileReport.Check> checks = new ArrayList<>();
    Map<String, List<Transfer>> byTx = new HashMap<>();
    for (TransferRecord recorded : store.transfersOf(id)) {
      List<Transfer> onChain = byTx.computeIfAbsent(recorded.transfer().txId(),
          source::transfersOf);
      Transfer match = null;
      for (Transfer t : onChain) {
        if (t.key().equals(recorded.key()) && t.to().equals(recorded.transfer().to())
            && t.units().equals(recorded.transfer().units())) {
          match = t;
        }
      }
      checks.add(new ReconcileReport.Check(recorded, match));
    }
    return new ReconcileReport(p, checks);
  }

  /** How the monitor is doing. */
  public MonitorHealth health() {
    ChainUpdate last = lastUpdate;
    Optional<ScanCursor> cursor = store.cursor();
    long head = last == null ? -1 : last.head();
    long scanned = cursor.map(ScanCursor::headBlock).orElse(-1L);
    Instant lastBlockTime = cursor.filter(c -> c.headTimestamp() > 0)
        .map(c -> Instant.ofEpochMilli(c.headTimestamp())).orElse(null);
    Map<String, Long> errors = new HashMap<>();
    sourceErrors.forEach((k, v) -> errors.put(k, v.get()));
    StoreStats stats = store.stats();
    boolean running;
    synchronized (this) {
      running = task != null;
    }
    return new MonitorHealth(running, head, scanned, head < 0 ? 0 : Math.max(0, head - scanned),
        lastBlockTime, lastPollAt, errors, consecutiveErrors.get(), store.openCount(),
        stats.outboxPending(), stats.deadLetters(), dispatcher.failures(), source.requestCount());
  }

  /** Counts and volumes by state and asset. */
  public StoreStats stats() {
    return store.stats();
  }

  /** One round of the loop: read the chain until caught up, expire, deliver, purge. */
  void tick() {
    // Each phase fails on its own: a standby whose chain step is fenced, or a node outage, must
    // not stop this instance from delivering the events already stored.
    if (scanAllowed()) {
      runPhase("chain step", () -> {
        for (int i = 0; i < MAX_STEPS_PER_TICK; i++) {
          if (scanOnce()) {
            break;
          }
        }
        expireOnce();
      });
    }
    runPhase("delivery", () -> {
      deliverOnce();
      purgeIfDue();
    });
  }

  private boolean scanAllowed() {
    boolean allowed;
    try {
      allowed = store.mayScan();
    } catch (RuntimeException e) {
      LOG.error("cannot tell whether this instance may scan; retrying next round", e);
      return false;
    }
    if (allowed == standby) {
      standby = !allowed;
      LOG.info(allowed ? "this instance scans the chain"
          : "another instance scans the chain; this one delivers events only");
    }
    return allowed;
  }

  private static void runPhase(String phase, Runnable work) {
    try {
      work.run();
    } catch (StaleStateException e) {
      // Another instance wrote first (it took the scanner lease, or changed the same payment):
      // the next round starts from what it stored.
      LOG.info("{} skipped: {}", phase, e.getMessage());
    } catch (RuntimeException e) {
      // An escaping exception would cancel the scheduled loop; log it and go on next round.
      LOG.error("{} failed; retrying next round", phase, e);
    }
  }

  /**
   * Reads and stores one chain step.
   *
   * @return whether the source is caught up (or failed: wait for the next round)
   */
  boolean scanOnce() {
    Optional<ScanCursor> cursor;
    long awaiting;
    try {
      cursor = store.cursor();
      awaiting = awaitingFrom(cursor);
    } catch (RuntimeException e) {
      countFailure("store", "the store", e);
      return true;
    }
    ChainUpdate update;
    try {
      update = source.poll(cursor, awaiting);
    } catch (RuntimeException e) {
      countFailure(errorKind(e), "chain source", e);
      return true;
    }
    writeLock.lock();
    try {
      store.apply(engine.step(update, clock.instant()));
    } finally {
      writeLock.unlock();
    }
    consecutiveErrors.set(0);
    lastUpdate = update;
    lastPollAt = clock.instant();
    return update.caughtUp();
  }

  private void countFailure(String kind, String what, RuntimeException e) {
    sourceErrors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    long streak = consecutiveErrors.incrementAndGet();
    if (streak == 1 || streak % 20 == 0) {
      LOG.warn("{} failed ({}), {} in a row; falling behind, not skipping", what, kind, streak,
          e);
    }
  }

  /**
   * The lowest block whose solidification something waits for: an unconfirmed transfer, or an
   * open request past its expiry that waits for the chain to settle; -1 when nothing waits.
   */
  private long awaitingFrom(Optional<ScanCursor> cursor) {
    long lowest = store.lowestUnconfirmedBlock();
    Instant now = clock.instant();
    if (cursor.isPresent() && lowest < 0
        && cursor.get().settledTimestamp() < now.toEpochMilli()
        && !store.findExpired(now, 1).isEmpty()) {
      lowest = cursor.get().solidBlock() + 1;
    }
    return lowest;
  }

  /** Expires what is due. */
  void expireOnce() {
    Optional<ScanCursor> cursor = store.cursor();
    if (cursor.isEmpty()) {
      return;
    }
    writeLock.lock();
    try {
      StoreBatch batch = engine.expire(clock.instant(), cursor.get(), EXPIRY_BATCH);
      if (!batch.isEmpty()) {
        store.apply(batch);
      }
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Delivers due outbox events.
   *
   * @return events acknowledged
   */
  int deliverOnce() {
    return dispatcher.deliver(clock.instant());
  }

  private void purgeIfDue() {
    Instant now = clock.instant();
    if (Duration.between(lastPurgeAt, now).compareTo(Duration.ofMinutes(1)) < 0) {
      return;
    }
    lastPurgeAt = now;
    int purged = store.purgeFinished(now.minus(retention));
    if (purged > 0) {
      LOG.info("purged {} finished requests past their retention", purged);
    }
  }

  private void checkAddresses(List<PaymentRequest> requests) {
    Set<io.tronpay.core.Address> addresses = new HashSet<>();
    for (PaymentRequest r : requests) {
      addresses.add(r.address());
    }
    Map<io.tronpay.core.Address, List<Payment>> stored = store.findByAddresses(addresses);
    Map<io.tronpay.core.Address, List<PaymentRequest>> open = new HashMap<>();
    for (Map.Entry<io.tronpay.core.Address, List<Payment>> e : stored.entrySet()) {
      for (Payment p : e.getValue()) {
        if (p.status().isOpen()) {
          open.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(p.request());
        }
      }
    }
    for (PaymentRequest r : requests) {
      List<PaymentRequest> others = open.computeIfAbsent(r.address(), k -> new ArrayList<>());
      for (PaymentRequest other : others) {
        if (!other.asset().equals(r.asset())) {
          continue;
        }
        if (r.matchMode() == MatchMode.UNIQUE_ADDRESS
            || other.matchMode() == MatchMode.UNIQUE_ADDRESS) {
          throw new AddressConflictException("address " + r.address() + " already has open "
              + other.asset().symbol() + " request " + other.id() + "; request " + r.id()
              + " needs it alone");
        }
        if (other.expectedUnits().equals(r.expectedUnits())) {
          throw new AddressConflictException("shared address " + r.address()
              + " already expects " + r.expectedAmount() + " for request " + other.id());
        }
      }
      others.add(r);
    }
  }

  private static String errorKind(RuntimeException e) {
    if (e instanceof TronTransportException) {
      int status = ((TronTransportException) e).httpStatus();
      if (status == 429 || status == 403) {
        return "rate_limited";
      }
      return status >= 500 ? "server" : "transport";
    }
    if (e instanceof TronNodeException) {
      return "node";
    }
    return "other";
  }

  /** Collects a monitor's settings. */
  public static final class Builder {
    private ChainSource source;
    private PaymentStore store;
    private final List<PaymentListener> listeners = new ArrayList<>();
    private ScheduledExecutorService executor;
    private Duration pollInterval = Duration.ofSeconds(3);
    private Clock clock = Clock.systemUTC();
    private DeliveryPolicy deliveryPolicy = DeliveryPolicy.DEFAULT;
    private Duration retention = Duration.ofHours(24);
    private Duration deliveryLease = Duration.ofMinutes(5);

    private Builder() {}

    /**
     * Where transfers come from (required).
     *
     * @param source the source
     * @return this builder
     */
    public Builder source(ChainSource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Where state is kept; an {@link InMemoryPaymentStore} by default.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(PaymentStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(PaymentListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Runs the loop on the host's executor instead of a thread of its own.
     *
     * @param executor the executor; the monitor never shuts it down
     * @return this builder
     */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The pause between rounds; 3 seconds (one TRON block) by default.
     *
     * @param pollInterval more than 0
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      Objects.requireNonNull(pollInterval, "pollInterval");
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive, got " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * The clock for expiry, retention and event times; the system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How failed listener calls are retried.
     *
     * @param deliveryPolicy the policy
     * @return this builder
     */
    public Builder deliveryPolicy(DeliveryPolicy deliveryPolicy) {
      this.deliveryPolicy = Objects.requireNonNull(deliveryPolicy, "deliveryPolicy");
      return this;
    }

    /**
     * How long an instance keeps the events it claimed for delivery before another instance may
     * claim them; 5 minutes by default. Shorter brings a dead instance's events back sooner; it
     * must stay longer than the slowest listener call, or a slow event is delivered twice.
     *
     * @param lease positive
     * @return this builder
     */
    public Builder deliveryLease(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.isZero() || lease.isNegative()) {
        throw new IllegalArgumentException("deliveryLease must be positive, got " + lease);
      }
      this.deliveryLease = lease;
      return this;
    }

    /**
     * How long finished requests stay in the store; 24 hours by default.
     *
     * @param retention not negative
     * @return this builder
     */
    public Builder retention(Duration retention) {
      Objects.requireNonNull(retention, "retention");
      if (retention.isNegative()) {
        throw new IllegalArgumentException("retention must not be negative, got " + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * Builds the monitor; it does nothing until {@link PaymentMonitor#start()}.
     *
     * @return the monitor
     * @throws IllegalStateException if no source was set
     */
    public PaymentMonitor build() {
      if (source == null) {
        throw new IllegalStateException("a chain source is required");
      }
      return new PaymentMonitor(this);
    }
  }
}

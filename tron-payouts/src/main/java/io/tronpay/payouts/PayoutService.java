package io.tronpay.payouts;

import io.tronpay.client.Block;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.client.TronClientException;
import io.tronpay.client.TronNodeException;
import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import io.tronpay.core.Signer;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.payouts.internal.SolidConfirmations;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays out TRX and TRC20 tokens through a crash-safe ledger that never pays an idempotency key
 * twice.
 *
 * <p>Each payout moves {@code REQUESTED → SIGNED → BROADCAST → CONFIRMED | FAILED}, and every
 * state change is stored in the {@link PayoutLedger} before the next step is taken: the txID and
 * the exact signed bytes are stored before the first broadcast, and a broadcast attempt is
 * recorded before it is sent. After a crash, {@link #resume()} re-broadcasts the same bytes until
 * they confirm; a new transaction is built for the same key only once the chain shows the old one
 * expired and absent (the solidified head is past its expiration and no node knows it). A lost
 * broadcast answer is resolved by looking the txID up.
 *
 * <p>Confirmation means the transaction is on the solidified chain. While many payouts this
 * service sent wait for it, a pass reads each newly solidified block's transaction results once
 * ({@code gettransactioninfobyblocknum}) instead of looking each payout up. Thread-safe: the
 * methods serialize on this service; run one service per ledger and payer.
 */
public final class PayoutService {
  /** The largest batch {@link #submitBatch(List)} takes. */
  public static final int MAX_BATCH = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(PayoutService.class);
  private static final Set<PayoutState> UNFINISHED = EnumSet.of(PayoutState.REQUESTED,
      PayoutState.SIGNED, PayoutState.BROADCAST, PayoutState.EXPIRED);
  /** Refusals that the same bytes will meet again: once such a transaction is dead, it failed. */
  private static final Set<String> LASTING_REFUSALS = Set.of(TronNodeException.SIGERROR,
      TronNodeException.CONTRACT_VALIDATE_ERROR, TronNodeException.CONTRACT_EXE_ERROR,
      TronNodeException.BANDWITH_ERROR, TronNodeException.TOO_BIG_TRANSACTION_ERROR);
  private static final Duration REFERENCE_MAX_AGE = Duration.ofSeconds(10);
  private static final int MAX_KEY_LENGTH = 128;

  private final TronClient client;
  private final PayoutLedger ledger;
  private final Address payer;
  private final List<Signer> payerSigners;
  private final int permissionId;
  private final Function<Address, List<Signer>> otherSigners;
  private final PayoutPolicy policy;
  private final Clock clock;
  private final long tokenFeeLimitSun;
  private final Duration expiration;
  private final SolidConfirmations confirmations;

  private PayoutService(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client");
    this.ledger = Objects.requireNonNull(b.ledger, "ledger");
    this.payer = Objects.requireNonNull(b.payer, "payer");
    if (b.payerSigners.isEmpty()) {
      throw new InvalidFieldException("signers", "the payer needs at least one signer");
    }
    this.payerSigners = List.copyOf(b.payerSigners);
    this.permissionId = b.permissionId;
    this.otherSigners = b.otherSigners;
    this.policy = b.policy;
    this.clock = b.clock;
    this.tokenFeeLimitSun = b.tokenFeeLimitSun;
    this.expiration = b.expiration;
    this.confirmations = new SolidConfirmations(client);
  }

  /**
   * A builder; client, ledger and payer are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The paying account.
   *
   * @return the payer's address
   */
  public Address payer() {
    return payer;
  }

  /**
   * Submits one payout: stores it, signs it and broadcasts it. The same idempotency key returns
   * the payout already stored, advanced as far as it goes now.
   *
   * @param request the payout
   * @return the payout as stored now (normally {@code BROADCAST})
   * @throws InvalidFieldException if a field is refused, or the key was used for another payout
   * @throws PayoutRefusedException if the policy refuses it (nothing is stored)
   */
  public Payout submit(PayoutRequest request) {
    return submitBatch(List.of(Objects.requireNonNull(request, "request"))).get(0);
  }

  /**
   * Submits up to {@value #MAX_BATCH} payouts. The batch is validated as a whole, and the policy
   * asked for each, before anything is stored or signed; then every new payout is stored, and
   * each is signed and broadcast in turn. Requests whose keys are already stored are not paid
   * again.
   *
   * @param requests 1 to 1000 requests with distinct keys
   * @return the payouts as stored now, in request order
   * @throws InvalidFieldException naming the faulty request and field
   * @throws PayoutRefusedException if the policy refuses any request (nothing is stored)
   */
  public synchronized List<Payout> submitBatch(List<PayoutRequest> requests) {
    Objects.requireNonNull(requests, "requests");
    if (requests.isEmpty() || requests.size() > MAX_BATCH) {
      throw new InvalidFieldException("requests",
          "a batch holds 1 to " + MAX_BATCH + " payouts, got " + requests.size());
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      PayoutRequest r = requests.get(i);
      if (r == null) {
        throw new InvalidFieldException("requests[" + i + "]", "is missing");
      }
      Integer earlier = seen.putIfAbsent(r.idempotencyKey(), i);
      if (earlier != null) {
        throw new InvalidFieldException("requests[" + i + "].idempotencyKey",
            "repeats requests[" + earlier + "]");
      }
      if (r.to().equals(payer)) {
        throw new InvalidFieldException("requests[" + i + "].to", "is the payer itself");
      }
    }
    Instant now = clock.instant();
    List<Payout> drafts = new ArrayList<>();
    Map<String, BigInteger> batchCommitted = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      PayoutRequest r = requests.get(i);
      Optional<Payout> existing = ledger.findByKey(r.idempotencyKey());
      if (existing.isPresent()) {
        requireSamePayout(i, existing.get(), r);
        continue;
      }
      PayoutPolicy.Decision decision = policy.approve(r, new PolicyView(now, batchCommitted));
      if (decision == null || !decision.approved()) {
        throw new PayoutRefusedException(r.idempotencyKey(),
            decision == null ? "no decision" : decision.reason());
      }
      batchCommitted.merge(r.asset().key(), r.amount().units(), BigInteger::add);
      drafts.add(draft(r.idempotencyKey(), PayoutKind.TRANSFER, payer, r.to(), r.asset(),
          r.amount().units(), r.memo(), now));
    }
    if (!drafts.isEmpty()) {
      List<Payout> stored = ledger.insertIfAbsent(drafts);
      LOG.info("stored {} new payouts of a batch of {}", stored.size(), requests.size());
    }
    Pass pass = new Pass();
    List<Payout> result = new ArrayList<>(requests.size());
    for (PayoutRequest r : requests) {
      Payout p = ledger.findByKey(r.idempotencyKey()).orElseThrow();
      result.add(advanceQuietly(p, pass));
    }
    return result;
  }

  private static void requireSamePayout(int index, Payout stored, PayoutRequest r) {
    if (stored.kind() != PayoutKind.TRANSFER || !stored.to().equals(r.to())
        || !stored.asset().key().equals(r.asset().key())
        || !stored.amount().equals(r.amount().units())) {
      throw new InvalidFieldException("requests[" + index + "].idempotencyKey",
          "was already used for a different payout (" + stored.id() + ")");
    }
  }

  /**
   * Refunds a received payment to its sender, under an idempotency key derived from the payment
   * id ({@code refund:<paymentId>}), so refunding the same payment twice pays once.
   *
   * @param payment the payment's facts
   * @return the refund payout
   */
  public Payout refund(ReceivedPayment payment) {
    Objects.requireNonNull(payment, "payment");
    return submit(new PayoutRequest(refundKey(payment.paymentId()), payment.sender(),
        payment.asset(), payment.amount(), ""));
  }

  /**
   * The idempotency key {@link #refund(ReceivedPayment)} uses for a payment id.
   *
   * @param paymentId the payment's id
   * @return {@code refund:} and the id, or a hash of it when it is long or not printable ASCII
   */
  public static String refundKey(String paymentId) {
    String key = "refund:" + paymentId;
    boolean printable = key.length() <= MAX_KEY_LENGTH
        && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    return printable ? key : "refund:sha256:" + HexFormat.of().formatHex(
        Hashes.sha256(paymentId.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Advances every unfinished payout by one pass: signs what is requested, re-broadcasts the
   * stored bytes of what is signed, confirms what reached the solidified chain, and rebuilds what
   * expired unseen. Call it after a restart and then periodically (for example once per block)
   * until it returns 0.
   *
   * @return how many payouts are still unfinished
   */
  public synchronized int resume() {
    Pass pass = new Pass();
    int unfinished = 0;
    for (Payout p : ledger.find(PayoutFilter.inStates(UNFINISHED))) {
      Payout now = advanceQuietly(p, pass);
      if (!now.state().isTerminal()) {
        unfinished++;
      }
    }
    return unfinished;
  }

  /**
   * Cancels a payout that was never broadcast.
   *
   * @param id the payout's id
   * @return the cancelled payout
   * @throws IllegalStateException if it may have been broadcast, or is finished
   * @throws InvalidFieldException if there is no such payout
   */
  public synchronized Payout cancel(String id) {
    Payout p = ledger.findById(id)
        .orElseThrow(() -> new InvalidFieldException("id", "no payout " + id));
    boolean neverSent = p.state() == PayoutState.REQUESTED || p.state() == PayoutState.EXPIRED
        || (p.state() == PayoutState.SIGNED && p.broadcastAttempts() == 0);
    if (!neverSent) {
      throw new IllegalStateException("payout " + id + " is " + p.state()
          + (p.state() == PayoutState.SIGNED ? " and a broadcast was tried" : "")
          + "; only a payout never broadcast can be cancelled");
    }
    Payout cancelled = p.next(PayoutState.CANCELLED, clock.instant());
    ledger.update(cancelled);
    LOG.info("payout {} ({}) cancelled", id, p.idempotencyKey());
    return cancelled;
  }

  /**
   * A payout by id.
   *
   * @param id the payout's id
   * @return the payout, or empty
   */
  public Optional<Payout> status(String id) {
    return ledger.findById(id);
  }

  /**
   * A payout by idempotency key.
   *
   * @param idempotencyKey the key
   * @return the payout, or empty
   */
  public Optional<Payout> statusByKey(String idempotencyKey) {
    return ledger.findByKey(idempotencyKey);
  }

  /**
   * The payouts that match, oldest first.
   *
   * @param filter what to match
   * @return the payouts
   */
  public List<Payout> history(PayoutFilter filter) {
    return ledger.find(filter);
  }

  /**
   * Counts per state, confirmed volume per asset and the fees burned.
   *
   * @return the totals
   */
  public PayoutAnalytics analytics() {
    return ledger.analytics();
  }

  // ---------------------------------------------------------------- steps shared with sweeps

  synchronized Payout enqueue(String key, PayoutKind kind, Address from, Address to, Asset asset,
      BigInteger amount) {
    Payout stored = ledger.insertIfAbsent(List.of(
        draft(key, kind, from, to, asset, amount, "", clock.instant()))).get(0);
    return advanceQuietly(stored, new Pass());
  }

  synchronized Payout refresh(String key) {
    Payout p = ledger.findByKey(key).orElseThrow();
    return p.state().isTerminal() ? p : advanceQuietly(p, new Pass());
  }

  /** Whether a payout from {@code from} can be signed now: the payer, or a known other signer. */
  boolean canSign(Address from) {
    if (from.equals(payer)) {
      return true;
    }
    List<Signer> signers = otherSigners.apply(from);
    return signers != null && !signers.isEmpty();
  }

  private Payout draft(String key, PayoutKind kind, Address from, Address to, Asset asset,
      BigInteger amount, String memo, Instant now) {
    return new Payout("po-" + UUID.randomUUID(), key, kind, from, to, asset, amount, memo,
        PayoutState.REQUESTED, null, null, 0, 0, 0, null, 0, 0, now, now, 0);
  }

  // ---------------------------------------------------------------- the state machine

  /** Per-pass caches: one reference block and one solidified head serve many payouts. */
  private final class Pass {
    private ReferenceBlock reference;
    private Instant referenceFetched;
    private Block solidHead;

    ReferenceBlock reference() {
      Instant now = clock.instant();
      if (reference == null || Duration.between(referenceFetched, now)
          .compareTo(REFERENCE_MAX_AGE) > 0) {
        reference = ReferenceBlock.of(client.getNowBlock());
        referenceFetched = now;
      }
      return reference;
    }

    Block solidHead() {
      if (solidHead == null) {
        solidHead = client.getSolidNowBlock();
      }
      return solidHead;
    }
  }

  private Payout advanceQuietly(Payout p, Pass pass) {
    try {
      return advance(p, pass);
    } catch (TronClientException e) {
      LOG.warn("payout {} stays {} for now: {}", p.id(), current(p).state(), e.getMessage());
    } catch (LedgerConflictException e) {
      LOG.warn("payout {} was advanced elsewhere: {}", p.id(), e.getMessage());
    } catch (MissingSignerException e) {
      LOG.warn("payout {} stays {}: {}", p.id(), current(p).state(), e.getMessage());
    }
    return current(p);
  }

  private Payout current(Payout p) {
    return ledger.findById(p.id()).orElse(p);
  }

  private Payout advance(Payout start, Pass pass) {
    Payout p = start;
    while (true) {
      switch (p.state()) {
        case REQUESTED:
        case EXPIRED:
          p = sign(p, pass);
          break;
        case SIGNED:
          Payout afterBroadcast = broadcast(p, pass);
          if (afterBroadcast.state() == PayoutState.SIGNED
              || afterBroadcast.state() == PayoutState.BROADCAST) {
            return afterBroadcast;
          }
          p = afterBroadcast;
          break;
        case BROADCAST:
          Payout checked = checkChain(p, pass);
          if (checked.state() != PayoutState.EXPIRED) {
            return checked;
          }
          p = checked;
          break;
        default:
          return p;
      }
    }
  }

  private Payout store(Payout next) {
    ledger.update(next);
    return next;
  }

  private Payout sign(Payout p, Pass pass) {
    List<Signer> signers;
    int permission = 0;
    if (p.from().equals(payer)) {
      signers = payerSigners;
      permission = permissionId;
    } else {
      signers = otherSigners.apply(p.from());
      if (signers == null || signers.isEmpty()) {
        throw new MissingSignerException("no signer for " + p.from().toBase58()
            + " (payout " + p.id() + ")");
      }
    }
    TransactionBuilder builder = transactionFor(p).referenceBlock(pass.reference())
        .expiresIn(expiration).permissionId(permission);
    if (!p.memo().isEmpty()) {
      builder.memo(p.memo());
    }
    Transaction tx = builder.buildAndSign(signers.toArray(new Signer[0]));
    if (p.txId() != null) {
      confirmations.forget(p.txId());
    }
    Payout signed = store(p.signed(tx.txId(), HexFormat.of().formatHex(tx.encode()),
        tx.rawData().expiration(), clock.instant()));
    LOG.info("payout {} ({}) signed as {} (attempt {})", p.id(), p.idempotencyKey(),
        signed.txId(), signed.attempt());
    return signed;
  }

  private TransactionBuilder transactionFor(Payout p) {
    switch (p.kind()) {
      case DELEGATE_ENERGY:
        return Staking.delegate(p.from(), p.to(), ResourceCode.ENERGY, p.amount().longValueExact());
      case UNDELEGATE_ENERGY:
        return Staking.undelegate(p.from(), p.to(), ResourceCode.ENERGY,
            p.amount().longValueExact());
      default:
        if (p.asset().isTrx()) {
          return TrxTransfer.of(p.from(), p.to(), p.amount().longValueExact());
        }
        return Trc20Transfer.transfer(p.asset().contract(), p.from(), p.to(), p.amount())
            .feeLimit(tokenFeeLimitSun);
    }
  }

  private Payout broadcast(Payout signed, Pass pass) {
    if (signed.broadcastAttempts() > 0) {
      // An earlier attempt may have landed, or died: look before sending the bytes again.
      Payout settled = settleUnsent(signed, pass);
      if (settled.state() != PayoutState.SIGNED) {
        return settled;
      }
    }
    if (signed.broadcastAttempts() == 0) {
      confirmations.beforeFirstSend(signed.txId(), pass::solidHead);
    }
    Payout p = store(signed.broadcastTried(clock.instant()));
    Transaction tx = Transaction.decode(HexFormat.of().parseHex(p.signedTransactionHex()));
    try {
      client.broadcastTransaction(tx);
    } catch (TronNodeException e) {
      LOG.warn("payout {}: node refused {}: {}", p.id(), p.txId(), e.getMessage());
      return settleUnsent(store(p.withError(keepLasting(p.lastError(),
          e.code() + ": " + e.nodeMessage()), clock.instant())), pass);
    } catch (TronClientException e) {
      LOG.warn("payout {}: broadcast of {} unresolved: {}", p.id(), p.txId(), e.getMessage());
      return settleUnsent(store(p.withError(keepLasting(p.lastError(), e.getMessage()),
          clock.instant())), pass);
    }
    Payout sent = store(p.next(PayoutState.BROADCAST, clock.instant()));
    LOG.info("payout {} ({}) broadcast as {}", p.id(), p.idempotencyKey(), p.txId());
    return sent;
  }

  /** A broadcast that did not succeed: it may have landed anyway, or died. */
  private Payout settleUnsent(Payout p, Pass pass) {
    if (client.getTransactionById(p.txId()).isPresent()) {
      return store(p.next(PayoutState.BROADCAST, clock.instant()));
    }
    if (!isDead(p, pass)) {
      return p;
    }
    if (isLasting(p.lastError())) {
      LOG.warn("payout {} ({}) failed: {}", p.id(), p.idempotencyKey(), p.lastError());
      confirmations.forget(p.txId());
      return store(p.next(PayoutState.FAILED, clock.instant()));
    }
    return expire(p);
  }

  private static boolean isLasting(String error) {
    return error != null && LASTING_REFUSALS.contains(error.split(":", 2)[0]);
  }

  /** A lasting refusal outranks later transient errors: it decides FAILED over a rebuild. */
  private static String keepLasting(String previous, String latest) {
    return isLasting(previous) && !isLasting(latest) ? previous : latest;
  }

  private Payout checkChain(Payout p, Pass pass) {
    Optional<TransactionInfo> info = confirmations.knows(p.txId(), pass::solidHead)
        ? confirmations.landed(p.txId())
        : client.getSolidTransactionInfoById(p.txId());
    if (info.isPresent()) {
      TransactionInfo i = info.get();
      String result = i.receipt().result();
      boolean ok = !i.failed() && (result == null || result.equals("SUCCESS"));
      Payout done = store(p.onChain(ok ? PayoutState.CONFIRMED : PayoutState.FAILED, i.fee(),
          i.blockNumber(), ok ? null : (result + " " + i.resMessage()).trim(), clock.instant()));
      confirmations.forget(p.txId());
      LOG.info("payout {} ({}) {} in block {}, fee {} sun", p.id(), p.idempotencyKey(),
          done.state(), i.blockNumber(), i.fee());
      return done;
    }
    if (isDead(p, pass)) {
      return expire(p);
    }
    return p;
  }

  private Payout expire(Payout p) {
    LOG.warn("payout {} ({}): {} expired unseen; rebuilding under the same key", p.id(),
        p.idempotencyKey(), p.txId());
    return store(p.next(PayoutState.EXPIRED, clock.instant()));
  }

  /**
   * True once the transaction can never land: blocks after the solidified head are all later than
   * its expiration, and no node has it in a block.
   */
  private boolean isDead(Payout p, Pass pass) {
    return pass.solidHead().timestamp() > p.expiration()
        && client.getTransactionById(p.txId()).isEmpty();
  }

  /**
   * No signer is known for a payout's sender (a sweep's deposit address): the payout waits, and
   * is signed once the host's signer lookup knows the address.
   */
  private static final class MissingSignerException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MissingSignerException(String message) {
      super(message);
    }
  }

  /** The policy's view: the ledger's committed amounts plus the batch approved so far. */
  private final class PolicyView implements PayoutPolicy.Context {
    private final Instant now;
    private final Map<String, BigInteger> batch;

    PolicyView(Instant now, Map<String, BigInteger> batch) {
      this.now = now;
      this.batch = batch;
    }

    @Override
    public Instant now() {
      return now;
    }

    @Override
    public BigInteger committedSince(Asset asset, Instant since) {
      BigInteger total = batch.getOrDefault(asset.key(), BigInteger.ZERO);
      for (Payout p : ledger.find(new PayoutFilter(Set.of(), asset, PayoutKind.TRANSFER, since,
          null, Integer.MAX_VALUE))) {
        if (p.state() != PayoutState.CANCELLED && p.state() != PayoutState.FAILED) {
          total = total.add(p.amount());
        }
      }
      return total;
    }
  }

  @Override
  public String toString() {
    return "PayoutService[payer=" + payer.toBase58() + ", ledger=" + ledger + "]";
  }

  /** Configures a {@link PayoutService}. */
  public static final class Builder {
    private TronClient client;
    private PayoutLedger ledger;
    private Address payer;
    private List<Signer> payerSigners = List.of();
    private int permissionId;
    private Function<Address, List<Signer>> otherSigners = address -> List.of();
    private PayoutPolicy policy = PayoutPolicy.APPROVE_ALL;
    private Clock clock = Clock.systemUTC();
    private long tokenFeeLimitSun = TransactionBuilder.DEFAULT_CONTRACT_FEE_LIMIT_SUN;
    private Duration expiration = TransactionBuilder.DEFAULT_EXPIRATION;

    private Builder() {}

    /**
     * The node client.
     *
     * @param client a client; the service does not close it
     * @return this
     */
    public Builder client(TronClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The ledger.
     *
     * @param ledger where payouts are stored
     * @return this
     */
    public Builder ledger(PayoutLedger ledger) {
      this.ledger = Objects.requireNonNull(ledger, "ledger");
      return this;
    }

    /**
     * The paying account and the signer of its owner permission.
     *
     * @param payer the account
     * @param signer its signer (a key, an HSM, an {@code HdSigner})
     * @return this
     */
    public Builder payer(Address payer, Signer signer) {
      return payer(payer, 0, List.of(Objects.requireNonNull(signer, "signer")));
    }

    /**
     * A multi-signature paying account: signatures of {@code signers} satisfy its permission
     * {@code permissionId}.
     *
     * @param payer the account
     * @param permissionId 0 (owner) or 2-9 (active)
     * @param signers enough signers to reach the permission's threshold
     * @return this
     */
    public Builder payer(Address payer, int permissionId, List<Signer> signers) {
      this.payer = Fields.address("payer", payer);
      if (permissionId != 0 && (permissionId < 2 || permissionId > 9)) {
        throw new InvalidFieldException("permissionId", "must be 0 or 2-9, got " + permissionId);
      }
      this.permissionId = permissionId;
      this.payerSigners = List.copyOf(signers);
      return this;
    }

    /**
     * Signers for accounts other than the payer, such as sweep deposit addresses. Asked again
     * after a restart whenever such a payout must be (re)built.
     *
     * @param signers the signers for an address, or an empty list if unknown
     * @return this
     */
    public Builder otherSigners(Function<Address, List<Signer>> signers) {
      this.otherSigners = Objects.requireNonNull(signers, "signers");
      return this;
    }

    /**
     * The policy asked before a payout is stored; default approves everything.
     *
     * @param policy the policy
     * @return this
     */
    public Builder policy(PayoutPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The clock for ledger times and the policy's window; default the system clock.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The fee limit of token transfers; default 100 TRX.
     *
     * @param sun 0 up to the chain maximum
     * @return this
     */
    public Builder tokenFeeLimit(long sun) {
      this.tokenFeeLimitSun = TransactionBuilder.requireFeeLimit(sun,
          TransactionBuilder.DEFAULT_MAX_FEE_LIMIT_SUN);
      return this;
    }

    /**
     * How long each signed transaction stays valid; default 60 s.
     *
     * @param duration positive, at most 24 h
     * @return this
     */
    public Builder expiration(Duration duration) {
      this.expiration = TransactionBuilder.requireExpiration(duration);
      return this;
    }

    /**
     * The service.
     *
     * @return a new service
     */
    public PayoutService build() {
      return new PayoutService(this);
    }
  }
}

package io.tronpay.payouts;

import io.tronpay.core.Signer;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TriggerSmartContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The options every transaction shares: reference block, expiration, fee limit, memo and
 * {@code Permission_id}. Get one from {@link TrxTransfer}, {@link Trc20Transfer} or {@link
 * Staking}, whose factories have already checked the contract's fields; then set the options and
 * {@link #build()}. Building needs no network: only the reference block.
 *
 * <p>Not thread-safe; each call to {@link #build()} returns a new immutable transaction.
 */
public final class TransactionBuilder {
  /** Expiration when none is set: 60 s after the timestamp, as tronweb does. */
  public static final Duration DEFAULT_EXPIRATION = Duration.ofSeconds(60);
  /** The latest expiration a node accepts: 24 h after the timestamp. */
  public static final Duration MAX_EXPIRATION = Duration.ofHours(24);
  /** Mainnet's {@code getMaxFeeLimit}: 15,000 TRX. */
  public static final long DEFAULT_MAX_FEE_LIMIT_SUN = 15_000_000_000L;
  /** The fee limit of a contract call when none is set: 100 TRX. */
  public static final long DEFAULT_CONTRACT_FEE_LIMIT_SUN = 100_000_000L;
  /** Active permission ids run from 2 to 9 (at most eight active permissions). */
  private static final int MAX_PERMISSION_ID = 9;

  private Contract contract;
  private ReferenceBlock referenceBlock;
  private Long timestamp;
  private Duration expiresIn = DEFAULT_EXPIRATION;
  private Long expiresAt;
  private long feeLimit;
  private long maxFeeLimit = DEFAULT_MAX_FEE_LIMIT_SUN;
  private byte[] memo = new byte[0];
  private int permissionId;

  TransactionBuilder(Contract contract) {
    this.contract = Objects.requireNonNull(contract, "contract");
    this.feeLimit = contract instanceof TriggerSmartContract ? DEFAULT_CONTRACT_FEE_LIMIT_SUN : 0;
  }

  /**
   * The contract this builder wraps.
   *
   * @return the contract, already validated
   */
  public Contract contract() {
    return contract;
  }

  /**
   * The block the transaction refers to; its timestamp becomes the transaction's unless {@link
   * #timestamp(long)} overrides it.
   *
   * @param referenceBlock a recent block (within 65,536 blocks of the head when broadcast)
   * @return this
   */
  public TransactionBuilder referenceBlock(ReferenceBlock referenceBlock) {
    this.referenceBlock = Objects.requireNonNull(referenceBlock, "referenceBlock");
    return this;
  }

  /**
   * The creation time written into the transaction.
   *
   * @param epochMillis positive
   * @return this
   */
  public TransactionBuilder timestamp(long epochMillis) {
    if (epochMillis <= 0) {
      throw new InvalidFieldException("timestamp", "must be positive, got " + epochMillis);
    }
    this.timestamp = epochMillis;
    return this;
  }

  /**
   * Expires {@code duration} after the timestamp (default 60 s).
   *
   * @param duration positive, at most 24 h
   * @return this
   */
  public TransactionBuilder expiresIn(Duration duration) {
    this.expiresIn = requireExpiration(duration);
    this.expiresAt = null;
    return this;
  }

  /**
   * Expires at an absolute time; checked against the timestamp when built.
   *
   * @param epochMillis after the timestamp, at most 24 h later
   * @return this
   */
  public TransactionBuilder expiresAt(long epochMillis) {
    this.expiresAt = epochMillis;
    return this;
  }

  /**
   * The most TRX the transaction may burn for energy (contract calls only matter).
   *
   * @param sun 0 up to the chain maximum ({@link #maxFeeLimit(long)})
   * @return this
   */
  public TransactionBuilder feeLimit(long sun) {
    this.feeLimit = requireFeeLimit(sun, maxFeeLimit);
    return this;
  }

  /**
   * The chain's maximum fee limit ({@code getMaxFeeLimit}); defaults to mainnet's 15,000 TRX.
   *
   * @param sun positive
   * @return this
   */
  public TransactionBuilder maxFeeLimit(long sun) {
    if (sun <= 0) {
      throw new InvalidFieldException("maxFeeLimit", "must be positive, got " + sun);
    }
    this.maxFeeLimit = sun;
    return this;
  }

  /**
   * TRX sent along with a contract call, in sun.
   *
   * @param sun not negative
   * @return this
   * @throws InvalidFieldException if the contract is not a contract call
   */
  public TransactionBuilder callValue(long sun) {
    if (!(contract instanceof TriggerSmartContract)) {
      throw new InvalidFieldException("callValue", "only a contract call carries a call value");
    }
    if (sun < 0) {
      throw new InvalidFieldException("callValue", "must not be negative, got " + sun);
    }
    TriggerSmartContract c = (TriggerSmartContract) contract;
    this.contract = new TriggerSmartContract(c.owner(), c.contractAddress(), sun, c.data(),
        c.callTokenValue(), c.tokenId());
    return this;
  }

  /**
   * A memo ({@code raw_data.data}) as UTF-8 text; the network charges a memo fee for it.
   *
   * @param text the memo; empty for none
   * @return this
   */
  public TransactionBuilder memo(String text) {
    this.memo = Objects.requireNonNull(text, "memo").getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /**
   * A memo as raw bytes.
   *
   * @param bytes the memo; empty for none
   * @return this
   */
  public TransactionBuilder memoBytes(byte[] bytes) {
    this.memo = Objects.requireNonNull(bytes, "memo").clone();
    return this;
  }

  /**
   * The permission the signatures satisfy: 0 for the owner (the default), 2 to 9 for an active
   * permission of a multi-signature account.
   *
   * @param id 0 or 2-9
   * @return this
   */
  public TransactionBuilder permissionId(int id) {
    if (id != 0 && (id < 2 || id > MAX_PERMISSION_ID)) {
      throw new InvalidFieldException("permissionId",
          "must be 0 (owner) or 2-" + MAX_PERMISSION_ID + " (active), got " + id);
    }
    this.permissionId = id;
    return this;
  }

  /**
   * Builds the unsigned transaction. Its txID is computed from its bytes.
   *
   * @return the transaction
   * @throws InvalidFieldException if the reference block is missing or the expiration or fee
   *     limit is out of range
   */
  public Transaction build() {
    if (referenceBlock == null) {
      throw new InvalidFieldException("referenceBlock", "is required (a recent block)");
    }
    long time = timestamp != null ? timestamp : referenceBlock.timestamp();
    long expiration = expiresAt != null ? expiresAt : time + expiresIn.toMillis();
    if (expiration <= time || expiration - time > MAX_EXPIRATION.toMillis()) {
      throw new InvalidFieldException("expiration", "must be after the timestamp " + time
          + " and at most 24 h later, got " + expiration);
    }
    requireFeeLimit(feeLimit, maxFeeLimit);
    RawData raw = RawData.builder()
        .refBlockBytes(referenceBlock.refBlockBytes())
        .refBlockHash(referenceBlock.refBlockHash())
        .expiration(expiration)
        .timestamp(time)
        .feeLimit(feeLimit)
        .data(memo)
        .contract(contract)
        .permissionId(permissionId)
        .build();
    return Transaction.of(raw);
  }

  /**
   * Builds and signs with each signer in turn, as a multi-signature permission needs.
   *
   * @param signers one or more
   * @return the signed transaction
   */
  public Transaction buildAndSign(Signer... signers) {
    if (signers.length == 0) {
      throw new InvalidFieldException("signers", "at least one signer is required");
    }
    Transaction tx = build();
    for (Signer signer : signers) {
      tx = tx.sign(Objects.requireNonNull(signer, "signer"));
    }
    return tx;
  }

  /** Checks a validity period: positive and at most {@link #MAX_EXPIRATION}. */
  static Duration requireExpiration(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isZero() || duration.isNegative() || duration.compareTo(MAX_EXPIRATION) > 0) {
      throw new InvalidFieldException("expiration",
          "must be after the timestamp and at most 24 h later, got " + duration);
    }
    return duration;
  }

  /** Checks a fee limit: 0 up to {@code max}. */
  static long requireFeeLimit(long sun, long max) {
    if (sun < 0 || sun > max) {
      throw new InvalidFieldException("feeLimit",
          "must be 0 to the chain maximum " + max + " sun, got " + sun);
    }
    return sun;
  }
}

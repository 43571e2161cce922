package io.tronpay.payouts;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One ledger entry: a payout and everything stored about its transaction. Immutable; each state
 * change is a new version, stored before the next step is taken.
 *
 * @param id the ledger's id
 * @param idempotencyKey the host's key; unique in the ledger
 * @param kind what the transaction does
 * @param from the paying account, which signs
 * @param to the recipient (or the receiver of delegated energy)
 * @param asset what is paid (TRX for the resource steps)
 * @param amount base units (sun for TRX and for the resource steps)
 * @param memo the memo, or ""
 * @param state where it stands
 * @param txId the current transaction's id, or null before signing
 * @param signedTransactionHex the exact signed protobuf bytes in hex, or null before signing
 * @param expiration the current transaction's expiration, epoch milliseconds (0 before signing)
 * @param attempt how many transactions were built for this key (1 unless one expired)
 * @param broadcastAttempts broadcasts tried for the current transaction
 * @param lastError the last node refusal or transport error, or null
 * @param feeSun TRX burned by the transaction, known once it is on chain
 * @param blockNumber the block holding the transaction, or 0
 * @param createdAt when the request was stored
 * @param updatedAt when this version was stored
 * @param version starts at 0, one more on each update
 */
public record Payout(
    String id,
    String idempotencyKey,
    PayoutKind kind,
    Address from,
    Address to,
    Asset asset,
    BigInteger amount,
    String memo,
    PayoutState state,
    String txId,
    String signedTransactionHex,
    long expiration,
    int attempt,
    int broadcastAttempts,
    String lastError,
    long feeSun,
    long blockNumber,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** Checks the required fields. */
  public Payout {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(memo, "memo");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * The amount with the asset's decimals.
   *
   * @return the amount
   */
  public TokenAmount tokenAmount() {
    return TokenAmount.of(amount, asset.decimals());
  }

  Payout next(PayoutState nextState, Instant now) {
    return new Payout(id, idempotencyKey, kind, from, to, asset, amount, memo, nextState, txId,
        signedTransactionHex, expiration, attempt, broadcastAttempts, lastError, feeSun,
        blockNumber, createdAt, now, version + 1);
  }

  Payout signed(String newTxId, String hex, long newExpiration, Instant now) {
    return new Payout(id, idempotencyKey, kind, from, to, asset, amount, memo, PayoutState.SIGNED,
        newTxId, hex, newExpiration, attempt + 1, 0, null, 0, 0, createdAt, now, version + 1);
  }

  Payout broadcastTried(Instant now) {
    return new Payout(id, idempotencyKey, kind, from, to, asset, amount, memo, state, txId,
        signedTransactionHex, expiration, attempt, broadcastAttempts + 1, lastError, feeSun,
        blockNumber, createdAt, now, version + 1);
  }

  Payout withError(String error, Instant now) {
    return new Payout(id, idempotencyKey, kind, from, to, asset, amount, memo, state, txId,
        signedTransactionHex, expiration, attempt, broadcastAttempts, error, feeSun, blockNumber,
        createdAt, now, version + 1);
  }

  Payout onChain(PayoutState finalState, long fee, long block, String error, Instant now) {
    return new Payout(id, idempotencyKey, kind, from, to, asset, amount, memo, finalState, txId,
        signedTransactionHex, expiration, attempt, broadcastAttempts, error, fee, block,
        createdAt, now, version + 1);
  }

  @Override
  public String toString() {
    return "Payout[" + id + ", key=" + idempotencyKey + ", " + kind + " " + tokenAmount() + " "
        + asset.symbol() + " " + from.toBase58() + " -> " + to.toBase58() + ", " + state
        + (txId == null ? "" : ", txID=" + txId) + ", attempt=" + attempt + "]";
  }
}

package io.tronpay.client;

import io.tronpay.core.Address;

/**
 * Filters for TronGrid's TRC20 transfer listing. Immutable; each {@code with…} returns a copy.
 * Paging keeps these filters unchanged and only adds TronGrid's {@code fingerprint}.
 *
 * @param onlyTo only transfers to the account
 * @param onlyFrom only transfers from the account
 * @param onlyConfirmed only solidified transfers
 * @param minTimestamp only transfers at or after this time, epoch milliseconds (0: no bound)
 * @param contract only this token, or null for every token
 * @param limit page size, 1 to 200
 */
public record Trc20TransferQuery(
    boolean onlyTo,
    boolean onlyFrom,
    boolean onlyConfirmed,
    long minTimestamp,
    Address contract,
    int limit) {
  /** TronGrid's largest page. */
  public static final int MAX_LIMIT = 200;

  /** Checks the page size and time bound. */
  public Trc20TransferQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
    if (minTimestamp < 0) {
      throw new InvalidRequestException("minTimestamp must not be negative");
    }
    if (onlyTo && onlyFrom) {
      throw new InvalidRequestException("onlyTo and onlyFrom exclude each other");
    }
  }

  /** Every transfer of every token, confirmed or not, 200 a page. */
  public static Trc20TransferQuery all() {
    return new Trc20TransferQuery(false, false, false, 0, null, MAX_LIMIT);
  }

  /** Only incoming transfers. */
  public Trc20TransferQuery withOnlyTo() {
    return new Trc20TransferQuery(true, false, onlyConfirmed, minTimestamp, contract, limit);
  }

  /** Only outgoing transfers. */
  public Trc20TransferQuery withOnlyFrom() {
    return new Trc20TransferQuery(false, true, onlyConfirmed, minTimestamp, contract, limit);
  }

  /** Only solidified transfers. */
  public Trc20TransferQuery withOnlyConfirmed() {
    return new Trc20TransferQuery(onlyTo, onlyFrom, true, minTimestamp, contract, limit);
  }

  /** Only transfers at or after {@code epochMillis}. */
  public Trc20TransferQuery withMinTimestamp(long epochMillis) {
    return new Trc20TransferQuery(onlyTo, onlyFrom, onlyConfirmed, epochMillis, contract, limit);
  }

  /** Only transfers of {@code token}. */
  public Trc20TransferQuery withContract(Address token) {
    return new Trc20TransferQuery(onlyTo, onlyFrom, onlyConfirmed, minTimestamp, token, limit);
  }

  /** Pages of {@code pageSize}. */
  public Trc20TransferQuery withLimit(int pageSize) {
    return new Trc20TransferQuery(onlyTo, onlyFrom, onlyConfirmed, minTimestamp, contract,
        pageSize);
  }
}

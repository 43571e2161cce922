package io.tronpay.client;

/**
 * A broadcast whose outcome is unknown: the request may have reached the node but no answer came
 * back, and looking the txID up did not find it. The transaction may still land. Do not build a
 * new transaction for the same payment: re-broadcast these same bytes, or wait until the
 * transaction has expired and is absent.
 */
public final class TronBroadcastUnknownException extends TronTransportException {
  private static final long serialVersionUID = 1L;

  private final String txId;

  /** An unknown outcome for {@code txId}. */
  public TronBroadcastUnknownException(String txId, int httpStatus, Throwable cause) {
    super("broadcast of " + txId + " has an unknown outcome"
        + (httpStatus == 0 ? " (no response)" : " (HTTP " + httpStatus + ")")
        + "; not found by lookup; re-broadcast the same bytes or wait for expiration",
        httpStatus, cause);
    this.txId = txId;
  }

  /** The transaction whose fate is unknown. */
  public String txId() {
    return txId;
  }
}

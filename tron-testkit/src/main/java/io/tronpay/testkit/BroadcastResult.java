package io.tronpay.testkit;

/**
 * What a {@link DevNode} answered to a broadcast.
 *
 * @param accepted whether the transaction entered the pool
 * @param code the node's response code: SUCCESS, SIGERROR, TAPOS_ERROR, …
 * @param message the node's message, decoded to text (empty on success)
 * @param txId the transaction id in hex
 */
public record BroadcastResult(boolean accepted, String code, String message, String txId) {}

package io.tronpay.client;

/**
 * Counters since the client was built, for health reports.
 *
 * @param requests HTTP attempts sent, retries included
 * @param retries attempts that were retries of an earlier one
 * @param failures calls that ended in an exception (node refusals included)
 * @param failovers times the client moved to the next endpoint
 */
public record ClientStats(long requests, long retries, long failures, long failovers) {}

package io.tronpay.cli;

import io.tronpay.cli.internal.Json;
import io.tronpay.cli.internal.TxInputs;
import io.tronpay.client.Block;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TransactionJson;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.tx.Transaction;
import io.tronpay.payouts.FeeEstimate;
import io.tronpay.payouts.FeeEstimator;
import io.tronpay.payouts.ReferenceBlock;
import io.tronpay.payouts.TransactionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * A command that builds one transaction, signs it and sends it: the options that {@code tron
 * send} and {@code tron stake} share, and the flow from key to confirmation.
 *
 * <p>Online, the reference block comes from the node and the signed transaction is broadcast
 * (and with {@code --wait} followed until it is on the solidified chain or has expired). With
 * {@code --dry-run} it is built and priced but neither signed for sending nor broadcast. With
 * {@code --offline} no node is asked: the reference block is given by hand and the signed
 * transaction is printed for broadcasting elsewhere.
 */
abstract class TransactionCommand extends SignerCommand {
  static final String STATUS_BROADCAST = "broadcast";
  static final String STATUS_CONFIRMED = "confirmed";
  static final String STATUS_FAILED = "failed";
  static final String STATUS_EXPIRED = "expired";
  static final String STATUS_DRY_RUN = "dry-run";

  private static final Duration ONLINE_EXPIRATION = TransactionBuilder.DEFAULT_EXPIRATION;
  /** A transaction signed offline travels before it is broadcast, so it gets longer. */
  private static final Duration OFFLINE_EXPIRATION = Duration.ofHours(1);

  @Option(names = "--dry-run",
      description = "Build and price the transaction and print it; broadcast nothing.")
  boolean dryRun;

  @Option(names = "--offline", description = "Ask no node: sign against --ref-block and print "
      + "the signed transaction JSON, for 'tron node broadcast' elsewhere.")
  boolean offline;

  @Option(names = "--ref-block", paramLabel = "NUM:BLOCKID",
      description = "With --offline: a recent block, as 'tron node block' shows it "
          + "(its number and 64-hex-digit blockId, or the blockId alone).")
  String refBlock;

  @Option(names = "--timestamp", paramLabel = "MILLIS|ISO-8601",
      description = "With --offline: the transaction's time (default: now).")
  String timestamp;

  @Option(names = "--expires-in", paramLabel = "DURATION",
      description = "How long the transaction stays valid: 60s, 10m, 2h, at most 24h "
          + "(default: 60s online, 1h with --offline).")
  String expiresIn;

  @Option(names = "--wait",
      description = "After broadcasting, wait until the transaction is solidified or expired.")
  boolean waitForConfirmation;

  @Option(names = "--poll-interval", defaultValue = "3s", paramLabel = "DURATION",
      description = "With --wait: how often to ask the node (default: ${DEFAULT-VALUE}).")
  String pollInterval;

  /**
   * The transaction this command makes, as a builder whose contract fields are checked; the
   * reference block and expiration are set afterwards.
   *
   * @param owner the signer's address
   * @param client the node, or null with {@code --offline}
   */
  abstract TransactionBuilder transaction(Address owner, TronClient client);

  /** A few words for people, such as "send 12.5 TRX to T…". */
  abstract String describe();

  @Override
  final int execute() throws InterruptedException {
    checkModes();
    Duration expiration = expiration();
    Duration interval = waitForConfirmation ? duration(pollInterval, "--poll-interval") : null;
    long offlineTime = 0;
    ReferenceBlock offlineReference = null;
    if (offline) {
      offlineTime = timestamp == null ? System.currentTimeMillis()
          : TxInputs.epochMillis(timestamp, "--timestamp");
      offlineReference = TxInputs.referenceBlock(refBlock, offlineTime, "--ref-block");
    }
    PrivateKey key = openSigner();
    try {
      Address owner = key.address();
      if (offline) {
        Transaction signed = transaction(owner, null).referenceBlock(offlineReference)
            .expiresIn(expiration).build().sign(key);
        out().println(TransactionJson.toJson(signed));
        if (!json) {
          err().println(describe() + ": signed " + TxCommand.summary(signed) + ", expires "
              + Instant.ofEpochMilli(signed.rawData().expiration()));
        }
        return TronCli.EXIT_OK;
      }
      try (TronClient client = openClient()) {
        return online(client, key, owner, expiration, interval);
      }
    } finally {
      key.destroy();
    }
  }

  private int online(TronClient client, PrivateKey key, Address owner, Duration expiration,
      Duration interval) throws InterruptedException {
    TransactionBuilder builder = transaction(owner, client);
    Transaction unsigned = builder.referenceBlock(ReferenceBlock.of(client.getNowBlock()))
        .expiresIn(expiration).build();
    if (dryRun) {
      printDryRun(unsigned, FeeEstimator.of(client).estimate(unsigned));
      return TronCli.EXIT_OK;
    }
    Transaction signed = unsigned.sign(key);
    client.broadcastTransaction(signed);
    if (!waitForConfirmation) {
      printOutcome(signed.txId(), STATUS_BROADCAST, null, null);
      return TronCli.EXIT_OK;
    }
    if (!json) {
      err().println(describe() + ": broadcast " + signed.txId() + ", waiting for it to solidify");
    }
    return awaitSolid(client, signed, interval);
  }

  /** Polls until the transaction is on the solidified chain, or can no longer get there. */
  private int awaitSolid(TronClient client, Transaction tx, Duration interval)
      throws InterruptedException {
    long expiration = tx.rawData().expiration();
    // The chain's clock decides expiry, but a node that stops producing blocks must not keep the
    // command waiting forever.
    Instant giveUpAt = Instant.now().plusMillis(
        2 * Math.max(expiration - tx.rawData().timestamp(), Duration.ofMinutes(1).toMillis()));
    while (true) {
      Optional<TransactionInfo> info = client.getSolidTransactionInfoById(tx.txId());
      if (info.isPresent()) {
        TransactionInfo i = info.get();
        String result = i.receipt().result();
        boolean ok = !i.failed() && (result == null || result.equals("SUCCESS"));
        String error = ok ? null : ((result == null ? "" : result + " ") + i.resMessage()).strip();
        printOutcome(tx.txId(), ok ? STATUS_CONFIRMED : STATUS_FAILED, i, error);
        return ok ? TronCli.EXIT_OK : TronCli.EXIT_INVALID;
      }
      Block solid = client.getSolidNowBlock();
      if (solid.timestamp() > expiration && client.getTransactionById(tx.txId()).isEmpty()) {
        printOutcome(tx.txId(), STATUS_EXPIRED, null,
            "expired at " + Instant.ofEpochMilli(expiration) + " without reaching a block");
        return TronCli.EXIT_NETWORK;
      }
      if (Instant.now().isAfter(giveUpAt)) {
        String message = "transaction " + tx.txId() + " is neither solidified nor expired: the "
            + "node's chain did not move past its expiration; is the node stalled?";
        err().println(json ? Json.write(Map.of("error", message)) : "error: " + message);
        return TronCli.EXIT_NETWORK;
      }
      Thread.sleep(interval.toMillis());
    }
  }

  private void printOutcome(String txId, String status, TransactionInfo info, String error) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("txID", txId);
    result.put("status", status);
    result.put("fee", info == null ? null : NodeCommand.sunToTrx(info.fee()));
    result.put("feeSun", info == null ? null : Long.toString(info.fee()));
    result.put("block", info == null ? null : info.blockNumber());
    if (error != null) {
      result.put("error", error);
    }
    StringBuilder human = new StringBuilder(describe()).append(": ").append(status)
        .append("  ").append(txId);
    if (info != null) {
      human.append("  block ").append(info.blockNumber()).append("  fee ")
          .append(NodeCommand.sunToTrx(info.fee())).append(" TRX");
    } else if (STATUS_BROADCAST.equals(status)) {
      human.append("  (not yet confirmed; --wait waits for it)");
    }
    if (error != null) {
      human.append("  ").append(error);
    }
    print(result, human.toString());
  }

  private void printDryRun(Transaction unsigned, FeeEstimate estimate) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("txID", unsigned.txId());
    result.put("status", STATUS_DRY_RUN);
    result.put("fee", NodeCommand.sunToTrx(estimate.totalBurnSun()));
    result.put("feeSun", Long.toString(estimate.totalBurnSun()));
    result.put("block", null);
    result.put("estimate", estimateJson(estimate));
    result.put("transaction", new Json.Raw(TransactionJson.toJson(unsigned)));
    if (json) {
      print(result, "");
      return;
    }
    FeeEstimate.Energy energy = estimate.energy();
    FeeEstimate.Bandwidth bandwidth = estimate.bandwidth();
    StringBuilder human = new StringBuilder("dry run, nothing broadcast: ").append(describe())
        .append(System.lineSeparator()).append("  txID ").append(unsigned.txId())
        .append(System.lineSeparator()).append("  expected burn ")
        .append(NodeCommand.sunToTrx(estimate.totalBurnSun())).append(" TRX (energy ")
        .append(energy.required()).append(", of which bought ").append(energy.toBuy())
        .append("; bandwidth ").append(bandwidth.bytes()).append(" bytes from ")
        .append(NodeCommand.lower(bandwidth.source())).append(')');
    if (energy.required() > 0) {
      human.append(System.lineSeparator()).append("  suggested fee limit ")
          .append(NodeCommand.sunToTrx(estimate.suggestedFeeLimitSun())).append(" TRX, set ")
          .append(NodeCommand.sunToTrx(estimate.feeLimitSun())).append(" TRX");
    }
    out().println(human);
    for (String warning : estimate.warnings()) {
      warn(warning);
    }
  }

  private static Map<String, Object> estimateJson(FeeEstimate estimate) {
    FeeEstimate.Energy e = estimate.energy();
    Map<String, Object> energy = new LinkedHashMap<>();
    energy.put("source", e.source().name());
    energy.put("required", e.required());
    energy.put("withMargin", e.withMargin());
    energy.put("stakedAvailable", e.stakedAvailable());
    energy.put("toBuy", e.toBuy());
    energy.put("priceSun", Long.toString(e.priceSun()));
    energy.put("burnSun", Long.toString(e.burnSun()));
    FeeEstimate.Bandwidth b = estimate.bandwidth();
    Map<String, Object> bandwidth = new LinkedHashMap<>();
    bandwidth.put("bytes", b.bytes());
    bandwidth.put("stakedAvailable", b.stakedAvailable());
    bandwidth.put("freeAvailable", b.freeAvailable());
    bandwidth.put("source", b.source().name());
    bandwidth.put("toBuy", b.toBuy());
    bandwidth.put("priceSun", Long.toString(b.priceSun()));
    bandwidth.put("burnSun", Long.toString(b.burnSun()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("energy", energy);
    json.put("bandwidth", bandwidth);
    json.put("accountCreationFeeSun", Long.toString(estimate.accountCreationFeeSun()));
    json.put("memoFeeSun", Long.toString(estimate.memoFeeSun()));
    json.put("totalBurnSun", Long.toString(estimate.totalBurnSun()));
    json.put("feeLimitSun", Long.toString(estimate.feeLimitSun()));
    json.put("suggestedFeeLimitSun", Long.toString(estimate.suggestedFeeLimitSun()));
    json.put("feeLimitCovers", estimate.feeLimitCovers());
    json.put("recipientHoldsNoTokens", estimate.recipientHoldsNoTokens());
    json.put("warnings", estimate.warnings());
    return json;
  }

  /** Refuses combinations of options that cannot mean anything, naming the options. */
  private void checkModes() {
    checkSignerOptions();
    if (offline) {
      if (refBlock == null) {
        throw usage("--offline needs --ref-block NUM:BLOCKID (see 'tron node block')");
      }
      if (dryRun || waitForConfirmation) {
        throw usage((dryRun ? "--dry-run" : "--wait") + " cannot be used with --offline");
      }
    } else {
      if (refBlock != null || timestamp != null) {
        throw usage((refBlock != null ? "--ref-block" : "--timestamp")
            + " goes with --offline");
      }
      if (dryRun && waitForConfirmation) {
        throw usage("--wait cannot be used with --dry-run");
      }
      if (node == null || node.isBlank()) {
        throw usage("no node to ask: give --node URL or set TRON_NODE (or sign with --offline)");
      }
    }
  }

  private Duration expiration() {
    if (expiresIn == null) {
      return offline ? OFFLINE_EXPIRATION : ONLINE_EXPIRATION;
    }
    Duration d = duration(expiresIn, "--expires-in");
    if (d.compareTo(TransactionBuilder.MAX_EXPIRATION) > 0) {
      throw usage("--expires-in must be at most 24h, got '" + expiresIn + "'");
    }
    return d;
  }
}

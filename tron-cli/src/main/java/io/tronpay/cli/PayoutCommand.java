package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.CsvReader;
import io.tronpay.cli.internal.Json;
import io.tronpay.cli.internal.ProgressBar;
import io.tronpay.cli.internal.TxInputs;
import io.tronpay.client.Account;
import io.tronpay.client.Tokens;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.tx.Transaction;
import io.tronpay.payouts.Asset;
import io.tronpay.payouts.FeeEstimator;
import io.tronpay.payouts.InvalidFieldException;
import io.tronpay.payouts.Payout;
import io.tronpay.payouts.PayoutRequest;
import io.tronpay.payouts.PayoutService;
import io.tronpay.payouts.PayoutState;
import io.tronpay.payouts.ReferenceBlock;
import io.tronpay.payouts.TransactionBuilder;
import io.tronpay.payouts.Trc20Transfer;
import io.tronpay.payouts.TrxTransfer;
import io.tronpay.payouts.jdbc.JdbcPayoutLedger;
import io.tronpay.payouts.jdbc.PayoutLedgerException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tron payout}: payouts through the crash-safe ledger of tron-payouts. */
@Command(
    name = "payout",
    description = "Pay many recipients through a ledger that never pays a key twice.",
    mixinStandardHelpOptions = true,
    subcommands = {PayoutCommand.Batch.class})
final class PayoutCommand {
  /** The columns a payout file has, in this order. */
  static final List<String> COLUMNS = List.of("idempotency_key", "to", "asset", "amount");
  /** Errors listed before the rest are only counted: enough to fix a file in one pass. */
  private static final int MAX_ERRORS_SHOWN = 20;
  /** Rows stored and sent per call to the service: a progress step, small enough to watch. */
  private static final int CHUNK = 20;

  /** One valid row of a payout file. */
  record Row(int line, PayoutRequest request) {}

  /** {@code tron payout batch FILE.csv}. */
  @Command(name = "batch", description = {
      "Pay every row of a CSV file with the header idempotency_key,to,asset,amount (asset TRX,",
      "USDT or a TRC20 contract address; amount exact in whole units). The whole file is checked",
      "before anything is signed. Each key is stored in the ledger before it is paid, so running",
      "the same file again pays nothing twice: it only finishes what is unfinished."},
      footer = {"", "Exit codes: 0 every row sent (or confirmed with --wait), 1 invalid file or "
          + "a payout failed, 2 usage error, 3 node error, or --wait timed out."})
  static final class Batch extends SignerCommand {
    @Parameters(paramLabel = "FILE.csv|-", description = "The payout file (- for standard input).")
    String file;

    @Mixin
    LedgerOptions ledgerOptions;

    @Option(names = "--usdt", paramLabel = "ADDR",
        description = "The contract that asset USDT means (default: mainnet's).")
    String usdtContract;

    @Option(names = "--fee-limit", paramLabel = "TRX",
        description = "The most TRX each token transfer may burn for energy (default: 100).")
    String feeLimit;

    @Option(names = "--expires-in", paramLabel = "DURATION",
        description = "How long each signed transaction stays valid (default: 60s); one that "
            + "expires unseen is rebuilt under the same key.")
    String expiresIn;

    @Option(names = "--dry-run", description = "Check the file, show what is new, the totals "
        + "and the expected fees; sign and send nothing.")
    boolean dryRun;

    @Option(names = "--wait", description = "Wait until every payout is confirmed on the "
        + "solidified chain, or failed.")
    boolean waitForConfirmation;

    @Option(names = "--poll-interval", defaultValue = "3s", paramLabel = "DURATION",
        description = "With --wait: how often to check (default: ${DEFAULT-VALUE}).")
    String pollInterval;

    @Option(names = "--timeout", defaultValue = "30m", paramLabel = "DURATION",
        description = "With --wait: give up after this long (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    int execute() throws InterruptedException {
      checkSignerOptions();
      checkNode();
      String signerSource = keyFile != null ? keyFile : mnemonicFile;
      requireOneStdinUse(file, signerSource);
      requireOneStdinUse(file, passphraseFile);
      requireOneStdinUse(file, ledgerOptions.ledgerPasswordFile);
      requireOneStdinUse(signerSource, ledgerOptions.ledgerPasswordFile);
      if (dryRun && waitForConfirmation) {
        throw usage("--wait cannot be used with --dry-run");
      }
      Duration interval = duration(pollInterval, "--poll-interval");
      Duration waitLimit = duration(timeout, "--timeout");
      Duration expiration = expiresIn == null ? TransactionBuilder.DEFAULT_EXPIRATION
          : duration(expiresIn, "--expires-in");
      if (expiration.compareTo(TransactionBuilder.MAX_EXPIRATION) > 0) {
        throw usage("--expires-in must be at most 24h, got '" + expiresIn + "'");
      }
      long tokenFeeLimit = feeLimit == null ? TransactionBuilder.DEFAULT_CONTRACT_FEE_LIMIT_SUN
          : TxInputs.trxSun(feeLimit, "--fee-limit");
      String source = "-".equals(file) ? "standard input" : file;
      List<CsvReader.Record> records = CsvReader.parse(
          new String(readInput(file, "payout"), StandardCharsets.UTF_8), source);
      try (TronClient client = openClient()) {
        List<Row> rows = validate(records, source, client);
        try (LedgerOptions.Opened opened = ledgerOptions.open(this, dryRun)) {
          return pay(rows, opened, client, source, tokenFeeLimit, expiration, interval,
              waitLimit);
        }
      }
    }

    private int pay(List<Row> rows, LedgerOptions.Opened opened, TronClient client,
        String source, long tokenFeeLimit, Duration expiration, Duration interval,
        Duration waitLimit) throws InterruptedException {
      JdbcPayoutLedger ledger = opened.ledger();
      PrivateKey key = openSigner();
      try {
        Address payer = key.address();
        Map<Integer, Payout> known = checkAgainstLedger(rows, payer, ledger, source);
        checkFunds(rows, known, payer, client);
        if (dryRun) {
          return dryRun(rows, known, payer, client, source);
        }
        PayoutService service = PayoutService.builder().client(client).ledger(ledger)
            .payer(payer, key).tokenFeeLimit(tokenFeeLimit).expiration(expiration).build();
        submit(service, rows);
        if (waitForConfirmation && !awaitFinished(service, rows, interval, waitLimit)) {
          report(rows, known, payer, ledger, source);
          err().println(json ? Json.write(Map.of("error", "gave up waiting after " + timeout
              + "; run the same file again to finish"))
              : "error: gave up waiting after " + timeout + "; run the same file again to "
                  + "finish");
          return TronCli.EXIT_NETWORK;
        }
        return report(rows, known, payer, ledger, source);
      } catch (PayoutLedgerException e) {
        throw new CliInputException("ledger: " + opened.connection().describe(e));
      } finally {
        key.destroy();
      }
    }

    /** Every row checked, every error named by line and column; nothing is read from secrets. */
    private List<Row> validate(List<CsvReader.Record> records, String source, TronClient client) {
      if (records.isEmpty()) {
        throw new CliInputException(source + " is empty; its first line must be the header "
            + String.join(",", COLUMNS));
      }
      CsvReader.Record header = records.get(0);
      List<String> names = new ArrayList<>();
      for (String name : header.fields()) {
        names.add(name.strip().toLowerCase(Locale.ROOT));
      }
      if (!names.equals(COLUMNS)) {
        throw new CliInputException(source + " line " + header.line() + ": the header must be "
            + String.join(",", COLUMNS) + ", got " + String.join(",", header.fields()));
      }
      if (records.size() == 1) {
        throw new CliInputException(source + " has a header but no payouts");
      }
      Asset usdt = usdtContract == null ? Asset.USDT
          : Asset.trc20("USDT", TxInputs.address(usdtContract, "--usdt"), Tokens.USDT_DECIMALS);
      Map<Address, Asset> tokens = new HashMap<>();
      Map<String, Integer> keyLines = new HashMap<>();
      List<Row> rows = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (CsvReader.Record record : records.subList(1, records.size())) {
        String where = source + " line " + record.line();
        if (record.fields().size() != COLUMNS.size()) {
          errors.add(where + ": " + record.fields().size() + " columns, the header has "
              + COLUMNS.size());
          continue;
        }
        try {
          Row row = row(record, where, usdt, tokens, client);
          Integer earlier = keyLines.putIfAbsent(row.request().idempotencyKey(), record.line());
          if (earlier != null) {
            throw new CliInputException(column(where, 1) + "idempotency key "
                + row.request().idempotencyKey() + " repeats line " + earlier);
          }
          rows.add(row);
        } catch (CliInputException e) {
          errors.add(e.getMessage());
        }
      }
      if (!errors.isEmpty()) {
        throw new CliInputException(summarize(errors, source));
      }
      return rows;
    }

    private static String summarize(List<String> errors, String source) {
      StringBuilder message = new StringBuilder(source).append(": ").append(errors.size())
          .append(errors.size() == 1 ? " row is" : " rows are")
          .append(" invalid; nothing was paid:");
      for (String error : errors.subList(0, Math.min(errors.size(), MAX_ERRORS_SHOWN))) {
        message.append(System.lineSeparator()).append("  ").append(error);
      }
      if (errors.size() > MAX_ERRORS_SHOWN) {
        message.append(System.lineSeparator()).append("  and ")
            .append(errors.size() - MAX_ERRORS_SHOWN).append(" more");
      }
      return message.toString();
    }

    private static String column(String where, int index) {
      return where + ", column " + index + " (" + COLUMNS.get(index - 1) + "): ";
    }

    private Row row(CsvReader.Record record, String where, Asset usdt,
        Map<Address, Asset> tokens, TronClient client) {
      List<String> f = record.fields();
      String key = f.get(0).strip();
      Address to;
      try {
        to = Address.parse(f.get(1).strip());
      } catch (IllegalArgumentException e) {
        throw new CliInputException(column(where, 2) + "'" + f.get(1) + "' is not a TRON "
            + "address: " + e.getMessage());
      }
      Asset asset = asset(f.get(2).strip(), column(where, 3), usdt, tokens, client);
      TokenAmount amount;
      try {
        amount = asset.parse(f.get(3).strip());
      } catch (IllegalArgumentException e) {
        throw new CliInputException(column(where, 4) + "'" + f.get(3) + "' is not an amount of "
            + asset.symbol() + ": " + e.getMessage());
      }
      if (asset.isTrx() && amount.units().bitLength() > Long.SIZE - 1) {
        throw new CliInputException(column(where, 4) + "'" + f.get(3) + "' TRX is more than "
            + "there is");
      }
      try {
        return new Row(record.line(), new PayoutRequest(key, to, asset, amount, ""));
      } catch (InvalidFieldException e) {
        int index = switch (e.field()) {
          case "idempotencyKey" -> 1;
          case "to" -> 2;
          case "asset" -> 3;
          default -> 4;
        };
        throw new CliInputException(column(where, index) + e.getMessage());
      }
    }

    private static Asset asset(String text, String where, Asset usdt, Map<Address, Asset> tokens,
        TronClient client) {
      if (text.equalsIgnoreCase("TRX")) {
        return Asset.TRX;
      }
      if (text.equalsIgnoreCase("USDT")) {
        return usdt;
      }
      Address contract;
      try {
        contract = Address.parse(text);
      } catch (IllegalArgumentException e) {
        throw new CliInputException(where + "'" + text + "' is neither TRX, USDT nor a token "
            + "contract address");
      }
      if (contract.equals(usdt.contract())) {
        return usdt;
      }
      // Decimals are the contract's to say; ask once per contract.
      return tokens.computeIfAbsent(contract,
          c -> Asset.trc20(c.toBase58(), c, client.decimals(c)));
    }

    /**
     * The rows the ledger holds already, by line; a row that pays the payer itself, or whose key
     * is stored for another payment or another payer, is an error for that line.
     */
    private Map<Integer, Payout> checkAgainstLedger(List<Row> rows, Address payer,
        JdbcPayoutLedger ledger, String source) {
      Map<Integer, Payout> known = new HashMap<>();
      List<String> errors = new ArrayList<>();
      for (Row row : rows) {
        if (row.request().to().equals(payer)) {
          errors.add(column(source + " line " + row.line(), 2) + "is the payer itself");
        }
      }
      if (!errors.isEmpty()) {
        throw new CliInputException(summarize(errors, source));
      }
      if (dryRun && ledger.schemaVersion() == 0) {
        return known;
      }
      for (Row row : rows) {
        PayoutRequest r = row.request();
        Optional<Payout> stored = ledger.findByKey(r.idempotencyKey());
        if (stored.isEmpty()) {
          continue;
        }
        Payout p = stored.get();
        if (!p.from().equals(payer) || !p.to().equals(r.to())
            || !p.asset().key().equals(r.asset().key()) || !p.amount().equals(r.amount().units())) {
          errors.add(column(source + " line " + row.line(), 1) + "idempotency key "
              + r.idempotencyKey() + " was already used in the ledger for another payout: "
              + p.tokenAmount().toDecimalString() + " " + p.asset().symbol() + " from "
              + p.from().toBase58() + " to " + p.to().toBase58());
          continue;
        }
        known.put(row.line(), p);
      }
      if (!errors.isEmpty()) {
        throw new CliInputException(summarize(errors, source));
      }
      return known;
    }

    /** Refuses a file whose new payouts alone exceed what the payer holds. */
    private void checkFunds(List<Row> rows, Map<Integer, Payout> known, Address payer,
        TronClient client) {
      Map<String, BigInteger> needed = new LinkedHashMap<>();
      Map<String, Asset> assets = new HashMap<>();
      for (Row row : rows) {
        if (!known.containsKey(row.line())) {
          Asset asset = row.request().asset();
          needed.merge(asset.key(), row.request().amount().units(), BigInteger::add);
          assets.put(asset.key(), asset);
        }
      }
      List<String> shortfalls = new ArrayList<>();
      for (Map.Entry<String, BigInteger> entry : needed.entrySet()) {
        Asset asset = assets.get(entry.getKey());
        BigInteger held = asset.isTrx()
            ? BigInteger.valueOf(client.getAccount(payer).map(Account::balance).orElse(0L))
            : client.balanceOf(asset.contract(), payer);
        if (held.compareTo(entry.getValue()) < 0) {
          shortfalls.add(asset.amount(entry.getValue()).toDecimalString() + " " + asset.symbol()
              + " to pay but the payer " + payer.toBase58() + " holds "
              + asset.amount(held).toDecimalString());
        }
      }
      if (!shortfalls.isEmpty()) {
        String message = "not enough funds, nothing was paid: " + String.join("; ", shortfalls);
        if (dryRun) {
          warn(message.replace(", nothing was paid", ""));
        } else {
          throw new CliInputException(message);
        }
      }
    }

    private int dryRun(List<Row> rows, Map<Integer, Payout> known, Address payer,
        TronClient client, String source) {
      ReferenceBlock reference = ReferenceBlock.of(client.getNowBlock());
      FeeEstimator estimator = FeeEstimator.of(client);
      List<Row> fresh = new ArrayList<>();
      for (Row row : rows) {
        if (!known.containsKey(row.line())) {
          fresh.add(row);
        }
      }
      ProgressBar progress = progressBar(fresh.size());
      long burn = 0;
      List<String> warnings = new ArrayList<>();
      for (int i = 0; i < fresh.size(); i++) {
        PayoutRequest r = fresh.get(i).request();
        TransactionBuilder builder = r.asset().isTrx()
            ? TrxTransfer.of(payer, r.to(), r.amount().units().longValueExact())
            : Trc20Transfer.transfer(r.asset().contract(), payer, r.to(), r.amount().units());
        Transaction unsigned = builder.referenceBlock(reference).build();
        io.tronpay.payouts.FeeEstimate estimate = estimator.estimate(unsigned);
        burn = Math.addExact(burn, estimate.totalBurnSun());
        for (String warning : estimate.warnings()) {
          warnings.add(source + " line " + fresh.get(i).line() + ": " + warning);
        }
        if (progress != null) {
          progress.update(i + 1);
        }
      }
      if (progress != null) {
        progress.finish();
      }
      Map<String, Object> result = summary(rows, known, payer, source);
      result.put("status", TransactionCommand.STATUS_DRY_RUN);
      result.put("estimatedFee", NodeCommand.sunToTrx(burn));
      result.put("estimatedFeeSun", Long.toString(burn));
      result.put("warnings", warnings);
      if (json) {
        print(result, "");
      } else {
        out().println("dry run, nothing signed or sent: " + humanSummary(rows, known, result));
        out().println("  expected burn for the new payouts: " + NodeCommand.sunToTrx(burn)
            + " TRX");
        for (String warning : warnings) {
          warn(warning);
        }
      }
      return TronCli.EXIT_OK;
    }

    private ProgressBar progressBar(int total) {
      return atTerminal() && total > 0 ? new ProgressBar(err(), total) : null;
    }

    /** Stores and sends the rows in file order, a chunk at a time, showing progress. */
    private void submit(PayoutService service, List<Row> rows) {
      ProgressBar progress = progressBar(rows.size());
      for (int from = 0; from < rows.size(); from += CHUNK) {
        List<PayoutRequest> chunk = new ArrayList<>();
        for (Row row : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
          chunk.add(row.request());
        }
        service.submitBatch(chunk);
        if (progress != null) {
          progress.update(Math.min(rows.size(), from + CHUNK));
        }
      }
      if (progress != null) {
        progress.finish();
      }
    }

    /** Advances the ledger until every row is finished; false if the time ran out first. */
    private boolean awaitFinished(PayoutService service, List<Row> rows, Duration interval,
        Duration limit) throws InterruptedException {
      Instant giveUpAt = Instant.now().plus(limit);
      ProgressBar progress = progressBar(rows.size());
      try {
        while (true) {
          int finished = 0;
          for (Row row : rows) {
            Optional<Payout> p = service.statusByKey(row.request().idempotencyKey());
            if (p.isPresent() && p.get().state().isTerminal()) {
              finished++;
            }
          }
          if (progress != null) {
            progress.update(finished);
          }
          if (finished == rows.size()) {
            return true;
          }
          if (Instant.now().isAfter(giveUpAt)) {
            return false;
          }
          Thread.sleep(interval.toMillis());
          service.resume();
        }
      } finally {
        if (progress != null) {
          progress.finish();
        }
      }
    }

    private int report(List<Row> rows, Map<Integer, Payout> known, Address payer,
        JdbcPayoutLedger ledger, String source) {
      Map<String, Object> result = summary(rows, known, payer, source);
      Map<PayoutState, Integer> states = new EnumMap<>(PayoutState.class);
      List<Object> payouts = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      long fees = 0;
      for (Row row : rows) {
        Payout p = ledger.findByKey(row.request().idempotencyKey()).orElseThrow();
        states.merge(p.state(), 1, Integer::sum);
        fees += p.feeSun();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("line", row.line());
        item.put("idempotencyKey", p.idempotencyKey());
        item.put("to", p.to().toBase58());
        item.put("asset", p.asset().symbol());
        item.put("amount", p.tokenAmount().toDecimalString());
        item.put("state", p.state().name());
        item.put("txID", p.txId());
        item.put("feeSun", p.state().isTerminal() ? Long.toString(p.feeSun()) : null);
        item.put("error", p.lastError());
        payouts.add(item);
        if (p.state() == PayoutState.FAILED || p.state() == PayoutState.CANCELLED
            || (p.lastError() != null && !p.state().isTerminal())) {
          problems.add(source + " line " + row.line() + " (" + p.idempotencyKey() + "): "
              + p.state().name().toLowerCase(Locale.ROOT)
              + (p.lastError() == null ? "" : ", " + p.lastError()));
        }
      }
      Map<String, Object> stateCounts = new LinkedHashMap<>();
      states.forEach((state, count) -> stateCounts.put(state.name(), count));
      result.put("states", stateCounts);
      result.put("fee", NodeCommand.sunToTrx(fees));
      result.put("feeSun", Long.toString(fees));
      result.put("payouts", payouts);
      boolean failed = states.containsKey(PayoutState.FAILED)
          || states.containsKey(PayoutState.CANCELLED);
      if (json) {
        print(result, "");
      } else {
        StringBuilder human = new StringBuilder(humanSummary(rows, known, result));
        human.append(System.lineSeparator()).append("  now: ");
        List<String> parts = new ArrayList<>();
        states.forEach((state, count) -> parts.add(count + " "
            + state.name().toLowerCase(Locale.ROOT)));
        human.append(String.join(", ", parts));
        if (fees > 0) {
          human.append("; fees so far ").append(NodeCommand.sunToTrx(fees)).append(" TRX");
        }
        out().println(human);
        for (String problem : problems) {
          warn(problem);
        }
      }
      return failed ? TronCli.EXIT_INVALID : TronCli.EXIT_OK;
    }

    private static Map<String, Object> summary(List<Row> rows, Map<Integer, Payout> known,
        Address payer, String source) {
      Map<String, BigInteger> totals = new LinkedHashMap<>();
      Map<String, Asset> assets = new HashMap<>();
      for (Row row : rows) {
        Asset asset = row.request().asset();
        totals.merge(asset.key(), row.request().amount().units(), BigInteger::add);
        assets.put(asset.key(), asset);
      }
      List<Object> totalList = new ArrayList<>();
      totals.forEach((key, units) -> {
        Map<String, Object> total = new LinkedHashMap<>();
        Asset asset = assets.get(key);
        total.put("asset", asset.symbol());
        total.put("contract", asset.isTrx() ? null : asset.contract().toBase58());
        total.put("amount", asset.amount(units).toDecimalString());
        total.put("units", units.toString());
        totalList.add(total);
      });
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("file", source);
      result.put("payer", payer.toBase58());
      result.put("rows", rows.size());
      result.put("new", rows.size() - known.size());
      result.put("alreadyInLedger", known.size());
      result.put("totals", totalList);
      return result;
    }

    @SuppressWarnings("unchecked")
    private static String humanSummary(List<Row> rows, Map<Integer, Payout> known,
        Map<String, Object> result) {
      List<String> totals = new ArrayList<>();
      for (Object item : (List<Object>) result.get("totals")) {
        Map<String, Object> total = (Map<String, Object>) item;
        totals.add(total.get("amount") + " " + total.get("asset"));
      }
      return rows.size() + " payouts from " + result.get("payer") + " (" + String.join(", ",
          totals) + "): " + (rows.size() - known.size()) + " new, " + known.size()
          + " already in the ledger";
    }
  }
}

package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.TxInputs;
import io.tronpay.client.Tokens;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.Signer;
import io.tronpay.core.TokenAmount;
import io.tronpay.payouts.Asset;
import io.tronpay.payouts.InvalidFieldException;
import io.tronpay.payouts.Payout;
import io.tronpay.payouts.PayoutService;
import io.tronpay.payouts.SweepFunding;
import io.tronpay.payouts.SweepPlan;
import io.tronpay.payouts.SweepPlanner;
import io.tronpay.payouts.SweepReport;
import io.tronpay.payouts.Sweeper;
import io.tronpay.payouts.TransactionBuilder;
import io.tronpay.payouts.jdbc.PayoutLedgerException;
import io.tronpay.wallet.HdSigner;
import io.tronpay.wallet.HdPath;
import io.tronpay.wallet.Seed;
import io.tronpay.wallet.TronAccount;
import io.tronpay.wallet.WatchOnlyAccount;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tron sweep}: moves a token from HD deposit addresses to the treasury with tron-payouts'
 * {@link SweepPlanner} and {@link Sweeper}, every step through the payout ledger.
 *
 * <p>The deposit addresses come from the account's {@code --xpub} (or from the mnemonic), their
 * signers from {@code --mnemonic-file}; the treasury signs with {@code --key-file}, or with the
 * mnemonic's key at {@code --path}.
 */
@Command(name = "sweep", description = {
    "Move USDT (or another TRC20) from HD deposit addresses to the treasury: for each address",
    "holding at least --min, lend it energy from the treasury's stake (or send it TRX with",
    "--fund-trx), transfer the tokens, and take the energy back. Every step goes through the",
    "payout ledger, so running the same sweep again resumes it rather than repeating it.",
    "--dry-run prints the plan and its cost and signs nothing."},
    footer = {"", "Exit codes: 0 swept (or planned), 1 invalid input or an address failed, "
        + "2 usage error, 3 node error or the sweep is unfinished (run it again)."})
final class SweepCommand extends SignerCommand {
  @Option(names = "--xpub", paramLabel = "XPUB",
      description = "The deposit account's xpub (m/44'/195'/a', from 'tron hd xpub'); default: "
          + "the account of --mnemonic-file.")
  String xpub;

  @Option(names = "--account", defaultValue = "0", paramLabel = "A",
      description = "The account a of m/44'/195'/a' in --mnemonic-file (default: "
          + "${DEFAULT-VALUE}).")
  int account;

  @Option(names = "--change", defaultValue = "0", paramLabel = "C",
      description = "0 for receiving, 1 for change addresses (default: ${DEFAULT-VALUE}).")
  int change;

  @Option(names = "--from", defaultValue = "0", paramLabel = "I",
      description = "The first address index (default: ${DEFAULT-VALUE}).")
  long from;

  @Option(names = "--count", defaultValue = "20", paramLabel = "N",
      description = "How many addresses, at most " + SweepPlanner.MAX_DEPOSITS
          + " (default: ${DEFAULT-VALUE}).")
  long count;

  @Option(names = "--treasury", paramLabel = "ADDR",
      description = "Where the tokens go (default: the address of the treasury's key).")
  String treasury;

  @Option(names = "--min", defaultValue = "1", paramLabel = "AMOUNT",
      description = "The smallest balance swept, in whole tokens (default: ${DEFAULT-VALUE}).")
  String minimum;

  @Option(names = "--token", defaultValue = "USDT", paramLabel = "USDT|CONTRACT",
      description = "The token: USDT (mainnet's contract) or a TRC20 contract address "
          + "(default: ${DEFAULT-VALUE}).")
  String token;

  @Option(names = "--fund-trx", paramLabel = "TRX",
      description = "Send each address this much TRX to burn for energy, instead of lending "
          + "it energy from the treasury's stake.")
  String fundTrx;

  @Option(names = "--sweep-id", paramLabel = "ID",
      description = "Names the sweep; its steps' ledger keys derive from it, so the same id "
          + "resumes (default: sweep-YYYY-MM-DD, today in UTC).")
  String sweepId;

  @Option(names = "--fee-limit", paramLabel = "TRX",
      description = "The most TRX each token transfer may burn for energy (default: 100).")
  String feeLimit;

  @Option(names = "--expires-in", paramLabel = "DURATION",
      description = "How long each signed transaction stays valid (default: 60s).")
  String expiresIn;

  @Option(names = "--poll-interval", defaultValue = "3s", paramLabel = "DURATION",
      description = "How often to check on the steps (default: ${DEFAULT-VALUE}).")
  String pollInterval;

  @Option(names = "--dry-run", description = "Plan the sweep and print it, with its cost; sign "
      + "and send nothing.")
  boolean dryRun;

  @Mixin
  LedgerOptions ledgerOptions;

  @Override
  int execute() {
    checkOptions();
    HdCommand.checkChildNumber("--account", account);
    HdCommand.checkChildNumber("--change", change);
    HdCommand.checkRange(from, count, SweepPlanner.MAX_DEPOSITS);
    Duration interval = duration(pollInterval, "--poll-interval");
    Duration expiration = expiresIn == null ? TransactionBuilder.DEFAULT_EXPIRATION
        : duration(expiresIn, "--expires-in");
    if (expiration.compareTo(TransactionBuilder.MAX_EXPIRATION) > 0) {
      throw usage("--expires-in must be at most 24h, got '" + expiresIn + "'");
    }
    long tokenFeeLimit = feeLimit == null ? TransactionBuilder.DEFAULT_CONTRACT_FEE_LIMIT_SUN
        : TxInputs.trxSun(feeLimit, "--fee-limit");
    SweepFunding funding = fundTrx == null ? SweepFunding.delegateEnergy()
        : SweepFunding.fundTrx(TxInputs.trxSun(fundTrx, "--fund-trx"));
    String id = sweepId != null ? sweepId.strip()
        : "sweep-" + LocalDate.now(ZoneOffset.UTC);
    Address treasuryOption = treasury == null ? null : TxInputs.address(treasury, "--treasury");

    TronAccount deposits = null;
    PrivateKey treasuryKey = null;
    Map<Address, HdSigner> signers = new HashMap<>();
    try {
      HdPath treasuryPath = path == null ? null : hdPath();
      if (mnemonicFile != null) {
        // Read once: the deposit account and a treasury key at --path come from the same seed.
        Seed seed = readSeed();
        try {
          deposits = depositAccount(seed);
          if (treasuryPath != null && !dryRun) {
            treasuryKey = keyAt(seed, treasuryPath);
          }
        } finally {
          seed.destroy();
        }
      }
      WatchOnlyAccount watchOnly = watchOnly(deposits);
      List<Address> addresses = watchOnly.addresses(change, (int) from, (int) count);
      Map<Address, Integer> indexes = new HashMap<>();
      for (int i = 0; i < addresses.size(); i++) {
        indexes.put(addresses.get(i), (int) from + i);
      }
      if (!dryRun && keyFile != null) {
        treasuryKey = readKey(keyFile);
      }
      Address treasuryAddress = treasuryKey != null ? treasuryKey.address() : treasuryOption;
      if (treasuryOption != null && !treasuryOption.equals(treasuryAddress)) {
        throw new CliInputException("--treasury " + treasury + " is not the address of the "
            + "treasury's key (" + treasuryAddress.toBase58() + ")");
      }
      if (indexes.containsKey(treasuryAddress)) {
        throw new CliInputException("--treasury " + treasuryAddress.toBase58() + " is one of the "
            + "deposit addresses");
      }
      try (TronClient client = openClient()) {
        Asset asset = asset(client);
        TokenAmount min = TxInputs.tokenAmount(minimum, asset.decimals(), "--min",
            asset.symbol());
        SweepPlanner planner;
        try {
          planner = SweepPlanner.builder().client(client).token(asset).treasury(treasuryAddress)
              .minimum(min).funding(funding).tokenFeeLimit(tokenFeeLimit).build();
        } catch (InvalidFieldException e) {
          throw new CliInputException(option(e) + ": " + e.getMessage());
        }
        SweepPlan plan;
        try {
          plan = planner.plan(id, addresses);
        } catch (InvalidFieldException e) {
          throw new CliInputException(option(e) + ": " + e.getMessage());
        }
        if (dryRun) {
          printPlan(plan);
          return TronCli.EXIT_OK;
        }
        TronAccount depositAccount = deposits;
        try (LedgerOptions.Opened opened = ledgerOptions.open(this, false)) {
          PayoutService service = PayoutService.builder().client(client)
              .ledger(opened.ledger()).payer(treasuryAddress, treasuryKey)
              .tokenFeeLimit(tokenFeeLimit).expiration(expiration)
              .otherSigners(address -> {
                Integer index = indexes.get(address);
                if (index == null) {
                  return List.<Signer>of();
                }
                return List.<Signer>of(signers.computeIfAbsent(address,
                    a -> depositAccount.signer(change, index)));
              })
              .build();
          Sweeper sweeper = Sweeper.builder().payouts(service).pollInterval(interval).build();
          if (!json) {
            err().println(plan.describe().replace("Dry run: nothing has been signed or sent.",
                "Sweeping now."));
          }
          SweepReport report;
          try {
            report = sweeper.run(plan);
          } catch (PayoutLedgerException e) {
            throw new CliInputException("ledger: " + opened.connection().describe(e));
          }
          return printReport(plan, report);
        }
      }
    } finally {
      for (HdSigner signer : signers.values()) {
        signer.destroy();
      }
      if (deposits != null) {
        deposits.destroy();
      }
      if (treasuryKey != null) {
        treasuryKey.destroy();
      }
    }
  }

  private void checkOptions() {
    checkNode();
    if (xpub == null && mnemonicFile == null) {
      throw usage("give the deposit addresses with --xpub or --mnemonic-file");
    }
    if (!dryRun && mnemonicFile == null) {
      throw usage("sweeping needs the deposit addresses' keys: give --mnemonic-file "
          + "(or plan only, with --dry-run)");
    }
    if (!dryRun && keyFile == null && path == null) {
      throw usage("sweeping needs the treasury's key: give --key-file, or --path for its key in "
          + "--mnemonic-file");
    }
    if (keyFile != null && path != null) {
      throw usage("--key-file and --path both name the treasury's key; give one");
    }
    if (dryRun && keyFile == null && path == null && treasury == null) {
      throw usage("give --treasury ADDR (or the treasury's --key-file)");
    }
    if (passphraseFile != null && mnemonicFile == null) {
      throw usage("--passphrase-file goes with --mnemonic-file");
    }
    requireOneStdinUse(mnemonicFile, passphraseFile);
    requireOneStdinUse(keyFile, mnemonicFile);
    requireOneStdinUse(keyFile, passphraseFile);
    requireOneStdinUse(ledgerOptions.ledgerPasswordFile, keyFile);
    requireOneStdinUse(ledgerOptions.ledgerPasswordFile, mnemonicFile);
  }

  /** The deposit account of the seed; its xpub must be --xpub's if both are given. */
  private TronAccount depositAccount(Seed seed) {
    TronAccount opened = TronAccount.fromSeed(seed, account);
    if (xpub != null && !opened.xpub().equals(xpub.strip())) {
      opened.destroy();
      throw new CliInputException("--xpub is not the xpub of account "
          + HdCommand.accountPath(account) + " of --mnemonic-file; check --account and "
          + "--passphrase-file");
    }
    return opened;
  }

  private WatchOnlyAccount watchOnly(TronAccount deposits) {
    if (deposits != null) {
      return deposits.watchOnly();
    }
    try {
      return WatchOnlyAccount.fromXpub(xpub.strip());
    } catch (IllegalArgumentException e) {
      throw new CliInputException("--xpub: " + e.getMessage());
    }
  }

  private Asset asset(TronClient client) {
    String name = token.strip();
    if (name.equalsIgnoreCase("USDT")) {
      return Asset.USDT;
    }
    Address contract = TxInputs.address(name, "--token");
    if (contract.equals(Tokens.USDT_MAINNET)) {
      return Asset.USDT;
    }
    return Asset.trc20(contract.toBase58(), contract, client.decimals(contract));
  }

  /** The command-line option behind a planner field, for messages. */
  private static String option(InvalidFieldException e) {
    switch (e.field()) {
      case "treasury":
        return "--treasury";
      case "minimum":
        return "--min";
      case "sweepId":
        return "--sweep-id";
      case "token":
        return "--token";
      case "feeLimit":
        return "--fee-limit";
      default:
        return e.field().startsWith("deposits") ? "--xpub" : e.field();
    }
  }

  private void printPlan(SweepPlan plan) {
    if (!json) {
      out().println(plan.describe());
      return;
    }
    String symbol = plan.token().symbol();
    List<Object> items = new ArrayList<>();
    for (SweepPlan.Item item : plan.items()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("deposit", item.deposit().toBase58());
      entry.put("balance", item.balance().toDecimalString());
      entry.put("activationNeeded", item.activationNeeded());
      entry.put("energy", item.energy());
      entry.put("fundSun", Long.toString(item.fundSun()));
      entry.put("delegateSun", Long.toString(item.delegateSun()));
      entry.put("estimatedBurnSun", Long.toString(item.estimatedBurnSun()));
      items.add(entry);
    }
    List<Object> skipped = new ArrayList<>();
    for (SweepPlan.Skipped s : plan.skipped()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("deposit", s.deposit().toBase58());
      entry.put("balance", s.balance().toDecimalString());
      entry.put("reason", s.reason());
      skipped.add(entry);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("sweepId", plan.sweepId());
    result.put("status", TransactionCommand.STATUS_DRY_RUN);
    result.put("token", symbol);
    result.put("contract", plan.token().contract().toBase58());
    result.put("treasury", plan.treasury().toBase58());
    result.put("funding", plan.funding().delegatesEnergy() ? "delegate-energy" : "fund-trx");
    result.put("total", plan.total().toDecimalString());
    result.put("items", items);
    result.put("skipped", skipped);
    result.put("totalDelegateSun", Long.toString(plan.totalDelegateSun()));
    result.put("totalFundSun", Long.toString(plan.totalFundSun()));
    result.put("estimatedFee", NodeCommand.sunToTrx(plan.estimatedBurnSun()));
    result.put("estimatedFeeSun", Long.toString(plan.estimatedBurnSun()));
    result.put("warnings", plan.warnings());
    print(result, "");
  }

  private int printReport(SweepPlan plan, SweepReport report) {
    boolean failed = false;
    List<Object> entries = new ArrayList<>();
    for (SweepReport.Entry e : report.entries()) {
      failed |= e.outcome() == SweepReport.Outcome.FAILED;
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("deposit", e.deposit().toBase58());
      entry.put("outcome", e.outcome().name());
      entry.put("swept", e.swept().toDecimalString());
      entry.put("feesBurntSun", Long.toString(e.feesBurntSun()));
      List<Object> steps = new ArrayList<>();
      for (Payout step : e.steps()) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("idempotencyKey", step.idempotencyKey());
        s.put("state", step.state().name());
        s.put("txID", step.txId());
        steps.add(s);
      }
      entry.put("steps", steps);
      entry.put("detail", e.detail().isEmpty() ? null : e.detail());
      entries.add(entry);
    }
    String status = report.complete() ? "complete" : "unfinished";
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("sweepId", report.sweepId());
    result.put("status", status);
    result.put("token", report.token().symbol());
    result.put("treasury", plan.treasury().toBase58());
    result.put("swept", report.swept().toDecimalString());
    result.put("fee", NodeCommand.sunToTrx(report.feesBurntSun()));
    result.put("feeSun", Long.toString(report.feesBurntSun()));
    result.put("fundedSun", Long.toString(report.fundedSun()));
    result.put("delegatedSun", Long.toString(report.delegatedSun()));
    result.put("returnedSun", Long.toString(report.returnedSun()));
    result.put("entries", entries);
    print(result, report.describe());
    if (!report.complete()) {
      warn("the sweep is " + status.toLowerCase(Locale.ROOT) + "; run the same command (sweep id "
          + report.sweepId() + ") again to finish it");
      return TronCli.EXIT_NETWORK;
    }
    return failed ? TronCli.EXIT_INVALID : TronCli.EXIT_OK;
  }
}

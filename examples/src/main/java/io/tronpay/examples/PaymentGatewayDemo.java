package io.tronpay.examples;

import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.Signer;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.monitor.BlockScanSource;
import io.tronpay.monitor.EventType;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentListener;
import io.tronpay.monitor.PaymentMonitor;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.TransferRecord;
import io.tronpay.monitor.TransferState;
import io.tronpay.monitor.jdbc.JdbcPaymentStore;
import io.tronpay.payouts.Asset;
import io.tronpay.payouts.Payout;
import io.tronpay.payouts.PayoutFilter;
import io.tronpay.payouts.PayoutKind;
import io.tronpay.payouts.PayoutService;
import io.tronpay.payouts.PayoutState;
import io.tronpay.payouts.ReceivedPayment;
import io.tronpay.payouts.ReferenceBlock;
import io.tronpay.payouts.Staking;
import io.tronpay.payouts.SweepFunding;
import io.tronpay.payouts.SweepPlan;
import io.tronpay.payouts.SweepPlanner;
import io.tronpay.payouts.SweepReport;
import io.tronpay.payouts.Sweeper;
import io.tronpay.payouts.jdbc.JdbcPayoutLedger;
import io.tronpay.payouts.Trc20Transfer;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import io.tronpay.testkit.DevToken;
import io.tronpay.wallet.HdSigner;
import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.QrCode;
import io.tronpay.wallet.Seed;
import io.tronpay.wallet.TronAccount;
import io.tronpay.wallet.WatchOnlyAccount;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * The whole payment gateway in one narrated run, on an embedded DevNode: a shop makes a treasury
 * wallet, hands its web server only an xpub, watches three orders with a {@link PaymentMonitor}
 * over an H2 database, sees customers pay (exactly, in two parts, too little, and with a fake
 * "USDT"), refunds the underpaid order, sweeps the deposits to the treasury with delegated energy
 * and prints what it all cost.
 *
 * <pre>
 * mvn -B -ntp -q -DskipTests install &amp;&amp; mvn -B -ntp -q -pl examples exec:java
 * </pre>
 *
 * <p>It takes no options and needs no network or database server. Every outcome the story
 * promises is checked against the DevNode's ledger as it goes; it exits with status 1 if any
 * check fails, so it doubles as a smoke test of the whole SDK.
 */
public final class PaymentGatewayDemo {
  /** Blocks on top of a transfer before the DevNode calls it solidified; mainnet uses 19. */
  static final int SOLIDITY_DEPTH = 3;
  /** Wall-clock time between DevNode blocks; each block still advances the chain by 3 s. */
  static final Duration BLOCK_TIME = Duration.ofMillis(150);
  static final Duration MONITOR_POLL = Duration.ofMillis(50);
  /** How long an order waits for its payment, in chain time. */
  static final Duration ORDER_EXPIRY = Duration.ofMinutes(30);
  /** The longest any single wait in the story may take before its check fails. */
  static final Duration WAIT_LIMIT = Duration.ofSeconds(20);
  static final long TREASURY_TRX_SUN = Trx.toSun(50_000);
  static final TokenAmount WORKING_CAPITAL = usdt("100");
  static final TokenAmount SWEEP_MINIMUM = usdt("1");
  static final String SWEEP_ID = "end-of-day-1";
  /** About 11 energy per staked TRX on mainnet: enough for a few USDT transfers at once. */
  static final long ENERGY_STAKE_SUN = Trx.toSun(30_000);

  private static final int QR_INDENT = 3;

  private final PrintStream out;
  private final Checks checks;
  private final EventLog events = new EventLog();
  private final List<StepCost> costs = new ArrayList<>();
  private final List<Order> orders = new ArrayList<>();
  private long stepStarted;
  private int stepNumber;
  private String stepTitle;
  private long startBlock;

  private DevNode devNode;
  private TronClient client;
  private DevAccount alice;
  private DevAccount bob;
  private DevAccount carol;
  private DevAccount mallory;
  private Mnemonic mnemonic;
  private TronAccount treasuryAccount;
  private TronAccount depositAccount;
  private HdSigner treasurySigner;
  private Address treasury;
  private WatchOnlyAccount webServerAccount;
  private UrlDataSource database;
  private JdbcPaymentStore store;
  private PaymentMonitor monitor;
  private PayoutService payouts;
  private final Map<Address, HdSigner> depositSigners = new ConcurrentHashMap<>();
  private DevToken fakeUsdt;
  private String fakeTxId;
  private String bobSecondTxId;

  private PaymentGatewayDemo(PrintStream out) {
    this.out = out;
    this.checks = new Checks(out);
  }

  /**
   * Runs the demo and exits with status 1 if any check fails.
   *
   * @param args none; the demo takes no options
   * @throws InterruptedException if interrupted while waiting for the chain
   */
  public static void main(String[] args) throws InterruptedException {
    Args.parse(args, Set.of());
    // The QR code and the shortened txIDs are Unicode; write UTF-8 whatever the platform default is.
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int status = run(out);
    out.flush();
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The whole demo, narrated on {@code out}; returns 0 when every check passes. */
  static int run(PrintStream out) throws InterruptedException {
    PaymentGatewayDemo demo = new PaymentGatewayDemo(out);
    try {
      return demo.tellTheStory();
    } finally {
      demo.closeEverything();
    }
  }

  private int tellTheStory() throws InterruptedException {
    out.println("== TronPay: a USDT payment gateway, start to finish ==");
    out.println();
    out.println("The stage: an embedded DevNode, a simulated TRON node in this process that");
    out.println("speaks the real HTTP API. It mines a block every " + BLOCK_TIME.toMillis()
        + " ms of real time (3 s of chain");
    out.println("time each) and solidifies a block " + SOLIDITY_DEPTH
        + " blocks deep (mainnet: 19). Its funded dev accounts");
    out.println("play the customers: Alice, Bob, Carol, and Mallory, who cheats.");
    devNode = DevNode.builder().seed("payment-gateway-demo").solidityDepth(SOLIDITY_DEPTH)
        .genesisTime(Instant.now()).build();
    String url = devNode.start();
    client = TronClient.builder().fullNode(url).build();
    alice = devNode.accounts().get(0);
    bob = devNode.accounts().get(1);
    carol = devNode.accounts().get(2);
    mallory = devNode.accounts().get(3);
    devNode.startMining(BLOCK_TIME);
    out.println("   node " + url + ", real USDT contract " + devNode.usdt().address());

    createTreasury();
    deriveXpub();
    openStore();
    startMonitor();
    createOrders();
    showQrCode();
    customersPay();
    printDetections();
    awaitConfirmations();
    refundUnderpaid();
    sweepDeposits();
    finalReport();
    return checks.finish("All checks passed: every outcome the story promised happened.");
  }

  // ------------------------------------------------------------------------------- the steps

  private void createTreasury() {
    begin(1, "Create the treasury mnemonic");
    mnemonic = Mnemonic.generate(24);
    out.println("   A fresh " + mnemonic.wordCount() + "-word BIP39 mnemonic from SecureRandom. It"
        + " is the only backup of");
    out.println("   every key below, so it is never printed: a real shop writes it down offline.");
    try (AutoDestroy<Seed> seed = new AutoDestroy<>(mnemonic.toSeed())) {
      treasuryAccount = TronAccount.fromSeed(seed.value, 0);
      depositAccount = TronAccount.fromSeed(seed.value, 1);
    }
    treasurySigner = treasuryAccount.signer(0, 0);
    treasury = treasurySigner.address();
    out.println("   treasury " + treasury + "  (" + treasurySigner.path() + ")");
    devNode.fund(treasury, TREASURY_TRX_SUN);
    devNode.mintToken(devNode.usdt(), treasury, WORKING_CAPITAL.units());
    out.println("   DevNode faucet: the treasury gets " + trx(TREASURY_TRX_SUN)
        + " for fees and staking, and");
    out.println("   " + usdt(WORKING_CAPITAL) + " of working capital to pay refunds from.");
    end(0, "");
  }

  private void deriveXpub() {
    begin(2, "Derive the account xpub");
    String xpub = depositAccount.xpub();
    out.println("   Deposit addresses come from account 1 (" + depositAccount.path(0, 0)
        .replaceAll("/0/0$", "") + "). Its xpub goes to the web");
    out.println("   server, which can derive addresses from it but can never spend from them:");
    out.println("   " + shorten(xpub, 16, 8));
    webServerAccount = WatchOnlyAccount.fromXpub(xpub);
    checks.check("the web server's xpub derives the same addresses as the private account",
        webServerAccount.address(0, 7).equals(depositAccount.address(0, 7)));
    end(0, "");
  }

  private void openStore() {
    begin(3, "Open the H2 payment store");
    // DB_CLOSE_DELAY=-1 keeps the in-memory database between connections, until the JVM ends.
    database = new UrlDataSource("jdbc:h2:mem:tronpay-demo-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1");
    store = JdbcPaymentStore.builder(database).tablePrefix("shop_").build();
    store.migrate();
    out.println("   An in-memory H2 database through a plain javax.sql.DataSource; the same");
    out.println("   JdbcPaymentStore runs on PostgreSQL or MariaDB.");
    out.println("   dialect " + store.dialect() + ", schema version " + store.schemaVersion()
        + ", tables " + store.tablePrefix() + "*");
    end(0, "");
  }

  private void startMonitor() {
    begin(4, "Start the payment monitor");
    startBlock = client.getNowBlock().number();
    monitor = PaymentMonitor.builder()
        .source(BlockScanSource.builder(client).startBlock(startBlock)
            .assets(io.tronpay.monitor.Asset.USDT).build())
        .store(store)
        .listener(events)
        // Chain time runs 20 times faster than the wall clock here, so expiry follows the
        // chain. On mainnet keep the default system clock.
        .clock(new DevNodeClock(devNode))
        .pollInterval(MONITOR_POLL)
        .build();
    monitor.start();
    out.println("   It scans every block from block " + startBlock + " on, matches USDT transfers"
        + " from the real");
    out.println("   contract only, records each step in H2 in one transaction, and calls our");
    out.println("   PaymentListener from the store's outbox.");
    end(0, "");
  }

  private void createOrders() {
    begin(5, "Create 3 orders with fresh deposit addresses");
    orders.add(new Order("A-1001", 0, usdt("25"), "Alice", "pays exactly"));
    orders.add(new Order("A-1002", 1, usdt("50"), "Bob", "pays in two parts"));
    orders.add(new Order("A-1003", 2, usdt("40"), "Carol", "pays too little"));
    List<PaymentRequest> requests = new ArrayList<>();
    for (Order o : orders) {
      o.address = webServerAccount.address(o.index);
      requests.add(PaymentRequest.builder()
          .orderId(o.id)
          .address(o.address)
          .usdt(o.price)
          .expiresIn(ORDER_EXPIRY)
          .build());
    }
    List<Payment> watched = monitor.watchAll(requests);
    for (int i = 0; i < orders.size(); i++) {
      Order o = orders.get(i);
      o.paymentId = watched.get(i).id();
      out.printf("   %s  %s  (index %d)  %10s  %s, %s%n", o.id, o.address, o.index,
          usdt(o.price), o.customer, o.story);
    }
    out.println("   Each waits " + ORDER_EXPIRY.toMinutes() + " minutes and needs the payment"
        + " solidified.");
    checks.check("the 3 orders are stored as PENDING",
        orders.stream().allMatch(o -> status(o) == PaymentStatus.PENDING));
    end(0, "");
  }

  private void showQrCode() {
    begin(6, "Show a deposit address as a QR code");
    Order first = orders.get(0);
    out.println("   What the checkout page shows for " + first.id + " (the plain address, which"
        + " every wallet");
    out.println("   reads; pay " + usdt(first.price) + "):");
    printIndented(QrCode.forAddress(first.address).toTerminal(), QR_INDENT);
    out.println(" ".repeat(QR_INDENT) + first.address);
    end(0, "");
  }

  private void customersPay() {
    begin(7, "Customers pay");
    Order a = orders.get(0);
    Order b = orders.get(1);
    Order c = orders.get(2);
    TokenAmount bobFirst = usdt("30");
    TokenAmount carolPays = usdt("15");
    TokenAmount missing = c.price.minus(carolPays);
    fakeUsdt = devNode.deployToken("Tether USD", "USDT", 6);
    devNode.mintToken(fakeUsdt, mallory.address(), missing.units());
    // The DevNode holds its next block until all four are sent, so they land together and the
    // story's events arrive in a readable order; on a real chain they land whenever they land.
    devNode.stopMining();
    ReferenceBlock reference = ReferenceBlock.of(client.getNowBlock());
    Address realUsdt = devNode.usdt().address();
    a.payTx.add(pay(alice, realUsdt, a.address, a.price, reference));
    b.payTx.add(pay(bob, realUsdt, b.address, bobFirst, reference));
    c.payTx.add(pay(carol, realUsdt, c.address, carolPays, reference));
    fakeTxId = pay(mallory, fakeUsdt.address(), c.address, missing, reference);
    devNode.startMining(BLOCK_TIME);
    out.println("   Alice   sends " + usdt(a.price) + " to " + a.id + "           tx "
        + shortTx(a.payTx.get(0)));
    out.println("   Bob     sends " + usdt(bobFirst) + " to " + b.id + " (part 1)  tx "
        + shortTx(b.payTx.get(0)));
    out.println("   Carol   sends " + usdt(carolPays) + " to " + c.id + "           tx "
        + shortTx(c.payTx.get(0)));
    out.println("   Mallory sends " + plain(missing) + " \"USDT\" to " + c.id + "         tx "
        + shortTx(fakeTxId));
    out.println("           from her own token " + fakeUsdt.address() + ", which also calls"
        + " itself");
    out.println("           \"" + fakeUsdt.name() + "\" (" + fakeUsdt.symbol()
        + ", 6 decimals), to make Carol's order look paid.");
    out.println("   Each customer signs with their own key and pays their own network fee.");
    end(0, "customers pay their own");
  }

  private void printDetections() throws InterruptedException {
    begin(8, "Listener events");
    out.println("   The listener prints each event as the monitor delivers it. \"detected\" means");
    out.println("   on chain but not yet confirmed: fine for \"we see your payment\", not for"
        + " shipping.");
    boolean detected = await("all three orders detected",
        () -> orders.stream().allMatch(o -> events.has(o.id, EventType.PAYMENT_DETECTED)));
    checks.check("each order got exactly one payment.detected event", detected
        && orders.stream().allMatch(o -> events.count(o.id, EventType.PAYMENT_DETECTED) == 1));
    end(0, "");
  }

  private void awaitConfirmations() throws InterruptedException {
    begin(9, "Wait for confirmations");
    Order a = orders.get(0);
    Order b = orders.get(1);
    Order c = orders.get(2);
    boolean aConfirmed = await(a.id + " confirmed",
        () -> events.has(a.id, EventType.PAYMENT_CONFIRMED));
    checks.check(a.id + " is CONFIRMED with exactly " + usdt(a.price), aConfirmed
        && status(a) == PaymentStatus.CONFIRMED
        && payment(a).get().received().equals(a.price));

    boolean bFirstPart = await(b.id + "'s first part confirmed",
        () -> payment(b).map(p -> p.confirmedUnits().signum() > 0).orElse(false));
    Payment half = payment(b).orElseThrow();
    out.println("   " + b.id + " now: " + half.status() + ", " + usdt(half.received()) + " of "
        + usdt(b.price) + " confirmed. No event: it is not paid yet.");
    checks.check(b.id + " is still SEEN after the first part", bFirstPart
        && half.status() == PaymentStatus.SEEN && !events.has(b.id, EventType.PAYMENT_CONFIRMED));
    TokenAmount rest = b.price.minus(half.received());
    bobSecondTxId = pay(bob, devNode.usdt().address(), b.address, rest,
        ReferenceBlock.of(client.getNowBlock()));
    b.payTx.add(bobSecondTxId);
    out.println("   Bob     sends the remaining " + usdt(rest) + " (part 2)  tx "
        + shortTx(bobSecondTxId));
    boolean bConfirmed = await(b.id + " confirmed",
        () -> events.has(b.id, EventType.PAYMENT_CONFIRMED));
    checks.check(b.id + " is CONFIRMED with " + usdt(b.price) + ", by the second part", bConfirmed
        && status(b) == PaymentStatus.CONFIRMED && payment(b).get().received().equals(b.price)
        && bobSecondTxId.equals(events.first(b.id, EventType.PAYMENT_CONFIRMED)
            .map(PaymentEvent::txId).orElse(null)));

    boolean cPart = await(c.id + "'s partial payment and Mallory's transfer solidified",
        () -> payment(c).map(p -> p.confirmedUnits().signum() > 0).orElse(false)
            && client.getSolidTransactionInfoById(fakeTxId).isPresent());
    Payment partial = payment(c).orElseThrow();
    out.println("   " + c.id + " now: " + partial.status() + ", " + usdt(partial.received())
        + " of " + usdt(c.price) + " confirmed, and nothing more is coming.");
    out.println("   Fast-forward the DevNode clock " + ORDER_EXPIRY.toMinutes() + " minutes to the"
        + " order's expiry (the");
    out.println("   monitor's clock follows the chain in this demo).");
    devNode.advanceTime(ORDER_EXPIRY);
    boolean cUnderpaid = await(c.id + " underpaid",
        () -> events.has(c.id, EventType.PAYMENT_UNDERPAID));
    Payment underpaid = payment(c).orElseThrow();
    checks.check(c.id + " is UNDERPAID with " + usdt(usdt("15")) + " received", cPart
        && cUnderpaid && underpaid.status() == PaymentStatus.UNDERPAID
        && underpaid.received().equals(usdt("15")));

    out.println("   Mallory's fake \"USDT\": the chain has her transfer, but the monitor credits"
        + " only");
    out.println("   the real contract, so " + c.id + " never saw it.");
    Optional<TransactionInfo> fakeInfo = client.getSolidTransactionInfoById(fakeTxId);
    boolean fakeLanded = fakeInfo.isPresent() && !fakeInfo.get().failed()
        && "SUCCESS".equals(fakeInfo.get().receipt().result());
    BigInteger fakeHeld = devNode.tokenBalance(fakeUsdt, c.address);
    out.println("   fake token balance of " + c.id + "'s address on the DevNode: "
        + usdt(TokenAmount.of(fakeHeld, fakeUsdt.decimals())) + " (fake)");
    List<TransferRecord> recorded = monitor.transfers(c.paymentId);
    checks.check("Mallory's fake transfer landed on chain (SUCCESS)", fakeLanded
        && fakeHeld.signum() > 0);
    checks.check("the monitor ignored it: no recorded transfer and no event carries its tx",
        recorded.stream().noneMatch(t -> t.transfer().txId().equals(fakeTxId))
            && events.all().stream().noneMatch(e -> fakeTxId.equals(e.txId())));
    checks.check(c.id + " recorded only Carol's transfer", recorded.size() == 1
        && recorded.get(0).transfer().from().equals(carol.address())
        && recorded.get(0).state() == TransferState.CONFIRMED);
    end(0, "");
  }

  private void refundUnderpaid() throws InterruptedException {
    begin(10, "Refund the underpaid order");
    Order c = orders.get(2);
    Payment underpaid = payment(c).orElseThrow();
    Address sender = monitor.transfers(c.paymentId).get(0).transfer().from();
    payouts = PayoutService.builder()
        .client(client)
        .ledger(payoutLedger(database))
        .payer(treasury, treasurySigner)
        .otherSigners(address -> Optional.ofNullable(depositSigners.get(address))
            .<List<Signer>>map(List::of).orElse(List.of()))
        .build();
    out.println("   A PayoutService pays from the treasury through a payout ledger (in the same H2");
    out.println("   database) that never pays one idempotency key twice. refund() sends back"
        + " what the");
    out.println("   order received, to the address it came from: " + usdt(underpaid.received())
        + " to Carol,");
    out.println("   " + sender + ".");
    BigInteger carolBeforeRefund = devNode.tokenBalance(devNode.usdt(), carol.address());
    Payout refund = payouts.refund(new ReceivedPayment(c.paymentId, sender, Asset.USDT,
        underpaid.received()));
    out.println("   payout " + shorten(refund.idempotencyKey(), 15, 4) + " " + refund.state()
        + ", tx " + shortTx(refund.txId()));
    Payout done = awaitPayout(refund.id());
    TransactionInfo info = client.getTransactionInfoById(done.txId()).orElse(null);
    out.println("   " + done.state() + " in block " + done.blockNumber() + ", burnt "
        + trx(done.feeSun()) + (info == null ? "" : ": the treasury has no energy staked yet,"));
    if (info != null) {
      out.println("   so it bought " + info.receipt().energyUsageTotal() + " energy at "
          + energyPrice(info) + " sun each (step 11 uses staked energy instead).");
    }
    BigInteger carolAfter = devNode.tokenBalance(devNode.usdt(), carol.address());
    checks.check("the refund is CONFIRMED", done.state() == PayoutState.CONFIRMED);
    checks.check("Carol's USDT balance on the DevNode rose by exactly "
        + usdt(underpaid.received()), carolAfter.subtract(carolBeforeRefund)
        .equals(underpaid.received().units()));

    Payout again = payouts.refund(new ReceivedPayment(c.paymentId, sender, Asset.USDT,
        underpaid.received()));
    out.println("   refund() again, as a retry after a crash would: the ledger returns "
        + (again.id().equals(done.id()) ? "the same payout" : "payout " + again.id()) + ",");
    out.println("   and nothing is sent twice.");
    checks.check("a second refund() pays nothing more", again.id().equals(done.id())
        && devNode.tokenBalance(devNode.usdt(), carol.address()).equals(carolAfter));
    end(done.feeSun(), info == null ? "" : info.receipt().energyUsageTotal() + " energy burnt");
  }

  private void sweepDeposits() throws InterruptedException {
    begin(11, "Sweep the deposits to the treasury");
    out.println("   The USDT sits on " + orders.size() + " deposit addresses that hold no TRX. Moving"
        + " it costs energy:");
    out.println("   the treasury stakes TRX for energy once, lends it to each deposit address for"
        + " its");
    out.println("   transfer, and takes it back. Staked TRX is not spent; it can be unstaked"
        + " later.");
    Transaction stake = Staking.freezeV2(treasury, ENERGY_STAKE_SUN, ResourceCode.ENERGY)
        .referenceBlock(ReferenceBlock.of(client.getNowBlock()))
        .buildAndSign(treasurySigner);
    client.broadcastTransaction(stake);
    Optional<TransactionInfo> staked = awaitSolid(stake.txId());
    long stakeFee = staked.map(TransactionInfo::fee).orElse(0L);
    long treasuryEnergy = client.getAccountResource(treasury).energyLimit();
    out.println("   stake " + trx(ENERGY_STAKE_SUN) + " for ENERGY  tx " + shortTx(stake.txId())
        + ": the treasury now has " + treasuryEnergy + " energy");
    checks.check("the stake landed", staked.isPresent() && !staked.get().failed());

    Map<Address, BigInteger> before = new LinkedHashMap<>();
    for (Order o : orders) {
      before.put(o.address, devNode.tokenBalance(devNode.usdt(), o.address));
      depositSigners.put(o.address, depositAccount.signer(0, o.index));
    }
    out.println("   The back office holds the mnemonic, so it derives each deposit address's key"
        + " (account 1,");
    out.println("   index i) to sign its transfer; the web server never sees them.");
    BigInteger treasuryBefore = devNode.tokenBalance(devNode.usdt(), treasury);
    BigInteger expected = before.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    SweepPlanner planner = SweepPlanner.builder()
        .client(client)
        .token(Asset.USDT)
        .treasury(treasury)
        .minimum(SWEEP_MINIMUM)
        .funding(SweepFunding.delegateEnergy())
        .build();
    SweepPlan plan = planner.plan(SWEEP_ID, before.keySet());
    out.println("   The plan, before anything is signed (the dry run):");
    printIndented(plan.describe(), 5);
    checks.check("the dry run plans all " + orders.size() + " deposits, "
        + usdt(TokenAmount.of(expected, 6)) + " in total", plan.items().size() == orders.size()
        && plan.total().units().equals(expected));
    // Each step is a payout in the ledger under a key made from the sweep id and the address,
    // so running the same plan again after a crash resumes it instead of paying twice.
    Sweeper sweeper = Sweeper.builder().payouts(payouts).pollInterval(BLOCK_TIME).build();
    out.println("   Run it: fund (activates each address) → delegate energy → transfer → take the"
        + " energy back,");
    out.println("   each stage for all addresses at once, then wait for it to solidify:");
    SweepReport report = sweeper.run(plan);
    printIndented(report.describe(), 5);
    long depositBurnt = report.entries().stream().flatMap(e -> e.steps().stream())
        .filter(step -> !step.from().equals(treasury)).mapToLong(Payout::feeSun).sum();
    checks.check("the sweep is complete: every address SWEPT", report.complete()
        && report.entries().stream().allMatch(e -> e.outcome() == SweepReport.Outcome.SWEPT));
    checks.check("the deposit addresses burnt no TRX: their energy was the treasury's, lent",
        depositBurnt == 0);
    checks.check("all " + trx(report.delegatedSun()) + " of delegated stake was taken back",
        report.delegatedSun() > 0 && report.returnedSun() == report.delegatedSun());

    BigInteger treasuryAfter = devNode.tokenBalance(devNode.usdt(), treasury);
    checks.check("every deposit address holds 0 USDT (DevNode)", orders.stream()
        .allMatch(o -> devNode.tokenBalance(devNode.usdt(), o.address).signum() == 0));
    checks.check("the treasury gained exactly their sum, " + usdt(TokenAmount.of(expected, 6)),
        treasuryAfter.subtract(treasuryBefore).equals(expected));
    checks.check("the lent energy is back: no deposit has any, the treasury has its "
        + treasuryEnergy + " again", orders.stream()
            .allMatch(o -> client.getAccountResource(o.address).energyLimit() == 0)
            && client.getAccountResource(treasury).energyLimit() == treasuryEnergy);
    end(stakeFee + report.feesBurntSun(), trx(ENERGY_STAKE_SUN) + " stay staked");
  }

  private void finalReport() {
    begin(12, "Final report");
    out.println("   Balances on the DevNode:");
    out.printf("     %-9s %-34s %14s %18s%n", "who", "address", "USDT", "TRX");
    balanceLine("treasury", treasury);
    for (Order o : orders) {
      balanceLine(o.id, o.address);
    }
    balanceLine("Carol", carol.address());
    out.println();
    out.println("   Payment requests (read back from H2 by a second store on the same"
        + " database):");
    JdbcPaymentStore reader = JdbcPaymentStore.builder(database).tablePrefix("shop_").build();
    for (Order o : orders) {
      Payment p = reader.findByOrderId(o.id).orElseThrow();
      out.printf("     %-7s %-10s %12s of %-11s %d transfer(s); events %s%n", o.id,
          p.status(), usdt(p.received()), usdt(o.price), reader.transfersOf(p.id()).size(),
          String.join(", ", events.typesOf(o.id).stream()
              .map(t -> t.wireName().replace("payment.", "")).toList()));
    }
    out.println();
    out.println("   Payouts (read back from the payout ledger in H2), oldest first:");
    for (Payout p : payoutLedger(database).find(PayoutFilter.all())) {
      out.printf("     %-17s %-9s %15s  %8s → %-8s  fee %s%n", labelOf(p), p.state(),
          amountOf(p), nameOf(p.from()), nameOf(p.to()), trx(p.feeSun()));
    }
    out.println("     (a delegation's amount is staked TRX whose energy is lent; no TRX moves)");
    out.println();
    end(0, "");
    out.println("   What each step cost the shop (TRX burnt; time on this machine):");
    long totalBurnt = 0;
    for (StepCost cost : costs) {
      totalBurnt += cost.burntSun;
      out.printf("     %2d  %-44s %6d ms  %12s  %s%n", cost.number, cost.title,
          cost.time.toMillis(), trx(cost.burntSun), cost.note);
    }
    out.printf("         %-44s %9s  %12s%n", "total", "", trx(totalBurnt));
    out.println("   The monitor read " + (monitor.health().scannedBlock() + 1 - startBlock)
        + " blocks with " + monitor.health().nodeRequests() + " node requests.");
    checks.check("H2 holds the final states: CONFIRMED, CONFIRMED, UNDERPAID",
        List.of(PaymentStatus.CONFIRMED, PaymentStatus.CONFIRMED, PaymentStatus.UNDERPAID)
            .equals(orders.stream().map(o -> reader.findByOrderId(o.id).orElseThrow().status())
                .toList()));
    checks.check("the listener got exactly detected+confirmed, detected+confirmed,"
        + " detected+underpaid", List.of(
            List.of(EventType.PAYMENT_DETECTED, EventType.PAYMENT_CONFIRMED),
            List.of(EventType.PAYMENT_DETECTED, EventType.PAYMENT_CONFIRMED),
            List.of(EventType.PAYMENT_DETECTED, EventType.PAYMENT_UNDERPAID))
        .equals(orders.stream().map(o -> events.typesOf(o.id)).toList()));
  }

  // ------------------------------------------------------------------------------- helpers

  private void begin(int number, String title) {
    out.println();
    out.printf("%2d. %s%n", number, title);
    stepNumber = number;
    stepTitle = title;
    stepStarted = System.nanoTime();
  }

  private void end(long burntSun, String note) {
    costs.add(new StepCost(stepNumber, stepTitle,
        Duration.ofNanos(System.nanoTime() - stepStarted), burntSun, note));
  }

  /**
   * Waits until {@code done} holds, printing listener events as they arrive; false (with a
   * line saying what it gave up on) after {@link #WAIT_LIMIT}.
   */
  private boolean await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (true) {
      boolean finished = done.getAsBoolean();
      printNewEvents();
      if (finished) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        out.println("   ! gave up after " + WAIT_LIMIT.toSeconds() + " s waiting for: " + what);
        return false;
      }
      Thread.sleep(MONITOR_POLL.toMillis());
    }
  }

  private Payout awaitPayout(String id) throws InterruptedException {
    await("payout " + id + " to finish", () -> {
      payouts.resume();
      return payouts.status(id).map(p -> p.state().isTerminal()).orElse(false);
    });
    return payouts.status(id).orElseThrow();
  }

  /** Waits for a transaction to be solidified; empty if it was not in time. */
  private Optional<TransactionInfo> awaitSolid(String txId) throws InterruptedException {
    await("tx " + shortTx(txId) + " solidified",
        () -> client.getSolidTransactionInfoById(txId).isPresent());
    return client.getSolidTransactionInfoById(txId);
  }

  private void printIndented(String text, int spaces) {
    String indent = " ".repeat(spaces);
    for (String line : text.split("\n")) {
      out.println(indent + line);
    }
  }

  private void printNewEvents() {
    for (PaymentEvent e = events.pending.poll(); e != null; e = events.pending.poll()) {
      Order o = orderOf(e.orderId());
      String cause = e.amount() != null && e.txId() != null
          ? String.format("%12s  tx %s  block %d", "+" + usdt(e.amount()), shortTx(e.txId()),
              e.blockNumber())
          : "time is up";
      out.printf("   %-18s %-6s %-10s %-39s  %s%s confirmed%n", e.type().wireName(), e.orderId(),
          e.status(), cause, plain(e.received()), o == null ? "" : "/" + plain(o.price));
    }
  }

  /** Signs a TRC20 transfer with the customer's key and broadcasts it; returns the txID. */
  private String pay(DevAccount from, Address token, Address to, TokenAmount amount,
      ReferenceBlock reference) {
    Transaction tx = Trc20Transfer.transfer(token, from.address(), to, amount.units())
        .referenceBlock(reference)
        .buildAndSign(from.privateKey());
    client.broadcastTransaction(tx);
    return tx.txId();
  }

  private Order orderOf(String orderId) {
    for (Order o : orders) {
      if (o.id.equals(orderId)) {
        return o;
      }
    }
    return null;
  }

  private Optional<Payment> payment(Order o) {
    return monitor.status(o.paymentId);
  }

  private PaymentStatus status(Order o) {
    return payment(o).map(Payment::status).orElse(null);
  }

  private static long energyPrice(TransactionInfo info) {
    long energy = info.receipt().energyUsageTotal() - info.receipt().energyUsage();
    return energy == 0 ? 0 : info.receipt().energyFee() / energy;
  }

  /** The payout ledger's tables next to the monitor's, created if need be. */
  private static JdbcPayoutLedger payoutLedger(DataSource database) {
    JdbcPayoutLedger ledger = JdbcPayoutLedger.builder(database).tablePrefix("shop_").build();
    ledger.migrate();
    return ledger;
  }

  /** "refund" or the sweep step, from the idempotency key the SDK derived. */
  private static String labelOf(Payout p) {
    String key = p.idempotencyKey();
    if (key.startsWith("refund:")) {
      return "refund";
    }
    if (key.startsWith("sweep:")) {
      return "sweep " + key.substring(key.lastIndexOf(':') + 1);
    }
    return key;
  }

  /** Who an address is in this story. */
  private String nameOf(Address address) {
    if (address.equals(treasury)) {
      return "treasury";
    }
    if (address.equals(carol.address())) {
      return "Carol";
    }
    for (Order o : orders) {
      if (o.address.equals(address)) {
        return o.id;
      }
    }
    return shorten(address.toBase58(), 4, 4);
  }

  /** TRX for transfers and activations, staked TRX for delegations, else the token. */
  private static String amountOf(Payout p) {
    return p.asset().isTrx() || p.kind() != PayoutKind.TRANSFER
        ? trx(p.amount().longValueExact()) : usdt(p.tokenAmount());
  }

  private void balanceLine(String who, Address address) {
    out.printf("     %-9s %-34s %14s %18s%n", who, address,
        usdt(TokenAmount.of(devNode.tokenBalance(devNode.usdt(), address), 6)),
        trx(devNode.balance(address)));
  }

  private void closeEverything() {
    if (devNode != null) {
      devNode.stopMining();
    }
    if (monitor != null) {
      monitor.close();
    }
    if (client != null) {
      client.close();
    }
    if (database != null) {
      dropDatabase();
    }
    if (devNode != null) {
      devNode.close();
    }
    depositSigners.values().forEach(HdSigner::destroy);
    if (treasurySigner != null) {
      treasurySigner.destroy();
    }
    if (treasuryAccount != null) {
      treasuryAccount.destroy();
    }
    if (depositAccount != null) {
      depositAccount.destroy();
    }
    if (mnemonic != null) {
      mnemonic.destroy();
    }
  }

  static TokenAmount usdt(String decimal) {
    return TokenAmount.parse(decimal, 6);
  }

  /** {@code 25.00 USDT}: at least two decimals, no trailing zeros beyond them. */
  static String usdt(TokenAmount amount) {
    return plain(amount) + " USDT";
  }

  private static String plain(TokenAmount amount) {
    return decimals(new BigDecimal(amount.units(), amount.decimals()));
  }

  static String trx(long sun) {
    return decimals(BigDecimal.valueOf(sun, 6)) + " TRX";
  }

  private static String decimals(BigDecimal value) {
    BigDecimal plain = value.stripTrailingZeros();
    return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
  }

  /** The first 8 and last 4 hex digits: enough to find the transaction in an explorer. */
  static String shortTx(String txId) {
    return txId == null ? "-" : shorten(txId, 8, 4);
  }

  private static String shorten(String text, int head, int tail) {
    return text.length() <= head + tail + 1 ? text
        : text.substring(0, head) + "…" + text.substring(text.length() - tail);
  }

  // ------------------------------------------------------------------------------- types

  /** One order of the shop, and what happened to it. */
  private static final class Order {
    final String id;
    final int index;
    final TokenAmount price;
    final String customer;
    final String story;
    final List<String> payTx = new ArrayList<>();
    Address address;
    String paymentId;

    Order(String id, int index, TokenAmount price, String customer, String story) {
      this.id = id;
      this.index = index;
      this.price = price;
      this.customer = customer;
      this.story = story;
    }
  }

  private record StepCost(int number, String title, Duration time, long burntSun, String note) {}

  /**
   * Collects events on the monitor's thread; the story's thread prints them. Listeners must be
   * quick and are called at least once per event, so it only queues and de-duplicates by id.
   */
  private static final class EventLog extends PaymentListener {
    final ConcurrentLinkedQueue<PaymentEvent> pending = new ConcurrentLinkedQueue<>();
    private final Map<String, PaymentEvent> byId = new ConcurrentHashMap<>();
    private final List<PaymentEvent> ordered = new ArrayList<>();

    @Override
    public void onEvent(PaymentEvent event) {
      if (byId.putIfAbsent(event.eventId(), event) == null) {
        synchronized (ordered) {
          ordered.add(event);
        }
        pending.add(event);
      }
    }

    List<PaymentEvent> all() {
      synchronized (ordered) {
        return List.copyOf(ordered);
      }
    }

    boolean has(String orderId, EventType type) {
      return count(orderId, type) > 0;
    }

    long count(String orderId, EventType type) {
      return all().stream().filter(e -> orderId.equals(e.orderId()) && e.type() == type).count();
    }

    Optional<PaymentEvent> first(String orderId, EventType type) {
      return all().stream().filter(e -> orderId.equals(e.orderId()) && e.type() == type)
          .findFirst();
    }

    List<EventType> typesOf(String orderId) {
      return all().stream().filter(e -> orderId.equals(e.orderId())).map(PaymentEvent::type)
          .toList();
    }
  }

  /** Destroys a secret when the block ends. */
  private static final class AutoDestroy<T extends javax.security.auth.Destroyable>
      implements AutoCloseable {
    final T value;

    AutoDestroy(T value) {
      this.value = value;
    }

    @Override
    public void close() {
      try {
        value.destroy();
      } catch (javax.security.auth.DestroyFailedException e) {
        throw new IllegalStateException("could not destroy " + value.getClass().getSimpleName(),
            e);
      }
    }
  }

  /** The DevNode's simulated time: the head block's timestamp. */
  private static final class DevNodeClock extends Clock {
    private final DevNode node;

    DevNodeClock(DevNode node) {
      this.node = node;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      if (!ZoneOffset.UTC.equals(zone)) {
        throw new UnsupportedOperationException("the DevNode clock is UTC only");
      }
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(node.headBlockTime());
    }
  }

  /** Frees the in-memory database, which would otherwise live as long as the JVM. */
  private void dropDatabase() {
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // Only memory is at stake; the demo's outcome is already decided.
    }
  }
}

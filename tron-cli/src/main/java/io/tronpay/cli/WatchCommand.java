package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.Json;
import io.tronpay.client.Tokens;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.BlockScanSource;
import io.tronpay.monitor.ConfirmationPolicy;
import io.tronpay.monitor.EventType;
import io.tronpay.monitor.InMemoryPaymentStore;
import io.tronpay.monitor.MonitorHealth;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentListener;
import io.tronpay.monitor.PaymentMonitor;
import io.tronpay.monitor.PaymentRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code tron watch}: waits for one payment to one address and prints each event of it as it
 * happens, by scanning every block from the node (tron-monitor's {@link BlockScanSource}).
 *
 * <p>Exits 0 once the payment is confirmed (or overpaid), 1 once it expired unpaid or underpaid,
 * and 3 when the node keeps failing or stops moving.
 */
@Command(name = "watch",
    description = "Watch an address for a payment; print each event until it is settled.")
final class WatchCommand extends NodeCommand.NodeLeaf {
  // Consecutive failed polls after which the node counts as down rather than hiccuping.
  private static final int MAX_CONSECUTIVE_ERRORS = 10;

  @Option(names = "--address", required = true, paramLabel = "ADDR",
      description = "The deposit address to watch (Base58 or hex).")
  String address;

  @Option(names = "--amount", required = true, paramLabel = "AMOUNT",
      description = "The expected amount, exact, in whole units (12.34 USDT).")
  String amount;

  @Option(names = "--token", defaultValue = "USDT", paramLabel = "USDT|CONTRACT|TRX",
      description = "The asset: USDT (mainnet), TRX, or a TRC20 contract address "
          + "(default: ${DEFAULT-VALUE}).")
  String token;

  @Option(names = "--order-id", paramLabel = "ID",
      description = "The order id reported with each event (default: a random one).")
  String orderId;

  @Option(names = "--confirmations", defaultValue = "solid", paramLabel = "solid|N",
      description = "Confirmed once solidified, or once N blocks deep (default: ${DEFAULT-VALUE}).")
  String confirmations;

  @Option(names = "--timeout", defaultValue = "30m", paramLabel = "DURATION",
      description = "When the request expires, by chain time: 90s, 30m, 2h, 1d "
          + "(default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(names = "--start-block", paramLabel = "NUM",
      description = "The first block to scan (default: the current head).")
  Long startBlock;

  @Option(names = "--poll-interval", defaultValue = "3s", paramLabel = "DURATION",
      description = "How often to ask the node for new blocks (default: ${DEFAULT-VALUE}).")
  String pollInterval;

  @Override
  int run(TronClient client) {
    Address to = parseAddress(address, "--address");
    Asset asset = asset(client);
    TokenAmount expected;
    try {
      expected = TokenAmount.parse(amount.strip(), asset.decimals());
    } catch (IllegalArgumentException e) {
      throw new CliInputException("--amount " + amount + " is not an amount of "
          + asset.symbol() + ": " + e.getMessage());
    }
    Duration expiresIn = duration(timeout, "--timeout");
    Duration interval = duration(pollInterval, "--poll-interval");
    PaymentRequest request = PaymentRequest.builder()
        .orderId(orderId != null ? orderId : "watch-" + UUID.randomUUID())
        .address(to)
        .amount(asset, expected)
        .confirmation(confirmation())
        .expiresIn(expiresIn)
        .build();

    BlockScanSource.Builder source = BlockScanSource.builder(client).assets(asset);
    // Asked up front so that an unreachable node fails now, with exit code 3, not after a poll.
    long head = client.getNowBlock().number();
    source.startBlock(startBlock != null ? startBlock : head);

    BlockingQueue<PaymentEvent> events = new LinkedBlockingQueue<>();
    PaymentListener listener = new PaymentListener() {
      @Override
      public void onEvent(PaymentEvent event) {
        events.add(event);
      }
    };
    PaymentMonitor monitor = PaymentMonitor.builder().source(source.build())
        .store(new InMemoryPaymentStore()).listener(listener).pollInterval(interval).build();
    try {
      Payment payment = monitor.watch(request);
      if (!json) {
        err().println("watching " + to.toBase58() + " for " + expected.toDecimalString() + " "
            + asset.symbol() + " (order " + payment.request().orderId() + ")");
      }
      monitor.start();
      // The chain, not this process, decides expiry; a node that stops moving must not keep the
      // command waiting forever, so give up a while after the request's time is up.
      Instant giveUpAt = Instant.now().plus(expiresIn).plus(maxOf(expiresIn, Duration.ofMinutes(1)));
      while (true) {
        PaymentEvent event = events.poll(200, TimeUnit.MILLISECONDS);
        if (event != null) {
          print(event);
          Integer exit = exitCodeAfter(event.type());
          if (exit != null) {
            return exit;
          }
          continue;
        }
        MonitorHealth health = monitor.health();
        if (health.consecutiveErrors() >= MAX_CONSECUTIVE_ERRORS) {
          return nodeFailure("the node failed " + health.consecutiveErrors()
              + " times in a row: " + health.sourceErrors());
        }
        if (Instant.now().isAfter(giveUpAt)) {
          return nodeFailure("the chain did not reach the expiry time; is the node stalled?");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TronCli.EXIT_NETWORK;
    } finally {
      monitor.close();
    }
  }

  private static Duration maxOf(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private int nodeFailure(String message) {
    err().println(json ? Json.write(Map.of("error", message)) : "error: " + message);
    return TronCli.EXIT_NETWORK;
  }

  /** The exit code once an event settles the request, or null to keep watching. */
  private static Integer exitCodeAfter(EventType type) {
    switch (type) {
      case PAYMENT_CONFIRMED:
      case PAYMENT_OVERPAID:
        return TronCli.EXIT_OK;
      case PAYMENT_EXPIRED:
      case PAYMENT_UNDERPAID:
      case PAYMENT_CANCELLED:
        return TronCli.EXIT_INVALID;
      default:
        return null;
    }
  }

  private void print(PaymentEvent event) {
    TokenAmount shown = event.amount() != null ? event.amount() : event.received();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", event.type().wireName());
    line.put("payment_id", event.paymentId());
    line.put("order_id", event.orderId());
    line.put("address", event.address().toBase58());
    line.put("amount", shown.toDecimalString());
    line.put("txID", event.txId());
    line.put("block", event.blockNumber() < 0 ? null : event.blockNumber());
    StringBuilder human = new StringBuilder()
        .append(event.type().wireName()).append(' ')
        .append(shown.toDecimalString()).append(' ').append(event.asset().symbol())
        .append(" to ").append(event.address().toBase58())
        .append(" (received ").append(event.received().toDecimalString()).append(')');
    if (event.txId() != null) {
      human.append(" tx ").append(event.txId()).append(" block ").append(event.blockNumber());
    }
    print(line, human.toString());
    out().flush();
  }

  private Asset asset(TronClient client) {
    String name = token.strip();
    if (name.equalsIgnoreCase("TRX")) {
      return Asset.TRX;
    }
    if (name.equalsIgnoreCase("USDT")) {
      return Asset.USDT;
    }
    Address contract = parseAddress(name, "--token");
    if (contract.equals(Tokens.USDT_MAINNET)) {
      return Asset.USDT;
    }
    int decimals = client.decimals(contract);
    return Asset.trc20(contract.toBase58(), contract, decimals);
  }

  private ConfirmationPolicy confirmation() {
    String value = confirmations.strip().toLowerCase(Locale.ROOT);
    if (value.equals("solid") || value.equals("solidified")) {
      return ConfirmationPolicy.solidified();
    }
    try {
      return ConfirmationPolicy.blocks(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      throw new ParameterException(spec.commandLine(),
          "--confirmations must be 'solid' or a block count, got '" + confirmations + "'");
    }
  }

  private static Address parseAddress(String text, String option) {
    try {
      return Address.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new CliInputException(option + " " + text + " is not a TRON address: "
          + e.getMessage());
    }
  }
}

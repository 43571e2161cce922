package io.tronpay.benchmarks;

import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.BlockScanSource;
import io.tronpay.monitor.ChainUpdate;
import io.tronpay.monitor.InMemoryPaymentStore;
import io.tronpay.monitor.OutboxEntry;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.ScanCursor;
import io.tronpay.monitor.Transfer;
import io.tronpay.monitor.TransferRecord;
import io.tronpay.monitor.internal.PaymentEngine;
import io.tronpay.testkit.DevAccount;
import io.tronpay.testkit.DevNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The monitor's figures, measured by a harness rather than JMH because each needs a large
 * prepared state (a million pending requests, a simulated chain) that JMH's forks would rebuild
 * per trial:
 *
 * <ol>
 *   <li>matching: thread CPU time per block of 300 USDT transfers, 50 of them to watched
 *       addresses, against 1,000,000 pending requests in the in-memory store, transfers seen at
 *       the head and confirmed 19 blocks later as on mainnet;
 *   <li>heap per pending request in the in-memory store, request included;
 *   <li>node requests per block of the block scan against DevNode, live and catching up.
 * </ol>
 *
 * <p>It drives the same engine and store steps as {@code PaymentMonitor}, minus listener
 * delivery, whose cost is the host's. Run with a large heap: {@code java -Xmx3g -cp
 * target/benchmarks.jar io.tronpay.benchmarks.MonitorHarness [pending]}.
 */
public final class MonitorHarness {
  private static final int SOLID_LAG = 19;
  private static final int TRANSFERS_PER_BLOCK = 300;
  private static final int HITS_PER_BLOCK = 50;

  private MonitorHarness() {}

  /**
   * Runs every measurement and prints the results.
   *
   * @param args the number of pending requests (default 1,000,000)
   */
  public static void main(String[] args) {
    int pending = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    InMemoryPaymentStore store = new InMemoryPaymentStore();
    Address[] watched = fill(store, pending);
    matching(store, watched);
    requestsPerBlock();
  }

  static Address address(long n, int tag) {
    byte[] raw = new byte[21];
    raw[0] = 0x41;
    raw[1] = (byte) tag;
    for (int i = 0; i < 8; i++) {
      raw[20 - i] = (byte) (n >>> (8 * i));
    }
    return Address.fromBytes(raw);
  }

  private static Address[] fill(InMemoryPaymentStore store, int n) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    long before = usedHeap();
    // The addresses are made inside the measurement, as the host would hand them in; the array
    // that keeps them for the matching run (4 bytes each) is counted too, so the figure errs high.
    Address[] addresses = new Address[n];
    List<Payment> batch = new ArrayList<>(1000);
    for (int i = 0; i < n; i++) {
      addresses[i] = address(i, 1);
      batch.add(Payment.watched(PaymentRequest.builder().orderId("order-" + i)
          .address(addresses[i]).usdt(TokenAmount.of(100_000_000L + i, 6)).build(), now));
      if (batch.size() == 1000) {
        store.insert(batch);
        batch.clear();
      }
    }
    store.insert(batch);
    long after = usedHeap();
    System.out.printf("heap: %,d pending requests, %d bytes each, request and address included%n",
        store.openCount(), (after - before) / n);
    return addresses;
  }

  private static void matching(InMemoryPaymentStore store, Address[] watched) {
    PaymentEngine engine = new PaymentEngine(store);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Random random = new Random(42);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    int warmup = 3000;
    int measured = 3000;
    long[] cpu = new long[measured];
    long tx = 0;
    for (int b = 1; b <= warmup + measured; b++) {
      String blockId = String.format("%064x", b);
      long ts = now.toEpochMilli() + 3000L * b;
      List<Transfer> transfers = new ArrayList<>(TRANSFERS_PER_BLOCK);
      for (int i = 0; i < TRANSFERS_PER_BLOCK; i++) {
        Address to = i < HITS_PER_BLOCK ? watched[random.nextInt(watched.length)]
            : address(random.nextLong(), 2);
        transfers.add(new Transfer(String.format("%064x", ++tx), 0, Asset.USDT,
            address(7, 3), to, BigInteger.valueOf(1 + random.nextInt(1_000_000)), b, blockId,
            ts));
      }
      long solid = b - SOLID_LAG;
      ChainUpdate update = new ChainUpdate(transfers, -1, b, solid,
          new ScanCursor(b, b, solid, ts, ts, List.of()), true);
      long start = threads.getCurrentThreadCpuTime();
      store.apply(engine.step(update, now));
      long spent = threads.getCurrentThreadCpuTime() - start;
      if (b > warmup) {
        cpu[b - warmup - 1] = spent;
      }
      // Delivery is the host's cost; acknowledge so the outbox stays as small as in production.
      for (OutboxEntry e : store.claim(now, now.plusSeconds(60), 10_000)) {
        store.ack(e.event().eventId());
      }
    }
    Arrays.sort(cpu);
    long sum = 0;
    for (long c : cpu) {
      sum += c;
    }
    System.out.printf("matching: %d blocks of %d transfers (%d to watched addresses), "
        + "%,d pending: CPU per block mean %.3f ms, median %.3f ms, p99 %.3f ms%n",
        measured, TRANSFERS_PER_BLOCK, HITS_PER_BLOCK, store.openCount(),
        sum / (double) measured / 1e6, cpu[measured / 2] / 1e6, cpu[measured * 99 / 100] / 1e6);
  }

  /** The lowest block something waits on, as {@code PaymentMonitor} tells its source. */
  private static long awaitingFrom(InMemoryPaymentStore store) {
    long lowest = -1;
    for (TransferRecord t : store.unconfirmedTransfers()) {
      long block = t.transfer().blockNumber();
      lowest = lowest < 0 ? block : Math.min(lowest, block);
    }
    return lowest;
  }

  private static void requestsPerBlock() {
    try (DevNode node = DevNode.builder().seed("monitor-harness").solidityDepth(SOLID_LAG)
        .build()) {
      String url = node.start();
      node.mineBlocks(SOLID_LAG + 2);
      try (TronClient client = TronClient.builder().fullNode(url)
          .retryPolicy(RetryPolicy.NONE).build()) {
        InMemoryPaymentStore store = new InMemoryPaymentStore();
        PaymentEngine engine = new PaymentEngine(store);
        BlockScanSource source = BlockScanSource.builder(client).assets(Asset.TRX, Asset.USDT)
            .lookback(0).build();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        DevAccount payer = node.accounts().get(0);
        int[] memo = {0};
        Runnable blockWithUsdt = () -> {
          // Every mainnet block calls the USDT contract, so every block's logs must be read.
          Address to = address(memo[0], 4);
          node.broadcast(Transaction.of(node.newRawData(new TriggerSmartContract(
              payer.address(), DevNode.MAINNET_USDT,
              new Trc20Call.Transfer(to, BigInteger.ONE).encode())).memo("h" + memo[0]++)
              .build()).sign(payer.privateKey()));
          node.mineBlock();
        };
        Runnable poll = () -> {
          ChainUpdate u = source.poll(store.cursor(), awaitingFrom(store));
          store.apply(engine.step(u, now));
        };
        poll.run();
        int blocks = 300;

        long before = source.requestCount();
        for (int i = 0; i < blocks; i++) {
          blockWithUsdt.run();
          poll.run();
        }
        report("live, one block per poll, nothing awaiting", source.requestCount() - before,
            blocks);

        // A watched payment in every block: something always awaits solidification.
        List<Payment> requests = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
          requests.add(Payment.watched(PaymentRequest.builder().orderId("h" + i)
              .address(address(memo[0] + i, 4)).usdt(TokenAmount.of(5, 6)).build(), now));
        }
        store.insert(requests);
        before = source.requestCount();
        for (int i = 0; i < blocks; i++) {
          blockWithUsdt.run();
          poll.run();
        }
        report("live, one block per poll, a watched payment in every block",
            source.requestCount() - before, blocks);

        before = source.requestCount();
        for (int i = 0; i < blocks / 2; i++) {
          blockWithUsdt.run();
          blockWithUsdt.run();
          poll.run();
        }
        report("live, two blocks per poll (6 s interval), a payment in every block",
            source.requestCount() - before, blocks);

        int behind = 2000;
        for (int i = 0; i < behind; i++) {
          blockWithUsdt.run();
        }
        before = source.requestCount();
        long polls = 0;
        while (store.cursor().orElseThrow().headBlock() < node.headBlockNumber()) {
          poll.run();
          polls++;
        }
        report("catching up " + behind + " blocks (" + polls + " polls)",
            source.requestCount() - before, behind);
      }
    }
  }

  private static void report(String scenario, long requests, int blocks) {
    System.out.printf("requests: %s: %d requests for %d blocks = %.3f per block%n", scenario,
        requests, blocks, requests / (double) blocks);
  }

  private static long usedHeap() {
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}

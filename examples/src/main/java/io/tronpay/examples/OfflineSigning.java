package io.tronpay.examples;

import io.tronpay.client.Block;
import io.tronpay.client.BroadcastResult;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.Trx;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.testkit.DevNode;
import io.tronpay.wallet.Keystore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cold signing in three steps that hand each other files: an online machine builds an unsigned
 * TRX transfer on the node's latest block, an offline machine signs it with a keystore file, and
 * the online machine broadcasts the signed bytes.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.OfflineSigning
 * mvn -q -pl examples exec:java -Dexec.mainClass=io.tronpay.examples.OfflineSigning \
 *     -Dexec.args="--node http://127.0.0.1:8090 --key-file key.json --password-file pw.txt \
 *     --to TVMydtyfWxufY3SyHfJRU8FPvs24XYnaYm --amount 1.5"
 * </pre>
 *
 * <p>Without {@code --node} it runs on an embedded DevNode and writes a keystore of one of its
 * dev accounts, with a dev-only password, into {@code --dir} (a temporary folder by default).
 * Passwords are read from a file, never from the command line. It exits with a non-zero status
 * if any of its own checks fails.
 */
public final class OfflineSigning {
  static final String DEFAULT_AMOUNT_TRX = "1.5";
  static final long LIFETIME_MILLIS = 60_000L;

  private OfflineSigning() {}

  /**
   * Runs the recipe and exits with status 1 if a check fails.
   *
   * @param args the options above
   * @throws Exception if a file cannot be written or the wait is interrupted
   */
  public static void main(String[] args) throws Exception {
    int status = run(System.out, args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The whole recipe, narrated on {@code out}; returns 0 when every check passes. */
  static int run(PrintStream out, String... args) throws IOException, InterruptedException {
    Args options = Args.parse(args, Set.of("--node", "--key-file", "--password-file", "--to",
        "--amount", "--dir", "--timeout"));
    long amountSun = Trx.parseSun(options.get("--amount", DEFAULT_AMOUNT_TRX));
    Duration timeout = Duration.ofSeconds(options.getInt("--timeout", 60));
    Path dir = options.get("--dir") != null ? Path.of(options.get("--dir"))
        : Files.createTempDirectory("tronpay-offline-signing");
    out.println("== Offline signing ==");
    out.println("   files go to " + dir);
    out.println();

    String nodeUrl = options.get("--node");
    DevNode devNode = null;
    Path keyFile;
    Path passwordFile;
    Address recipient;
    if (nodeUrl == null) {
      out.println("0. No --node given: start an embedded DevNode and write a keystore of its dev");
      out.println("   account #1, encrypted with a DEV-ONLY password, as your cold key file.");
      devNode = DevNode.builder().seed("offline-signing").genesisTime(Instant.now()).build();
      nodeUrl = devNode.start();
      keyFile = dir.resolve("cold-key.json");
      passwordFile = dir.resolve("cold-key.password");
      writeDevKeystore(devNode.accounts().get(1).privateKey(), keyFile, passwordFile);
      recipient = devNode.accounts().get(2).address();
      out.println();
    } else {
      keyFile = Path.of(required(options, "--key-file"));
      passwordFile = Path.of(required(options, "--password-file"));
      recipient = Address.fromBase58(required(options, "--to"));
    }
    // The online machine knows the cold address (it is public) but never the key.
    Address owner = readKeystoreAddress(keyFile);

    try (TronClient client = TronClient.builder().fullNode(nodeUrl).build()) {
      out.println("1. ONLINE: build the unsigned transfer of " + Trx.format(amountSun) + " TRX from "
          + owner + " to " + recipient + ".");
      Block head = client.getNowBlock();
      out.println("   reference block " + head.number() + " " + head.blockId());
      out.println("   (the transaction can only land on the chain that has this block, and the");
      out.println("   node refuses it after the expiration, " + LIFETIME_MILLIS / 1000
          + " s after the block's time)");
      RawData rawData = RawData.builder()
          .contract(new TransferContract(owner, recipient, amountSun))
          .referenceBlock(head.number(), head.blockId())
          .timestamp(head.timestamp())
          .expiration(head.timestamp() + LIFETIME_MILLIS)
          .build();
      Transaction unsigned = Transaction.of(rawData);
      Path unsignedFile = dir.resolve("unsigned.hex");
      Files.writeString(unsignedFile, HexFormat.of().formatHex(unsigned.encode()));
      out.println("   wrote " + unsignedFile.getFileName() + ", txID " + unsigned.txId());
      out.println();

      out.println("2. OFFLINE: read the file, show what will be signed, and sign it.");
      Transaction toSign = Transaction.decode(HexFormat.of().parseHex(
          Files.readString(unsignedFile).strip()));
      TransferContract intent = (TransferContract) toSign.rawData().contract();
      // Sign only what a person has read: the decoded bytes, not a description sent along.
      out.println("   from " + intent.owner() + " to " + intent.to() + " amount "
          + Trx.format(intent.amount()) + " TRX, expires at "
          + Instant.ofEpochMilli(toSign.rawData().expiration()));
      Transaction signed;
      PrivateKey key = Keystore.importKey(Files.readString(keyFile), readPassword(passwordFile));
      try {
        signed = toSign.sign(key);
      } finally {
        key.destroy();
      }
      Path signedFile = dir.resolve("signed.hex");
      Files.writeString(signedFile, HexFormat.of().formatHex(signed.encode()));
      out.println("   wrote " + signedFile.getFileName());
      out.println();

      out.println("3. ONLINE: broadcast the signed bytes and wait for the transaction's block.");
      long recipientBefore = balance(client, recipient);
      if (devNode != null) {
        devNode.startMining(Duration.ofMillis(200));
      }
      BroadcastResult result = client.broadcastHex(Files.readString(signedFile).strip());
      out.println("   broadcast " + result.txId() + ": " + result.outcome());
      Optional<TransactionInfo> info = awaitInfo(client, result.txId(), timeout);
      if (devNode != null) {
        devNode.stopMining();
      }
      info.ifPresent(i -> out.println("   in block " + i.blockNumber() + ", fee "
          + Trx.format(i.fee()) + " TRX"));
      out.println();

      out.println("4. Check our own work:");
      Checks checks = new Checks(out);
      checks.check("signing left the txID unchanged", signed.txId().equals(unsigned.txId()));
      checks.check("the signature recovers to the cold address " + owner,
          signed.recoverSigners().equals(List.of(owner)));
      checks.check("the node took the transaction under the same txID",
          result.txId().equals(unsigned.txId()));
      checks.check("the transaction is in a block", info.isPresent());
      checks.check("the recipient received " + Trx.format(amountSun) + " TRX",
          balance(client, recipient) - recipientBefore == amountSun);
      return checks.finish("All checks passed.");
    } finally {
      if (devNode != null) {
        devNode.close();
      }
    }
  }

  private static Optional<TransactionInfo> awaitInfo(TronClient client, String txId,
      Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TransactionInfo> info = client.getTransactionInfoById(txId);
      if (info.isPresent()) {
        return info;
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  private static long balance(TronClient client, Address address) {
    return client.getAccount(address).map(a -> a.balance()).orElse(0L);
  }

  private static void writeDevKeystore(PrivateKey key, Path keyFile, Path passwordFile)
      throws IOException {
    char[] password = "dev-only-password".toCharArray();
    try {
      // LIGHT scrypt keeps the demo quick; real key files use the STANDARD parameters.
      Files.writeString(keyFile, Keystore.export(key, password, Keystore.ScryptParams.LIGHT,
          new SecureRandom()));
      Files.writeString(passwordFile, new String(password));
    } finally {
      key.destroy();
      Arrays.fill(password, '\0');
    }
  }

  /** The address a V3 keystore names in the clear: 20 bytes of hex, the TRON 0x41 left out. */
  private static Address readKeystoreAddress(Path keyFile) throws IOException {
    String json = Files.readString(keyFile);
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("\"address\"\\s*:\\s*\"(?:0x)?(?:41)?([0-9a-fA-F]{40})\"").matcher(json);
    if (!m.find()) {
      throw new Args.UsageException(keyFile.getFileName() + " has no address field");
    }
    return Address.fromAccountId(HexFormat.of().parseHex(m.group(1)));
  }

  private static char[] readPassword(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the password file " + file.getFileName(), e);
    }
  }

  private static String required(Args options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new Args.UsageException("option " + name + " is required with --node");
    }
    return value;
  }
}

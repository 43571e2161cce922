package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.Json;
import io.tronpay.client.Account;
import io.tronpay.client.AccountResource;
import io.tronpay.client.Block;
import io.tronpay.client.BroadcastResult;
import io.tronpay.client.ChainTransaction;
import io.tronpay.client.Tokens;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TransactionJson;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.Vote;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code tron node}: reads from and broadcasts to a TRON full node over its HTTP API.
 *
 * <p>Amounts of TRX and tokens are exact decimal strings in JSON, with their base units (sun) as
 * strings too, so no JSON reader can round them.
 */
@Command(
    name = "node",
    description = "Ask a TRON node: blocks, transactions, accounts, balances; broadcast.",
    mixinStandardHelpOptions = true,
    subcommands = {NodeCommand.BlockCommand.class, NodeCommand.Tx.class,
        NodeCommand.AccountCommand.class, NodeCommand.Balance.class, NodeCommand.Broadcast.class})
final class NodeCommand {

  /** A command that talks to a node: the connection options and the client. */
  abstract static class NodeLeaf extends LeafCommand {
    @Option(names = "--node", paramLabel = "URL", defaultValue = "${env:TRON_NODE}",
        description = "The full node's HTTP API, such as https://api.trongrid.io "
            + "(default: the TRON_NODE environment variable).")
    String node;

    @Option(names = "--api-key-file", paramLabel = "FILE",
        description = "File holding a TronGrid API key, sent as TRON-PRO-API-KEY.")
    String apiKeyFile;

    @Override
    final int execute() {
      if (node == null || node.isBlank()) {
        throw new ParameterException(spec.commandLine(),
            "no node to ask: give --node URL or set TRON_NODE");
      }
      TronClient.Builder builder = TronClient.builder().fullNode(node.strip());
      if (apiKeyFile != null) {
        char[] key = readSecretText(apiKeyFile, "API key file");
        try {
          String apiKey = new String(key).strip();
          if (apiKey.isEmpty()) {
            throw new CliInputException("API key file " + apiKeyFile + " is empty");
          }
          builder.apiKey(apiKey);
        } finally {
          Arrays.fill(key, '\0');
        }
      }
      try (TronClient client = builder.build()) {
        return run(client);
      }
    }

    /** Does the work with a client that is closed afterwards. */
    abstract int run(TronClient client);
  }

  static String sunToTrx(long sun) {
    return TokenAmount.of(sun, Trx.DECIMALS).toDecimalString();
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** {@code tron node block [NUM]}. */
  @Command(name = "block", description = "A block by number, or the latest one.")
  static final class BlockCommand extends NodeLeaf {
    @Parameters(arity = "0..1", paramLabel = "NUM", description = "The height (default: latest).")
    Long number;

    @Override
    int run(TronClient client) {
      Block block;
      if (number == null) {
        block = client.getNowBlock();
      } else {
        Optional<Block> found = client.getBlockByNum(number);
        if (found.isEmpty()) {
          throw new CliInputException("the node has no block " + number + " yet");
        }
        block = found.get();
      }
      List<Object> transactions = new ArrayList<>();
      for (ChainTransaction tx : block.transactions()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("txId", tx.txId());
        item.put("type", tx.contractType());
        item.put("result", tx.contractResult());
        transactions.add(item);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("number", block.number());
      result.put("blockId", block.blockId());
      result.put("parentHash", block.parentHash());
      result.put("timestamp", block.timestamp());
      result.put("witness", block.witness().toBase58());
      result.put("transactionCount", block.transactions().size());
      result.put("transactions", transactions);
      print(result, "block " + block.number() + "  " + block.blockId() + "  "
          + java.time.Instant.ofEpochMilli(block.timestamp()) + "  "
          + block.transactions().size() + " transactions");
      return TronCli.EXIT_OK;
    }
  }

  /** {@code tron node tx TXID}. */
  @Command(name = "tx", description = {
      "A transaction with its execution result (fee, resources, contract result).",
      "info is null while the transaction is not yet in a block."})
  static final class Tx extends NodeLeaf {
    @Parameters(paramLabel = "TXID", description = "The transaction id, 64 hex digits.")
    String txId;

    @Override
    int run(TronClient client) {
      Optional<ChainTransaction> found = client.getTransactionById(txId);
      if (found.isEmpty()) {
        throw new CliInputException("the node does not know transaction " + txId);
      }
      ChainTransaction tx = found.get();
      Optional<TransactionInfo> info = client.getTransactionInfoById(txId);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("txId", tx.txId());
      result.put("type", tx.contractType());
      result.put("contractResult", tx.contractResult());
      Optional<Transaction> decoded = tx.decoded();
      result.put("owner", decoded.map(t -> t.rawData().contract().owner().toBase58())
          .orElse(null));
      result.put("transaction", decoded.map(t -> new Json.Raw(TransactionJson.toJson(t)))
          .orElse(null));
      result.put("info", info.map(Tx::infoJson).orElse(null));
      StringBuilder human = new StringBuilder("txID " + tx.txId() + "  " + tx.contractType());
      human.append("  ").append(tx.contractResult() == null ? "-" : tx.contractResult());
      if (info.isPresent()) {
        TransactionInfo i = info.get();
        human.append("  block ").append(i.blockNumber()).append("  fee ")
            .append(sunToTrx(i.fee())).append(" TRX");
        if (i.failed()) {
          human.append("  FAILED: ").append(i.resMessage());
        }
      } else {
        human.append("  (not in a block yet)");
      }
      print(result, human.toString());
      return TronCli.EXIT_OK;
    }

    private static Map<String, Object> infoJson(TransactionInfo info) {
      TransactionInfo.Receipt receipt = info.receipt();
      Map<String, Object> receiptJson = new LinkedHashMap<>();
      receiptJson.put("result", receipt.result());
      receiptJson.put("energyUsage", receipt.energyUsage());
      receiptJson.put("energyUsageTotal", receipt.energyUsageTotal());
      receiptJson.put("energyPenaltyTotal", receipt.energyPenaltyTotal());
      receiptJson.put("originEnergyUsage", receipt.originEnergyUsage());
      receiptJson.put("energyFeeSun", Long.toString(receipt.energyFee()));
      receiptJson.put("netUsage", receipt.netUsage());
      receiptJson.put("netFeeSun", Long.toString(receipt.netFee()));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("blockNumber", info.blockNumber());
      json.put("blockTimestamp", info.blockTimestamp());
      json.put("fee", sunToTrx(info.fee()));
      json.put("feeSun", Long.toString(info.fee()));
      json.put("failed", info.failed());
      json.put("resMessage", info.resMessage());
      json.put("contractAddress",
          info.contractAddress() == null ? null : info.contractAddress().toBase58());
      json.put("receipt", receiptJson);
      json.put("logCount", info.logs().size());
      return json;
    }
  }

  /** {@code tron node account ADDR}. */
  @Command(name = "account", description = "An account's TRX balance, stakes, votes and "
      + "resources (bandwidth, energy).")
  static final class AccountCommand extends NodeLeaf {
    @Parameters(paramLabel = "ADDR", description = "T..., 41... hex or 0x... EVM form.")
    String addressText;

    @Override
    int run(TronClient client) {
      Address address = Address.parse(addressText);
      Optional<Account> found = client.getAccount(address);
      AccountResource resource = client.getAccountResource(address);
      long balance = found.map(Account::balance).orElse(0L);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("address", address.toBase58());
      result.put("exists", found.isPresent());
      result.put("balance", sunToTrx(balance));
      result.put("balanceSun", Long.toString(balance));
      result.put("createTime", found.map(Account::createTime).orElse(0L));
      List<Object> stakes = new ArrayList<>();
      List<Object> unstakes = new ArrayList<>();
      List<Object> votes = new ArrayList<>();
      if (found.isPresent()) {
        for (Account.Stake stake : found.get().frozenV2()) {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("resource", stake.resource().name());
          item.put("amount", sunToTrx(stake.amount()));
          item.put("amountSun", Long.toString(stake.amount()));
          stakes.add(item);
        }
        for (Account.Unstake unstake : found.get().unfrozenV2()) {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("resource", unstake.resource().name());
          item.put("amount", sunToTrx(unstake.amount()));
          item.put("amountSun", Long.toString(unstake.amount()));
          item.put("expireTime", unstake.expireTime());
          unstakes.add(item);
        }
        for (Vote vote : found.get().votes()) {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("witness", vote.witness().toBase58());
          item.put("count", vote.count());
          votes.add(item);
        }
      }
      result.put("frozenV2", stakes);
      result.put("unfrozenV2", unstakes);
      result.put("votes", votes);
      Map<String, Object> resources = new LinkedHashMap<>();
      resources.put("freeNetUsed", resource.freeNetUsed());
      resources.put("freeNetLimit", resource.freeNetLimit());
      resources.put("netUsed", resource.netUsed());
      resources.put("netLimit", resource.netLimit());
      resources.put("energyUsed", resource.energyUsed());
      resources.put("energyLimit", resource.energyLimit());
      resources.put("tronPowerUsed", resource.tronPowerUsed());
      resources.put("tronPowerLimit", resource.tronPowerLimit());
      result.put("resources", resources);
      String human = found.isEmpty()
          ? address.toBase58() + "  not activated (never received TRX)"
          : address.toBase58() + "  " + sunToTrx(balance) + " TRX"
              + "  bandwidth " + (resource.freeNetLimit() - resource.freeNetUsed()
                  + resource.netLimit() - resource.netUsed()) + " left"
              + "  energy " + (resource.energyLimit() - resource.energyUsed()) + " left";
      print(result, human);
      return TronCli.EXIT_OK;
    }
  }

  /** {@code tron node balance ADDR [--token USDT|CONTRACT]}. */
  @Command(name = "balance", description = {
      "An exact TRX or TRC20 balance. --token USDT means mainnet USDT, USDT-NILE the Nile test",
      "token; any other token is given by its contract address, and its decimals are asked of",
      "the contract."})
  static final class Balance extends NodeLeaf {
    @Parameters(paramLabel = "ADDR", description = "T..., 41... hex or 0x... EVM form.")
    String addressText;

    @Option(names = "--token", paramLabel = "USDT|USDT-NILE|CONTRACT",
        description = "A TRC20 token (default: TRX).")
    String token;

    @Override
    int run(TronClient client) {
      Address address = Address.parse(addressText);
      String symbol;
      Address contract;
      TokenAmount amount;
      if (token == null) {
        symbol = "TRX";
        contract = null;
        amount = TokenAmount.of(client.getAccount(address).map(Account::balance).orElse(0L),
            Trx.DECIMALS);
      } else {
        String name = token.strip().toUpperCase(Locale.ROOT);
        if (name.equals("USDT") || name.equals("USDT-NILE")) {
          symbol = "USDT";
          contract = name.equals("USDT") ? Tokens.USDT_MAINNET : Tokens.USDT_NILE;
          BigInteger units = client.balanceOf(contract, address);
          amount = TokenAmount.of(units, Tokens.USDT_DECIMALS);
        } else {
          symbol = null;
          contract = Address.parse(token.strip());
          BigInteger units = client.balanceOf(contract, address);
          amount = TokenAmount.of(units, client.decimals(contract));
        }
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("address", address.toBase58());
      result.put("token", symbol);
      result.put("contract", contract == null ? null : contract.toBase58());
      result.put("decimals", amount.decimals());
      result.put("balance", amount.toDecimalString());
      result.put("units", amount.units().toString());
      print(result, amount.toDecimalString() + " "
          + (symbol != null ? symbol : "(token " + contract.toBase58() + ")"));
      return TronCli.EXIT_OK;
    }
  }

  /** {@code tron node broadcast [TXFILE|-]}. */
  @Command(name = "broadcast", description = {
      "Send a signed transaction (node JSON, as 'tron tx sign' prints it). Never retried",
      "blindly: a lost answer is settled by looking the txID up."})
  static final class Broadcast extends NodeLeaf {
    @Parameters(arity = "0..1", defaultValue = "-", paramLabel = "TXFILE|-",
        description = "The signed transaction JSON (default: standard input).")
    String source;

    @Override
    int run(TronClient client) {
      String json = new String(readInput(source, "transaction"), StandardCharsets.UTF_8);
      Transaction tx = TransactionJson.fromJson(json);
      if (tx.signatures().isEmpty()) {
        throw new CliInputException("transaction " + tx.txId()
            + " has no signature; sign it first with 'tron tx sign'");
      }
      BroadcastResult outcome = client.broadcastTransaction(tx);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("txId", outcome.txId());
      result.put("outcome", outcome.outcome().name());
      print(result, lower(outcome.outcome()).replace('_', ' ') + "  " + outcome.txId());
      return TronCli.EXIT_OK;
    }
  }
}

package io.tronpay.cli;

import io.tronpay.cli.internal.CliInputException;
import io.tronpay.cli.internal.TxInputs;
import io.tronpay.client.Tokens;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.payouts.TransactionBuilder;
import io.tronpay.payouts.Trc20Transfer;
import io.tronpay.payouts.TrxTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code tron send trx|usdt|token}: one transfer, signed with a key file or an HD key, then
 * broadcast, priced with {@code --dry-run}, or signed {@code --offline}.
 *
 * <p>With {@code --json} a broadcast prints {@code {"txID","status","fee","feeSun","block"}};
 * {@code status} is {@code broadcast}, or with {@code --wait} {@code confirmed}, {@code failed}
 * or {@code expired}.
 */
@Command(
    name = "send",
    description = "Send TRX, USDT or another TRC20 token.",
    mixinStandardHelpOptions = true,
    subcommands = {SendCommand.SendTrx.class, SendCommand.SendUsdt.class,
        SendCommand.SendToken.class},
    footer = {"", "Exit codes: 0 sent (or confirmed with --wait), 1 invalid input or failed on "
        + "chain, 2 usage error, 3 node refused, unreachable, or expired with --wait."})
final class SendCommand {

  /** What every transfer takes: the recipient, the amount and a memo. */
  abstract static class Transfer extends TransactionCommand {
    @Option(names = "--to", required = true, paramLabel = "ADDR",
        description = "The recipient (T…, 41… hex or 0x…).")
    String to;

    @Option(names = "--amount", required = true, paramLabel = "DEC",
        description = "The exact amount in whole units, such as 12.5.")
    String amount;

    @Option(names = "--memo", paramLabel = "TEXT",
        description = "A memo stored with the transaction (the network charges a memo fee).")
    String memo;

    /** The recipient, refused if it is the sender. */
    Address recipient(Address owner) {
      Address recipient = TxInputs.address(to, "--to");
      if (recipient.equals(owner)) {
        throw new CliInputException("--to " + to + " is the sender itself");
      }
      return recipient;
    }

    TransactionBuilder withMemo(TransactionBuilder builder) {
      if (memo != null && !memo.isEmpty()) {
        builder.memo(memo);
      }
      return builder;
    }
  }

  /** A TRC20 transfer: a contract call, which takes a fee limit. */
  abstract static class TokenTransfer extends Transfer {
    @Option(names = "--fee-limit", paramLabel = "TRX",
        description = "The most TRX the call may burn for energy (default: 100).")
    String feeLimit;

    /** The token's name in messages, known once the contract is resolved. */
    String symbol = "tokens";

    TransactionBuilder transfer(Address contract, int decimals, Address owner) {
      TokenAmount units = TxInputs.tokenAmount(amount, decimals, "--amount", symbol);
      TransactionBuilder builder =
          Trc20Transfer.transfer(contract, owner, recipient(owner), units.units());
      if (feeLimit != null) {
        builder.feeLimit(TxInputs.trxSun(feeLimit, "--fee-limit"));
      }
      return withMemo(builder);
    }

    @Override
    String describe() {
      return "send " + amount.strip() + " " + symbol + " to " + to.strip();
    }
  }

  /** {@code tron send trx}. */
  @Command(name = "trx", description = "Send TRX (TransferContract).")
  static final class SendTrx extends Transfer {
    @Override
    TransactionBuilder transaction(Address owner, TronClient client) {
      long sun = TxInputs.trxSun(amount, "--amount");
      return withMemo(TrxTransfer.of(owner, recipient(owner), sun));
    }

    @Override
    String describe() {
      return "send " + amount.strip() + " TRX to " + to.strip();
    }
  }

  /** {@code tron send usdt}. */
  @Command(name = "usdt", description = {
      "Send USDT (6 decimals): the mainnet contract " + "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
      "unless --contract names another (such as Nile's)."})
  static final class SendUsdt extends TokenTransfer {
    @Option(names = "--contract", paramLabel = "ADDR",
        description = "The USDT contract (default: mainnet's).")
    String contract;

    @Override
    TransactionBuilder transaction(Address owner, TronClient client) {
      symbol = "USDT";
      Address token = contract == null ? Tokens.USDT_MAINNET
          : TxInputs.address(contract, "--contract");
      return transfer(token, Tokens.USDT_DECIMALS, owner);
    }
  }

  /** {@code tron send token}. */
  @Command(name = "token", description = {
      "Send any TRC20 token. Its decimals are asked of the contract unless --decimals gives",
      "them (required with --offline)."})
  static final class SendToken extends TokenTransfer {
    private static final int MAX_DECIMALS = 77;

    @Option(names = "--contract", required = true, paramLabel = "ADDR",
        description = "The token contract.")
    String contract;

    @Option(names = "--decimals", paramLabel = "N",
        description = "The token's decimals (default: asked of the contract).")
    Integer decimals;

    @Override
    TransactionBuilder transaction(Address owner, TronClient client) {
      Address token = TxInputs.address(contract, "--contract");
      symbol = "(token " + token.toBase58() + ")";
      int tokenDecimals;
      if (decimals != null) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
          throw new CliInputException("--decimals must be 0 to " + MAX_DECIMALS + ", got "
              + decimals);
        }
        tokenDecimals = decimals;
      } else if (client == null) {
        throw new ParameterException(spec.commandLine(),
            "--offline cannot ask the contract for its decimals; give --decimals");
      } else {
        tokenDecimals = client.decimals(token);
      }
      return transfer(token, tokenDecimals, owner);
    }
  }
}

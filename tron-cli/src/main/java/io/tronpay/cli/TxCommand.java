package io.tronpay.cli;

import com.squareup.moshi.JsonReader;
import io.tronpay.cli.internal.CliInputException;
import io.tronpay.client.TransactionJson;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransactionFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tron tx}: transactions in the node's JSON form ({@code visible:false}).
 *
 * <p>The commands that produce a transaction print its node JSON on standard output in both
 * modes, so they can be piped into each other; without {@code --json} a one-line summary goes to
 * standard error for the person at the terminal.
 */
@Command(
    name = "tx",
    description = "Transactions in the node's JSON form: encode, decode, sign, verify.",
    mixinStandardHelpOptions = true,
    subcommands = {TxCommand.Encode.class, TxCommand.Decode.class, TxCommand.Sign.class,
        TxCommand.Verify.class})
final class TxCommand {

  static Transaction readTransaction(LeafCommand command, String source) {
    byte[] bytes = command.readInput(source, "transaction");
    return TransactionJson.fromJson(new String(bytes, StandardCharsets.UTF_8));
  }

  static String summary(Transaction tx) {
    return "txID " + tx.txId() + "  " + tx.rawData().contract().type().protoName()
        + "  owner " + tx.rawData().contract().owner().toBase58()
        + "  signatures " + tx.signatures().size();
  }

  /** Emits a transaction: node JSON on stdout always, a summary on stderr for people. */
  static void emit(LeafCommand command, Transaction tx) {
    command.out().println(TransactionJson.toJson(tx));
    if (!command.json) {
      command.err().println(summary(tx));
    }
  }

  /** Whether the JSON object has a top-level member {@code name}; the JSON is already valid. */
  static boolean hasTopLevelMember(String json, String name) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals(name)) {
          return true;
        }
        reader.skipValue();
      }
      return false;
    } catch (IOException e) {
      throw new TransactionFormatException("transaction JSON: " + e.getMessage());
    }
  }

  /** {@code tron tx encode [FILE|-]}. */
  @Command(name = "encode", description = {
      "Fill in raw_data_hex and txID for node JSON that has raw_data.",
      "Where raw_data_hex or txID are given already, they must agree with raw_data."})
  static final class Encode extends LeafCommand {
    @Parameters(arity = "0..1", defaultValue = "-", paramLabel = "FILE|-",
        description = "The transaction JSON (default: standard input).")
    String source;

    @Override
    int execute() {
      emit(this, readTransaction(this, source));
      return TronCli.EXIT_OK;
    }
  }

  /** {@code tron tx decode HEX}. */
  @Command(name = "decode", description = {
      "Turn protobuf hex into node JSON: a whole signed transaction (as sent to broadcasthex),",
      "or raw_data_hex alone."})
  static final class Decode extends LeafCommand {
    @Parameters(paramLabel = "HEX", description = "Transaction or raw_data hex.")
    String hex;

    @Override
    int execute() {
      String digits = hex.strip();
      if (digits.startsWith("0x") || digits.startsWith("0X")) {
        digits = digits.substring(2);
      }
      byte[] bytes;
      try {
        bytes = HexFormat.of().parseHex(digits);
      } catch (IllegalArgumentException e) {
        throw new CliInputException("HEX is not hex: " + e.getMessage());
      }
      emit(this, decode(bytes));
      return TronCli.EXIT_OK;
    }

    private static Transaction decode(byte[] bytes) {
      try {
        return Transaction.decode(bytes);
      } catch (TransactionFormatException asTransaction) {
        try {
          // Raw data alone never parses as a transaction (its first field is 2 bytes long and
          // cannot be a raw_data message), so trying it second cannot misread a transaction.
          return Transaction.of(RawData.decode(bytes));
        } catch (TransactionFormatException asRawData) {
          throw new TransactionFormatException("HEX is neither a transaction ("
              + asTransaction.getMessage() + ") nor raw data (" + asRawData.getMessage() + ")");
        }
      }
    }
  }

  /** {@code tron tx sign --key-file FILE [TXFILE|-]}. */
  @Command(name = "sign", description = {
      "Check a transaction's txID against its raw data, sign it and append the signature.",
      "The JSON must carry txID (run 'tron tx encode' first), so what is signed is what was shown."})
  static final class Sign extends LeafCommand {
    @Option(names = "--key-file", required = true, paramLabel = "FILE|-",
        description = "File holding the hex private key, or - for standard input.")
    String keyFile;

    @Parameters(arity = "0..1", defaultValue = "-", paramLabel = "TXFILE|-",
        description = "The transaction JSON (default: standard input).")
    String source;

    @Override
    int execute() {
      requireOneStdinUse(keyFile, source);
      String json = new String(readInput(source, "transaction"), StandardCharsets.UTF_8);
      Transaction tx = TransactionJson.fromJson(json);
      if (!hasTopLevelMember(json, "txID")) {
        throw new CliInputException(
            "transaction JSON has no txID to check; run 'tron tx encode' first");
      }
      PrivateKey key = readKey(keyFile);
      try {
        Address signer = key.address();
        if (tx.recoverSigners().contains(signer)) {
          throw new CliInputException("transaction is already signed by " + signer.toBase58());
        }
        Address owner = tx.rawData().contract().owner();
        if (tx.rawData().permissionId() == 0 && !owner.equals(signer)) {
          warn("signing key " + signer.toBase58() + " is not the owner "
              + owner.toBase58() + "; the node accepts this only if the owner permission "
              + "lists that key");
        }
        emit(this, tx.sign(key));
        return TronCli.EXIT_OK;
      } finally {
        key.destroy();
      }
    }
  }

  /** {@code tron tx verify [TXFILE|-]}. */
  @Command(name = "verify", description = {
      "Check txID against raw data and recover the address behind each signature.",
      "Exits 1 if there is no signature, or if --signer is given and did not sign."})
  static final class Verify extends LeafCommand {
    @Parameters(arity = "0..1", defaultValue = "-", paramLabel = "TXFILE|-",
        description = "The transaction JSON (default: standard input).")
    String source;

    @Option(names = "--signer", paramLabel = "ADDR",
        description = "An address that must be among the signers.")
    String expectedSigner;

    @Override
    int execute() {
      Address expected = expectedSigner == null ? null : Address.parse(expectedSigner);
      Transaction tx = readTransaction(this, source);
      List<Address> signers = tx.recoverSigners();
      Address owner = tx.rawData().contract().owner();
      List<String> signerNames = new ArrayList<>();
      for (Address signer : signers) {
        signerNames.add(signer.toBase58());
      }
      boolean expectedSigned = expected == null || signers.contains(expected);
      boolean ok = !signers.isEmpty() && expectedSigned;
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("valid", ok);
      result.put("txID", tx.txId());
      result.put("owner", owner.toBase58());
      result.put("signers", signerNames);
      result.put("ownerSigned", signers.contains(owner));
      String human;
      if (signers.isEmpty()) {
        human = "unsigned: txID " + tx.txId() + " has no signature";
      } else if (!expectedSigned) {
        human = "not signed by " + expected.toBase58() + ": signers " + signerNames;
      } else {
        human = "txID " + tx.txId() + " signed by " + String.join(", ", signerNames)
            + (signers.contains(owner) ? " (owner)" : " (owner " + owner.toBase58() + " did not sign)");
      }
      print(result, human);
      return ok ? TronCli.EXIT_OK : TronCli.EXIT_INVALID;
    }
  }
}

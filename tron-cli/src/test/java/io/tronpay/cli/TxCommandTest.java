package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected values come from tronweb-generated transactions ({@code tronweb_transactions.json})
 * and real signed transactions from the shared fixtures; see {@code vectors/README.md}.
 */
class TxCommandTest {
  private static final List<Map<String, Object>> VECTORS = Cli.cases("tronweb_transactions.json");

  @TempDir
  Path dir;

  private static Map<String, Object> transaction(Map<String, Object> vector) {
    return new LinkedHashMap<>(Cli.object(vector, "transaction"));
  }

  @SuppressWarnings("unchecked")
  private static String firstSignature(Map<String, Object> tx) {
    return ((List<String>) tx.get("signature")).get(0);
  }

  private static Map<String, Object> unsigned(Map<String, Object> vector) {
    Map<String, Object> tx = transaction(vector);
    tx.remove("signature");
    return tx;
  }

  private Path keyFile(Map<String, Object> vector) throws IOException {
    Path file = dir.resolve("key-" + vector.get("ownerAddress"));
    if (!Files.exists(file)) {
      Cli.writeKeyFile(file, vector.get("privateKey") + "\n");
    }
    return file;
  }

  @Test
  void encode_rawDataOnly_fillsTronwebRawDataHexAndTxId() {
    for (Map<String, Object> vector : VECTORS) {
      Map<String, Object> tx = unsigned(vector);
      tx.remove("raw_data_hex");
      tx.remove("txID");

      Cli.Result result = Cli.runWithStdin(Cli.write(tx), "tx", "encode", "--json");

      assertEquals(0, result.exitCode(), result.err());
      Map<String, Object> out = result.json();
      Map<String, Object> expected = transaction(vector);
      assertEquals(expected.get("raw_data_hex"), out.get("raw_data_hex"));
      assertEquals(expected.get("txID"), out.get("txID"));
      assertEquals(expected.get("raw_data"), out.get("raw_data"));
      assertEquals("", result.err());
    }
  }

  @Test
  void encode_file_human_printsJsonAndSummary() throws IOException {
    Map<String, Object> vector = VECTORS.get(0);
    Map<String, Object> tx = unsigned(vector);
    tx.remove("raw_data_hex");
    tx.remove("txID");
    Path file = dir.resolve("tx.json");
    Files.writeString(file, Cli.write(tx));

    Cli.Result result = Cli.run("tx", "encode", file.toString());

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(transaction(vector).get("txID"), result.json().get("txID"));
    assertTrue(result.err().contains((String) transaction(vector).get("txID")), result.err());
  }

  @Test
  void encode_txIdThatDoesNotMatch_exitsOneNamingTxId() {
    Map<String, Object> tx = unsigned(VECTORS.get(0));
    tx.put("txID", transaction(VECTORS.get(1)).get("txID"));

    Cli.Result result = Cli.runWithStdin(Cli.write(tx), "tx", "encode", "--json");

    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    assertTrue(((String) result.errorJson().get("error")).contains("txID"), result.err());
  }

  @Test
  void encode_notJson_exitsOne() {
    Cli.Result result = Cli.runWithStdin("not json", "tx", "encode");

    assertEquals(1, result.exitCode());
    assertFalse(result.err().contains("\tat "), result.err());
  }

  @Test
  void decode_rawDataHex_givesTronwebJson() {
    for (Map<String, Object> vector : VECTORS) {
      Map<String, Object> expected = transaction(vector);

      Cli.Result result = Cli.run("tx", "decode", (String) expected.get("raw_data_hex"),
          "--json");

      assertEquals(0, result.exitCode(), result.err());
      Map<String, Object> out = result.json();
      assertEquals(expected.get("txID"), out.get("txID"));
      assertEquals(expected.get("raw_data"), out.get("raw_data"));
      assertEquals(expected.get("raw_data_hex"), out.get("raw_data_hex"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void decode_signedTransactionHex_givesItsTxIdAndSignatures() {
    String hex = (String) Cli.parse(Cli.resource("devnet_multisig_signed_tx_hex_7da63b6a.json"))
        .get("signed_transaction_hex");

    Cli.Result result = Cli.run("tx", "decode", hex, "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("7da63b6a1f008d03ef86fa871b24a56a501a8bbf15effd7aca635de6c738df4b",
        result.json().get("txID"));
    assertEquals(2, ((List<String>) result.json().get("signature")).size());
    assertTrue(hex.contains((String) result.json().get("raw_data_hex")));
  }

  @Test
  void decode_notHex_exitsOne() {
    Cli.Result result = Cli.run("tx", "decode", "0a02zz");

    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("hex"), result.err());
  }

  @Test
  void decode_garbage_exitsOneNamingBothReadings() {
    Cli.Result result = Cli.run("tx", "decode", "0a02", "--json");

    assertEquals(1, result.exitCode());
    String error = (String) result.errorJson().get("error");
    assertTrue(error.contains("neither a transaction"), error);
  }

  @Test
  void sign_tronwebUnsignedTransaction_givesTronwebSignature() throws IOException {
    for (Map<String, Object> vector : VECTORS) {
      Map<String, Object> expected = transaction(vector);

      Cli.Result result = Cli.runWithStdin(Cli.write(unsigned(vector)), "tx", "sign",
          "--key-file", keyFile(vector).toString(), "--json");

      assertEquals(0, result.exitCode(), result.err());
      Map<String, Object> out = result.json();
      assertEquals(expected.get("txID"), out.get("txID"));
      assertEquals(expected.get("signature"), out.get("signature"));
      assertEquals("", result.err());
    }
  }

  @Test
  void sign_keyFromStdin_transactionFromFile() throws IOException {
    Map<String, Object> vector = VECTORS.get(2);
    Path file = dir.resolve("unsigned.json");
    Files.writeString(file, Cli.write(unsigned(vector)));

    Cli.Result result = Cli.runWithStdin((String) vector.get("privateKey"), "tx", "sign",
        "--key-file", "-", file.toString());

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(firstSignature(transaction(vector)), firstSignature(result.json()));
  }

  @Test
  void sign_withoutTxId_isRefused() throws IOException {
    Map<String, Object> vector = VECTORS.get(0);
    Map<String, Object> tx = unsigned(vector);
    tx.remove("txID");

    Cli.Result result = Cli.runWithStdin(Cli.write(tx), "tx", "sign", "--key-file",
        keyFile(vector).toString());

    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    assertTrue(result.err().contains("tron tx encode"), result.err());
  }

  @Test
  void sign_rawDataThatDisagreesWithRawDataHex_isRefused() throws IOException {
    Map<String, Object> vector = VECTORS.get(0);
    Map<String, Object> tx = unsigned(vector);
    Map<String, Object> rawData = new LinkedHashMap<>(Cli.object(tx, "raw_data"));
    rawData.put("expiration",
        ((BigInteger) rawData.get("expiration")).add(BigInteger.valueOf(1000)));
    tx.put("raw_data", rawData);

    Cli.Result result = Cli.runWithStdin(Cli.write(tx), "tx", "sign", "--key-file",
        keyFile(vector).toString(), "--json");

    assertEquals(1, result.exitCode());
    assertEquals("", result.out());
    assertTrue(((String) result.errorJson().get("error")).contains("raw_data"), result.err());
  }

  @Test
  void sign_alreadySignedBySameKey_isRefused() throws IOException {
    Map<String, Object> vector = VECTORS.get(0);

    Cli.Result result = Cli.runWithStdin(Cli.write(transaction(vector)), "tx", "sign",
        "--key-file", keyFile(vector).toString());

    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("already signed by " + vector.get("ownerAddress")),
        result.err());
  }

  @Test
  void sign_keyThatIsNotTheOwner_warnsAndSigns() throws IOException {
    Map<String, Object> owned = VECTORS.get(0);
    Map<String, Object> other = VECTORS.get(1);

    Cli.Result result = Cli.runWithStdin(Cli.write(unsigned(owned)), "tx", "sign",
        "--key-file", keyFile(other).toString());

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.err().contains("is not the owner"), result.err());
  }

  @Test
  void sign_keyAndTransactionBothFromStdin_isAUsageError() {
    Cli.Result result = Cli.run("tx", "sign", "--key-file", "-", "-");

    assertEquals(2, result.exitCode());
  }

  @Test
  @SuppressWarnings("unchecked")
  void verify_realMainnetTransfer_recoversItsOwner() {
    Cli.Result result = Cli.runWithStdin(
        Cli.resource("mainnet_TransferContract_ankr_041ad82f.json"), "tx", "verify", "--json");

    assertEquals(0, result.exitCode(), result.err());
    Map<String, Object> json = result.json();
    assertEquals(true, json.get("valid"));
    assertEquals("041ad82f1aa2628441c4aff5eb6052fb5010d8610dc87927ccc4f66c992373da",
        json.get("txID"));
    assertEquals(List.of("TJWQHoLHFKYXLHienCDC8T3md3PNbFsxS9"), json.get("signers"));
    assertEquals("TJWQHoLHFKYXLHienCDC8T3md3PNbFsxS9", json.get("owner"));
    assertEquals(true, json.get("ownerSigned"));
  }

  @Test
  void verify_realMainnetUsdtTransfer_fromTronGrid_recoversItsOwner() throws IOException {
    Path file = dir.resolve("usdt.json");
    Files.writeString(file, Cli.resource("mainnet_TriggerSmartContract_USDT_0130dfde.json"));

    Cli.Result result = Cli.run("tx", "verify", file.toString(), "--signer",
        "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(List.of("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre"), result.json().get("signers"));
  }

  @Test
  void verify_expectedSignerWhoDidNotSign_exitsOne() {
    Cli.Result result = Cli.runWithStdin(
        Cli.resource("mainnet_TransferContract_ankr_041ad82f.json"), "tx", "verify",
        "--signer", "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre", "--json");

    assertEquals(1, result.exitCode());
    assertEquals(false, result.json().get("valid"));
  }

  @Test
  void verify_unsignedTransaction_exitsOne() {
    Cli.Result result = Cli.runWithStdin(Cli.write(unsigned(VECTORS.get(0))), "tx", "verify");

    assertEquals(1, result.exitCode());
    assertTrue(result.out().startsWith("unsigned"), result.out());
  }

  @Test
  void encodeSignVerify_pipeline_recoversTheTronwebOwner() throws IOException {
    Map<String, Object> vector = VECTORS.get(3);
    Map<String, Object> tx = unsigned(vector);
    tx.remove("raw_data_hex");
    tx.remove("txID");

    Cli.Result encoded = Cli.runWithStdin(Cli.write(tx), "tx", "encode");
    Cli.Result signed = Cli.runWithStdin(encoded.out(), "tx", "sign", "--key-file",
        keyFile(vector).toString());
    Cli.Result verified = Cli.runWithStdin(signed.out(), "tx", "verify", "--json");

    assertEquals(0, verified.exitCode(), verified.err());
    assertEquals(List.of(vector.get("ownerAddress")), verified.json().get("signers"));
  }
}

package io.tronpay.core.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.core.Signature;
import io.tronpay.core.testing.Json;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real mainnet, Nile and devnet transactions (vectors/fixtures, see SOURCES.md there): every one
 * of a supported type decodes, re-encodes to the same bytes, hashes to its txID, and its
 * signatures recover; every other type is refused by name, never half-read.
 */
class RealChainTransactionsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final List<String> FILES = List.of(
      "transactions/mainnet_FreezeBalanceV2Contract_37a8a1cf.json",
      "transactions/mainnet_TransferAssetContract_034897cb.json",
      "transactions/mainnet_TransferContract_5144c4f5.json",
      "transactions/mainnet_TransferContract_95e91bfa.json",
      "transactions/mainnet_TransferContract_ankr_041ad82f.json",
      "transactions/mainnet_TransferContract_noTimestamp_5f1d1a8a.json",
      "transactions/mainnet_TriggerSmartContract_TRC20_memo_b2b8e32a.json",
      "transactions/mainnet_TriggerSmartContract_USDT_0130dfde.json",
      "transactions/mainnet_TriggerSmartContract_USDT_46710419.json",
      "transactions/mainnet_UnfreezeBalanceContract_56eddcf4.json",
      "transactions/mainnet_VoteWitnessContract_dbca0cc1.json",
      "transactions/mainnet_WithdrawBalanceContract_5364d831.json",
      "transactions_derived/mainnet_TransferContract_20321755.json",
      "transactions_derived/nile_DelegateResourceContract_ceabcd0f.json",
      "transactions_derived/nile_FreezeBalanceV2Contract_3a463214.json",
      "transactions_derived/nile_UnDelegateResourceContract_3609519c.json",
      "transactions_derived/nile_UnfreezeBalanceV2Contract_3070adc1.json",
      "transactions_derived/nile_WithdrawExpireUnfreezeContract_65ff3419.json",
      "transactions_devnet/devnet_DelegateResourceContract_lock_363ac0b8.json",
      "transactions_devnet/devnet_FreezeBalanceV2Contract_82244829.json",
      "transactions_devnet/devnet_TransferContract_Permission_id2_4d928f7a.json",
      "transactions_devnet/devnet_UnDelegateResourceContract_feb33479.json",
      "transactions_devnet/devnet_UnfreezeBalanceV2Contract_dcfea1d9.json",
      "transactions_devnet/devnet_WithdrawExpireUnfreezeContract_e5763ab8.json",
      "transactions_devnet/devnet_getsignweight_multisig_TransferContract_pid2_7da63b6a.json",
      "transactions_devnet/unspecified_TransferContract_with_info_c558bd35.json",
      "blocks/nile_getblockbylatestnum_33801077_tatum.json",
      "blocks/mainnet_getblock_30864544_getblockio.json");

  /** Every object holding raw_data_hex and txID, wherever the fixture nests it. */
  static Stream<Map<String, Object>> transactions() {
    List<Map<String, Object>> found = new ArrayList<>();
    for (String file : FILES) {
      Json.walk(Json.resource("/vectors/fixtures/" + file), node -> {
        if (node.containsKey("raw_data_hex") && node.containsKey("txID")) {
          node.put("_file", file);
          found.add(node);
        }
      });
    }
    return found.stream();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("transactions")
  void realTransaction_decodesReencodesAndHashesToItsTxId(Map<String, Object> tx) {
    byte[] raw = HEX.parseHex(((String) tx.get("raw_data_hex")).toLowerCase());
    String type = (String) TronwebTransactionVectorsTest.map(
        TronwebTransactionVectorsTest.list(
            TronwebTransactionVectorsTest.map(tx.get("raw_data")).get("contract")).get(0))
        .get("type");
    if (ContractType.forProtoName(type) == null) {
      TransactionFormatException e =
          assertThrows(TransactionFormatException.class, () -> RawData.decode(raw));
      assertTrue(e.getMessage().contains("unsupported contract type"), e.getMessage());
      assertTrue(e.getMessage().contains(type), e.getMessage());
      return;
    }
    RawData decoded = RawData.decode(raw);
    assertEquals(type, decoded.contract().type().protoName());
    assertEquals(HEX.formatHex(raw), HEX.formatHex(decoded.encode()));

    List<Signature> signatures = new ArrayList<>();
    for (Object s : TronwebTransactionVectorsTest.list(tx.getOrDefault("signature", List.of()))) {
      signatures.add(Signature.fromHex((String) s));
    }
    Transaction full = Transaction.of(decoded, signatures);
    assertEquals(tx.get("txID"), full.txId());
    Transaction again = Transaction.decode(full.encode());
    assertEquals(full, again);
    for (Address signer : again.recoverSigners()) {
      // Recovery must succeed even for the high-S signatures that exist on mainnet.
      assertEquals(Address.LENGTH, signer.toBytes().length);
    }
  }

  @Test
  void realTransferSignature_recoversToItsOwner() {
    Map<String, Object> tx = TronwebTransactionVectorsTest.map(
        Json.resource("/vectors/fixtures/transactions/mainnet_TriggerSmartContract_USDT_0130dfde.json"));
    Transaction decoded = Transaction.of(
        RawData.decode(HEX.parseHex((String) tx.get("raw_data_hex"))),
        List.of(Signature.fromHex((String) TronwebTransactionVectorsTest.list(tx.get("signature")).get(0))));

    // SOURCES.md: signature recovers to TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre, the owner.
    assertEquals(List.of(Address.fromBase58("TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre")),
        decoded.recoverSigners());
    assertEquals(decoded.rawData().contract().owner(), decoded.recoverSigners().get(0));
  }

  @Test
  void highSMainnetSignature_verifiesAndRecovers() {
    // SOURCES.md marks this Nile block's transaction signature as high-s, owner TZ2myiYiVPR6gKR7ZozGuL1vwg9748sYDc.
    List<Map<String, Object>> found = new ArrayList<>();
    Json.walk(Json.resource("/vectors/fixtures/blocks/nile_getblockbylatestnum_33801077_tatum.json"),
        node -> {
          if (node.containsKey("raw_data_hex")) {
            found.add(node);
          }
        });
    Map<String, Object> tx = found.get(0);
    Signature signature =
        Signature.fromHex((String) TronwebTransactionVectorsTest.list(tx.get("signature")).get(0));
    byte[] txId = HEX.parseHex((String) tx.get("txID"));

    assertEquals(false, signature.isLowS());
    assertEquals(Address.fromBase58("TZ2myiYiVPR6gKR7ZozGuL1vwg9748sYDc"),
        signature.recoverAddress(txId));
    assertTrue(signature.verify(txId, signature.recoverPublicKey(txId)));
  }

  @Test
  void multisigSignedProtobuf_decodesWithBothSignaturesAndPermissionId() {
    Map<String, Object> fixture = TronwebTransactionVectorsTest.map(Json.resource(
        "/vectors/fixtures/transactions_devnet/devnet_multisig_signed_tx_hex_7da63b6a.json"));
    byte[] encoded = HEX.parseHex((String) fixture.get("signed_transaction_hex"));

    Transaction tx = Transaction.decode(encoded);

    assertEquals("7da63b6a1f008d03ef86fa871b24a56a501a8bbf15effd7aca635de6c738df4b", tx.txId());
    assertEquals(2, tx.signatures().size());
    assertEquals(2, tx.rawData().permissionId());
    assertEquals(HEX.formatHex(encoded), HEX.formatHex(tx.encode()));
  }
}

package io.tronpay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.internal.JsonNode;
import io.tronpay.client.internal.NodeResponses;
import io.tronpay.core.Address;
import io.tronpay.core.abi.TransferEvent;
import io.tronpay.core.tx.ResourceCode;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parses real node and TronGrid responses from the fixture set (see fixtures/SOURCES.md). */
class RealResponsesTest {
  static JsonNode payload(String resource) {
    JsonNode root = TestResources.json(resource);
    return root.has("response") ? JsonNode.parse(root.get("response").toJson(), "") : root;
  }

  @Test
  void getBlockByLatestNum_nile_parsesAllFiveBlocksAndTheHighSTransaction() {
    List<Block> blocks =
        NodeResponses.blocks(payload("/fixtures/blocks/nile_getblockbylatestnum_33801077_tatum.json"));
    assertEquals(5, blocks.size());
    Block first = blocks.get(0);
    assertEquals(33801077L, first.number());
    assertEquals(1684509309000L, first.timestamp());
    assertEquals("000000000203c3741f9a08f594934bd26df95cc6c49b475d118e3a87aed5a4a4",
        first.parentHash());
    assertEquals(Address.fromHex("41e71c365c9dbf284ca8c1eed2d7877638941b9011"), first.witness());
    assertEquals(1, first.transactions().size());
    ChainTransaction tx = first.transactions().get(0);
    assertEquals("TriggerSmartContract", tx.contractType());
    assertTrue(tx.txId().startsWith("31370141e3345421"));
    assertEquals(Address.fromBase58("TZ2myiYiVPR6gKR7ZozGuL1vwg9748sYDc"),
        tx.decoded().orElseThrow().recoverSigners().get(0));
    assertEquals(0, blocks.get(4).transactions().size());
  }

  @Test
  void getBlock_mainnet_parsesHeaderAndTransfer() {
    Block block = NodeResponses.block(
        payload("/fixtures/blocks/mainnet_getblock_30864544_getblockio.json"));
    assertEquals(30864544L, block.number());
    assertEquals(1, block.transactions().size());
    assertEquals("TransferContract", block.transactions().get(0).contractType());
    assertTrue(block.transactions().get(0).txId().startsWith("979e0823f455f3b6"));
  }

  @Test
  void transactionInfo_usdtTransfer_hasReceiptAndTransferLog() {
    TransactionInfo info = NodeResponses.transactionInfo(
        payload("/fixtures/api/mainnet_gettransactioninfobyid_USDT_0130dfde.json"));
    assertEquals("0130dfde9281a48378109039ef512229d5359fbee2a8adbb17ad73aebc67ea99", info.id());
    assertEquals(26420100L, info.fee());
    assertEquals(69316562L, info.blockNumber());
    assertEquals("SUCCESS", info.receipt().result());
    assertEquals(130285L, info.receipt().energyUsageTotal());
    assertEquals(100635L, info.receipt().energyPenaltyTotal());
    assertEquals(Tokens.USDT_MAINNET, info.contractAddress());
    assertEquals(Tokens.USDT_MAINNET, info.logs().get(0).address());
    TransferEvent event = TransferEvent.decodeHex(info.logs().get(0).topics(),
        info.logs().get(0).data());
    assertEquals(new BigInteger("027bf24d", 16), event.value());
    assertFalse(info.failed());
  }

  @Test
  void transactionInfo_others_parseTheirAmounts() {
    assertEquals(5000000L, NodeResponses.transactionInfo(payload(
        "/fixtures/api/mainnet_gettransactioninfobyid_UnfreezeBalance_56eddcf4.json"))
        .unfreezeAmount());
    TransactionInfo withdraw = NodeResponses.transactionInfo(payload(
        "/fixtures/api/mainnet_gettransactioninfobyid_WithdrawBalance_5364d831.json"));
    assertTrue(withdraw.withdrawAmount() > 0);
    assertNull(withdraw.receipt().result());
    assertEquals(1100000L, NodeResponses.transactionInfo(payload(
        "/fixtures/api/mainnet_gettransactioninfobyid_TransferContract_fee_95e91bfa.json")).fee());
    assertEquals(345000L, NodeResponses.transactionInfo(payload(
        "/fixtures/api/mainnet_gettransactioninfobyid_USDT_46710419.json")).receipt().netFee());
  }

  @Test
  void transactionInfoByBlockNum_truncatedMainnetList_parses() {
    List<TransactionInfo> infos = NodeResponses.transactionInfos(payload(
        "/fixtures/api/mainnet_gettransactioninfobyblocknum_49970749_ankr_TRUNCATED.json"));
    assertEquals(2, infos.size());
    assertEquals(49970749L, infos.get(0).blockNumber());
  }

  @Test
  void transactionInfoByBlockNum_emptyArrayAndEmptyObject_bothMeanNone() {
    assertEquals(0, NodeResponses.transactionInfos(JsonNode.parse("[]", "")).size());
    assertEquals(0, NodeResponses.transactionInfos(JsonNode.parse("{}", "")).size());
  }

  @Test
  void accountResource_ledgerAndDocs_parse() {
    JsonNode ledger = TestResources.json("/fixtures/api/mainnet_getaccountresource_ledger.json");
    AccountResource withEnergy = NodeResponses.accountResource(
        ledger.get("416e3b44b96104b26f84057974a1f0c9880f7c9b13"));
    assertEquals(4448L, withEnergy.energyLimit());
    assertEquals(403L, withEnergy.tronPowerLimit());
    assertEquals(180000000000L, withEnergy.totalEnergyLimit());
    AccountResource docs = NodeResponses.accountResource(
        payload("/fixtures/api/nile_getaccountresource_docs.json"));
    assertEquals(441L, docs.freeNetUsed());
    assertEquals(600L, docs.freeNetLimit());
  }

  @Test
  void chainParameters_mainnet_hasEnergyFeeAndZeroForValuelessKeys() {
    ChainParameters params = NodeResponses.chainParameters(
        payload("/fixtures/api/mainnet_getchainparameters_edge.json"));
    assertEquals(420L, params.energyFee());
    assertEquals(1000L, params.transactionFee());
    assertEquals(1000000L, params.createNewAccountFeeInSystemContract());
    assertEquals(0L, params.get("getAllowUpdateAccountName").orElseThrow());
    assertEquals(66, params.values().size());
  }

  @Test
  void triggerConstantContract_balanceOf_parsesTheWord() {
    ConstantCallResult nile = NodeResponses.constantCall(
        payload("/fixtures/api/nile_triggerconstantcontract_balanceOf_docs.json"));
    assertEquals(List.of("0000000000000000000000000000000000000000000000000000000040cfcc00"),
        nile.constantResult());
    assertEquals(935L, nile.energyUsed());
    assertFalse(nile.reverted());
    ConstantCallResult mainnet = NodeResponses.constantCall(
        payload("/fixtures/api/mainnet_triggerconstantcontract_balanceOf_USDT_edge.json"));
    assertEquals("0000000000000000000000000000000000000000000000000000001013d707c7",
        mainnet.constantResult().get(0));
  }

  @Test
  void trc20Transfers_tronGrid_parseExactAmountsWithDecimals() {
    JsonNode page = payload(
        "/fixtures/api/mainnet_trongrid_v1_accounts_trc20_TL24LCps_ledger_TRIMMED.json");
    Trc20Transfer first = NodeResponses.trc20Transfer(page.get("data").elements().get(0));
    assertEquals("0130dfde9281a48378109039ef512229d5359fbee2a8adbb17ad73aebc67ea99", first.txId());
    assertEquals(Tokens.USDT_MAINNET, first.token());
    assertEquals("41.677389", first.value().toDecimalString());
    assertEquals(Address.fromBase58("TXVj38D1XR3TPgSHTCZGC8wkLDAGqF1oqx"), first.to());
    for (JsonNode item : page.get("data").elements()) {
      Trc20Transfer t = NodeResponses.trc20Transfer(item);
      assertEquals(item.get("value").string(), t.value().units().toString());
      assertEquals(item.get("token_info").get("decimals").longValue(), t.value().decimals());
    }
  }

  @Test
  void usdtNile_isTheContractTheNileDocsCall() {
    JsonNode request = TestResources.json("/fixtures/api/nile_triggerconstantcontract_balanceOf_docs.json")
        .get("_request_body");
    assertEquals(request.get("contract_address").string(), Tokens.USDT_NILE.toHex());
  }

  @Test
  void decodeMessage_hexAndPlain() {
    JsonNode hex = TestResources.json(
        "/fixtures/api/broadcasttransaction_SIGERROR_hexmsg_tatum_docs.json").get("response_error");
    assertEquals("Validate signature error: miss sig or contract",
        NodeResponses.decodeMessage(hex.get("message").string()));
    JsonNode plain = TestResources.json("/fixtures/api/broadcasthex_SIGERROR_ankr_docs.json")
        .get("response");
    assertEquals(plain.get("message").string(),
        NodeResponses.decodeMessage(plain.get("message").string()));
  }

  @Test
  void tronGridAccount_mainnet_parsesBalanceVotesPermissionsAndTrc20() {
    TronGridAccount account = NodeResponses.tronGridAccount(payload(
        "/fixtures/api/mainnet_trongrid_v1_accounts_TRqkRnAj_ledger.json").get("data").elements().get(0));

    assertEquals(Address.fromBase58("TRqkRnAj6ceJFYAn2p1eE7aWrgBBwtdhS9"), account.account().address());
    assertEquals(1781772L, account.account().balance());
    assertEquals(1556974023000L, account.account().createTime());
    assertEquals(List.of(
        new io.tronpay.core.tx.Vote(Address.fromBase58("TLyqzVGLV1srkB7dToTAEqgDSfPtXRJZYH"), 15),
        new io.tronpay.core.tx.Vote(Address.fromBase58("TGj1Ej1qRzL9feLTLhjwgxXF4Ct6GTWg2U"), 1),
        new io.tronpay.core.tx.Vote(Address.fromBase58("TCZvvbn4SCVyNhCAt1L8Kp1qk5rtMiKdBB"), 2)),
        account.account().votes());
    assertEquals(2, account.account().activePermissions().get(0).id());
    assertEquals(BigInteger.valueOf(376), account.trc20Balance(Tokens.USDT_MAINNET));
    assertEquals(BigInteger.valueOf(46825830),
        account.trc20Balance(Address.fromBase58("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7")));
  }

  @Test
  void tronGridAccount_mainnet_readsEnergyStakeAndLargeTokenBalances() {
    TronGridAccount account = NodeResponses.tronGridAccount(payload(
        "/fixtures/api/mainnet_trongrid_v1_accounts_TL24LCps_ledger.json").get("data").elements().get(0));

    assertTrue(account.account().frozenV2().contains(new Account.Stake(ResourceCode.ENERGY, 402000000L)));
    assertEquals(new BigInteger("13409316000000000000"),
        account.trc20Balance(Address.fromBase58("TXL6rJbvmjD46zeN1JssfgxvSo99qC8MRT")));
    assertEquals(BigInteger.ZERO, account.trc20Balance(Tokens.USDT_MAINNET));
  }
}

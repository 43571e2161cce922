package io.tronpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tronpay.client.BroadcastResult;
import io.tronpay.client.ChainTransaction;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.abi.TransferEvent;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signed with core, broadcast with TronClient, mined by DevNode, read back with TronClient. */
class ClientRoundTripTest {
  @RegisterExtension
  final DevNodeExtension devNode = DevNodeExtension.withSeed("client-round-trip");

  @Test
  void signedTransfers_landWithTheirTxIds_andTheirReceiptsAndLogsComeBack() {
    DevNode node = devNode.node();
    DevAccount alice = node.accounts().get(0);
    Address bob = PrivateKey.fromHex("51".repeat(32)).address();
    BigInteger amount = BigInteger.valueOf(25_000_000);
    Transaction usdt = Transaction.of(node.newRawData(new TriggerSmartContract(alice.address(),
        node.usdt().address(), new Trc20Call.Transfer(bob, amount).encode())).build())
        .sign(alice.privateKey());
    Transaction trx = Transaction.of(node.newRawData(new TransferContract(alice.address(), bob,
        3_000_000)).build()).sign(alice.privateKey());

    try (TronClient client = TronClient.builder().fullNode(devNode.url()).build()) {
      assertEquals(new BroadcastResult(usdt.txId(), BroadcastResult.Outcome.ACCEPTED),
          client.broadcastTransaction(usdt));
      assertEquals(new BroadcastResult(trx.txId(), BroadcastResult.Outcome.ACCEPTED),
          client.broadcastHex(java.util.HexFormat.of().formatHex(trx.encode())));
      long mined = node.mineBlock();

      for (Transaction sent : List.of(usdt, trx)) {
        ChainTransaction found = client.getTransactionById(sent.txId()).orElseThrow();
        assertEquals(sent.txId(), found.txId());
        assertEquals(sent, found.transaction());
        assertEquals("SUCCESS", found.contractResult());
      }
      assertEquals(List.of(usdt.txId(), trx.txId()), client.getBlockByNum(mined).orElseThrow()
          .transactions().stream().map(ChainTransaction::txId).toList());

      assertEquals(List.of(), client.getSolidTransactionInfoByBlockNum(mined), "not solidified yet");
      node.mineBlocks(19);
      List<TransactionInfo> infos = client.getSolidTransactionInfoByBlockNum(mined);
      assertEquals(List.of(usdt.txId(), trx.txId()),
          infos.stream().map(TransactionInfo::id).toList());
      TransactionInfo usdtInfo = infos.get(0);
      assertEquals("SUCCESS", usdtInfo.receipt().result());
      assertEquals(node.usdt().address(), usdtInfo.contractAddress());
      assertEquals(1, usdtInfo.logs().size());
      TransactionInfo.EventLog log = usdtInfo.logs().get(0);
      assertEquals(node.usdt().address(), log.address());
      assertEquals(new TransferEvent(alice.address(), bob, amount),
          TransferEvent.decodeHex(log.topics(), log.data()));
      assertEquals(List.of(), infos.get(1).logs());
      assertEquals(null, infos.get(1).receipt().result());
      assertEquals(usdtInfo, client.getSolidTransactionInfoById(usdt.txId()).orElseThrow());
      assertEquals(amount, client.balanceOf(node.usdt().address(), bob));
    }
  }
}

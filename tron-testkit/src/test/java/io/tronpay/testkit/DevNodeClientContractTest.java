package io.tronpay.testkit;

import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The client contract against a {@link DevNode} scripted into the same situations. */
class DevNodeClientContractTest extends TronClientContractTest {
  private static final int HISTORY_TRANSFERS = 5;

  private DevNode node;
  private TronClient client;
  private DevAccount alice;
  private Address watched;
  private long transferBlock;
  private String usdtTxId;
  private int nextAmount = 1;

  @BeforeAll
  void startNode() {
    node = DevNode.builder().seed("client-contract").build();
    client = TronClient.builder().fullNode(node.start()).build();
    alice = node.accounts().get(0);
    watched = PrivateKey.fromHex("31".repeat(32)).address();
    Transaction usdt = signed(new TriggerSmartContract(alice.address(), node.usdt().address(),
        new Trc20Call.Transfer(node.accounts().get(1).address(), BigInteger.TEN).encode()));
    node.broadcast(usdt);
    node.broadcast(signed(new TransferContract(alice.address(), watched, 1_000_000)));
    transferBlock = node.mineBlock();
    usdtTxId = usdt.txId();
    node.mineBlock();
    for (int i = 1; i <= HISTORY_TRANSFERS; i++) {
      node.broadcast(signed(new TriggerSmartContract(alice.address(), node.usdt().address(),
          new Trc20Call.Transfer(watched, BigInteger.valueOf(i)).encode())));
      node.mineBlock();
    }
    node.mineBlocks(25);
  }

  private Transaction signed(Contract contract) {
    return Transaction.of(node.newRawData(contract).build()).sign(alice.privateKey());
  }

  @AfterAll
  void stopNode() {
    client.close();
    node.close();
  }

  @Override
  TronClient client() {
    return client;
  }

  @Override
  long transferBlock() {
    return transferBlock;
  }

  @Override
  long emptyBlock() {
    return transferBlock + 1;
  }

  @Override
  long rangeStart() {
    return transferBlock;
  }

  @Override
  long usdtInfoBlock() {
    return transferBlock;
  }

  @Override
  String usdtTxId() {
    return usdtTxId;
  }

  @Override
  Address account() {
    return alice.address();
  }

  @Override
  Address usdt() {
    return node.usdt().address();
  }

  @Override
  Address usdtHolder() {
    return alice.address();
  }

  @Override
  Transaction acceptable() {
    return signed(new TransferContract(alice.address(), watched, nextAmount++));
  }

  @Override
  Transaction unsigned() {
    return Transaction.of(node.newRawData(new TransferContract(alice.address(), watched, 1))
        .build());
  }

  @Override
  Address tronGridAccount() {
    return watched;
  }

  @Override
  int tronGridTransfers() {
    return HISTORY_TRANSFERS;
  }
}

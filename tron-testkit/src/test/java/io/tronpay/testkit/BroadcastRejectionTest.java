package io.tronpay.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.client.TransactionJson;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BroadcastRejectionTest {
  @RegisterExtension
  final DevNodeExtension devNode = DevNodeExtension.withSeed("rejections");

  private Map<String, Object> broadcast(Transaction tx) {
    return TestJson.object(new NodeHttp(devNode.url())
        .postOk("/wallet/broadcasttransaction", TransactionJson.toJson(tx)));
  }

  private static String text(Object hexMessage) {
    return new String(HexFormat.of().parseHex((String) hexMessage), StandardCharsets.UTF_8);
  }

  private TransferContract payBob(long sun) {
    DevNode node = devNode.node();
    return new TransferContract(node.accounts().get(0).address(),
        node.accounts().get(1).address(), sun);
  }

  @Test
  void unsigned_isSigError_withTheRealHexMessage() {
    Transaction tx = Transaction.of(devNode.node().newRawData(payBob(1)).build());
    Map<String, Object> answer = broadcast(tx);
    Map<String, Object> real = TestJson.obj(TestJson.resource(
        "broadcasttransaction_SIGERROR_hexmsg_tatum_docs.json").get("response_error"));
    assertEquals(real.get("code"), answer.get("code"));
    assertEquals(real.get("message"), answer.get("message"));
    assertEquals(tx.txId(), answer.get("txid"));
    assertFalse(answer.containsKey("result"));
  }

  @Test
  void wrongKey_isSigError_namingTheSigner() {
    PrivateKey stranger = PrivateKey.fromHex("22".repeat(32));
    Transaction tx = Transaction.of(devNode.node().newRawData(payBob(1)).build()).sign(stranger);
    Map<String, Object> answer = broadcast(tx);
    assertEquals("SIGERROR", answer.get("code"));
    assertEquals("Validate signature error: " + tx.signatures().get(0).toHex() + " is signed by "
        + stranger.address().toBase58() + " but it is not contained of permission.",
        text(answer.get("message")));
  }

  @Test
  void staleRefBlock_isTaposError() {
    DevNode node = devNode.node();
    RawData raw = node.newRawData(payBob(1)).refBlockHash(new byte[8]).build();
    Map<String, Object> answer = broadcast(Transaction.of(raw).sign(
        node.accounts().get(0).privateKey()));
    assertEquals("TAPOS_ERROR", answer.get("code"));
    assertEquals("Tapos check error", text(answer.get("message")));
  }

  @Test
  void expired_isExpirationError() {
    DevNode node = devNode.node();
    RawData raw = node.newRawData(payBob(1)).expiration(node.headBlockTime()).build();
    Map<String, Object> answer = broadcast(Transaction.of(raw).sign(
        node.accounts().get(0).privateKey()));
    assertEquals("TRANSACTION_EXPIRATION_ERROR", answer.get("code"));
    assertEquals("transaction expired", text(answer.get("message")));
  }

  @Test
  void duplicate_isDupError_beforeAndAfterMining() {
    DevNode node = devNode.node();
    Transaction tx = Transaction.of(node.newRawData(payBob(1)).build())
        .sign(node.accounts().get(0).privateKey());
    assertEquals(Boolean.TRUE, broadcast(tx).get("result"));
    assertEquals("DUP_TRANSACTION_ERROR", broadcast(tx).get("code"));
    node.mineBlock();
    Map<String, Object> again = broadcast(tx);
    assertEquals("DUP_TRANSACTION_ERROR", again.get("code"));
    assertEquals("dup transaction", text(again.get("message")));
  }

  @Test
  void insufficientBalance_isContractValidateError() {
    DevNode node = devNode.node();
    long tooMuch = node.balance(node.accounts().get(0).address()) + 1;
    Map<String, Object> answer = broadcast(Transaction.of(node.newRawData(payBob(tooMuch))
        .build()).sign(node.accounts().get(0).privateKey()));
    assertEquals("CONTRACT_VALIDATE_ERROR", answer.get("code"));
    assertEquals("Contract validate error : Validate TransferContract error, balance is not "
        + "sufficient.", text(answer.get("message")));
  }

  @Test
  void doubleSpendInPool_isRejected() {
    DevNode node = devNode.node();
    long all = node.balance(node.accounts().get(0).address());
    Transaction first = Transaction.of(node.newRawData(payBob(all / 2 + 1)).build())
        .sign(node.accounts().get(0).privateKey());
    Transaction second = Transaction.of(node.newRawData(payBob(all / 2 + 2)).build())
        .sign(node.accounts().get(0).privateKey());
    assertEquals(Boolean.TRUE, broadcast(first).get("result"));
    assertEquals("CONTRACT_VALIDATE_ERROR", broadcast(second).get("code"));
  }

  @Test
  void multisigTwoOfThree_needsTwoSignatures() {
    DevNode node = devNode.node();
    DevAccount owner = node.accounts().get(0);
    PrivateKey k1 = PrivateKey.fromHex("31".repeat(32));
    PrivateKey k2 = PrivateKey.fromHex("32".repeat(32));
    PrivateKey k3 = PrivateKey.fromHex("33".repeat(32));
    node.setActivePermission(owner.address(), 2, 2,
        Map.of(k1.address(), 1, k2.address(), 1, k3.address(), 1));
    RawData raw = node.newRawData(payBob(5)).permissionId(2).build();

    Map<String, Object> one = broadcast(Transaction.of(raw).sign(k1));
    assertEquals("SIGERROR", one.get("code"));
    assertTrue(text(one.get("message")).startsWith("Validate signature error: "));
    assertEquals(Boolean.TRUE, broadcast(Transaction.of(raw).sign(k1).sign(k3)).get("result"));
  }
}

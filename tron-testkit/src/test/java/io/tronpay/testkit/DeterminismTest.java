package io.tronpay.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tronpay.core.Address;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static List<Object> run(String seed) {
    try (DevNode node = DevNode.builder().seed(seed).accounts(3).build()) {
      DevAccount a = node.accounts().get(0);
      Transaction tx = Transaction.of(node.newRawData(new TransferContract(a.address(),
          node.accounts().get(1).address(), 42)).build()).sign(a.privateKey());
      node.broadcast(tx);
      node.mineBlocks(3);
      return List.of(node.accounts().get(2).address(), tx.txId(),
          java.util.HexFormat.of().formatHex(node.headBlockId()), node.headBlockTime());
    }
  }

  @Test
  void sameSeed_sameAccountsTransactionsAndBlockIds() {
    assertEquals(run("alpha"), run("alpha"));
  }

  @Test
  void differentSeed_differentChain() {
    assertNotEquals(run("alpha").get(2), run("beta").get(2));
    assertNotEquals(run("alpha").get(0), run("beta").get(0));
  }

  @Test
  void blocks_areThreeSecondsApart_withNumberPrefixedIds_andParentLinks() {
    try (DevNode node = DevNode.builder().seed("ids").build()) {
      NodeHttp http = new NodeHttp(node.start());
      node.mineBlocks(2);
      var b1 = TestJson.object(http.postOk("/wallet/getblockbynum", "{\"num\":1}"));
      var b2 = TestJson.object(http.postOk("/wallet/getblockbynum", "{\"num\":2}"));
      var raw1 = TestJson.obj(TestJson.obj(b1.get("block_header")).get("raw_data"));
      var raw2 = TestJson.obj(TestJson.obj(b2.get("block_header")).get("raw_data"));
      assertEquals(b1.get("blockID"), raw2.get("parentHash"));
      assertEquals(3_000L, TestJson.num(raw2.get("timestamp")) - TestJson.num(raw1.get("timestamp")));
      byte[] id2 = java.util.HexFormat.of().parseHex((String) b2.get("blockID"));
      assertEquals(2L, ByteBuffer.wrap(id2, 0, 8).getLong());
      assertArrayEquals(id2, node.headBlockId());
    }
  }

  @Test
  void devAccounts_toStringHidesTheKey() {
    try (DevNode node = DevNode.builder().seed("secret").accounts(1).build()) {
      DevAccount account = node.accounts().get(0);
      String hex = account.revealPrivateKeyHex();
      org.junit.jupiter.api.Assertions.assertFalse(account.toString().contains(hex));
      assertEquals(account.address(), Address.fromPublicKey(account.privateKey().publicKey()));
    }
  }
}

package io.tronpay.testkit;

import io.tronpay.client.RetryPolicy;
import io.tronpay.client.TronClient;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import java.io.IOException;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The client contract against real recorded node and TronGrid answers ({@link FixtureNode}). */
class FixtureClientContractTest extends TronClientContractTest {
  private MockWebServer server;
  private TronClient client;
  private int nextAmount = 1;

  @BeforeAll
  void startServer() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new FixtureNode());
    server.start();
    client = TronClient.builder().fullNode(server.url("/").toString())
        .retryPolicy(RetryPolicy.NONE).build();
  }

  @AfterAll
  void stopServer() {
    client.close();
    server.close();
  }

  @Override
  TronClient client() {
    return client;
  }

  @Override
  long transferBlock() {
    return FixtureNode.TRANSFER_BLOCK;
  }

  @Override
  long emptyBlock() {
    return FixtureNode.NILE_FIRST + 1;
  }

  @Override
  long rangeStart() {
    return FixtureNode.NILE_FIRST;
  }

  @Override
  long usdtInfoBlock() {
    return FixtureNode.INFO_BLOCK;
  }

  @Override
  String usdtTxId() {
    return FixtureNode.USDT_TX;
  }

  @Override
  Address account() {
    return FixtureNode.DOCS_ACCOUNT;
  }

  @Override
  Address usdt() {
    return FixtureNode.NILE_USDT;
  }

  @Override
  Address usdtHolder() {
    return FixtureNode.DOCS_ACCOUNT;
  }

  @Override
  Transaction acceptable() {
    // A recorded node accepts anything it has no SIGERROR for; the bytes only need a new txID.
    PrivateKey key = PrivateKey.fromHex("21".repeat(32));
    RawData raw = FixtureNode.unsignedDocsTransfer().rawData().toBuilder()
        .contract(new TransferContract(key.address(), FixtureNode.DOCS_ACCOUNT, nextAmount++))
        .build();
    return Transaction.of(raw).sign(key);
  }

  @Override
  Transaction unsigned() {
    return FixtureNode.unsignedDocsTransfer();
  }

  @Override
  Address tronGridAccount() {
    return FixtureNode.TRONGRID_ACCOUNT;
  }

  @Override
  int tronGridTransfers() {
    return TestJson.list(TestJson.resource(
        "mainnet_trongrid_v1_accounts_trc20_TL24LCps_ledger_TRIMMED.json").get("data")).size();
  }
}

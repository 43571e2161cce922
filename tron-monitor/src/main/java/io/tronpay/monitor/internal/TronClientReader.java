package io.tronpay.monitor.internal;

import io.tronpay.client.Block;
import io.tronpay.client.ChainTransaction;
import io.tronpay.client.TransactionInfo;
import io.tronpay.client.TronClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** {@link NodeReader} over a {@link TronClient}, counting requests. */
public final class TronClientReader implements NodeReader {
  private final TronClient client;
  private final AtomicLong requests = new AtomicLong();

  /**
   * A reader.
   *
   * @param client the client; not closed by the reader
   */
  public TronClientReader(TronClient client) {
    this.client = client;
  }

  @Override
  public Block head() {
    requests.incrementAndGet();
    return client.getNowBlock();
  }

  @Override
  public Block solidHead() {
    requests.incrementAndGet();
    return client.getSolidNowBlock();
  }

  @Override
  public List<Block> blocks(long start, long end) {
    requests.incrementAndGet();
    return client.getBlockByLimitNext(start, end);
  }

  @Override
  public List<TransactionInfo> infos(long block) {
    requests.incrementAndGet();
    return client.getTransactionInfoByBlockNum(block);
  }

  @Override
  public Optional<ChainTransaction> transaction(String txId) {
    requests.incrementAndGet();
    return client.getTransactionById(txId);
  }

  @Override
  public Optional<TransactionInfo> info(String txId) {
    requests.incrementAndGet();
    return client.getTransactionInfoById(txId);
  }

  @Override
  public long requests() {
    return requests.get();
  }
}

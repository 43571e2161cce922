package io.tronpay.monitor;

/** The in-memory store passes the store contract. */
class InMemoryPaymentStoreTest extends PaymentStoreContractTest {
  @Override
  protected PaymentStore newStore() {
    return new InMemoryPaymentStore();
  }
}

package io.tronpay.payouts;

/** The ledger contract on {@link InMemoryPayoutLedger}, the reference the JDBC ledger must equal. */
class InMemoryPayoutLedgerTest extends PayoutLedgerContract {
  @Override
  protected PayoutLedger newLedger() {
    return new InMemoryPayoutLedger();
  }
}

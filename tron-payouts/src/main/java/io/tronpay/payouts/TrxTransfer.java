package io.tronpay.payouts;

import io.tronpay.core.Address;
import io.tronpay.core.tx.TransferContract;

/** TRX transfers ({@code TransferContract}). Amounts are sun, never floating point. */
public final class TrxTransfer {
  private TrxTransfer() {}

  /**
   * A transfer of {@code sun} from {@code from} to {@code to}.
   *
   * @param from the sender, who signs
   * @param to the recipient; must differ from the sender
   * @param sun greater than 0
   * @return a builder for the options (reference block, memo, ...)
   * @throws InvalidFieldException naming {@code from}, {@code to} or {@code amount}
   */
  public static TransactionBuilder of(Address from, Address to, long sun) {
    Fields.address("from", from);
    Fields.address("to", to);
    Fields.positive("amount", sun);
    Fields.different("to", to, "from", from);
    return new TransactionBuilder(new TransferContract(from, to, sun));
  }
}

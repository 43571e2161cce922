package io.tronpay.core.tx;

import io.tronpay.core.Address;
import java.util.Objects;

/**
 * A TRX transfer.
 *
 * @param owner the sender
 * @param to the recipient
 * @param amount sun
 */
public record TransferContract(Address owner, Address to, long amount) implements Contract {
  /** Checks that both addresses are present. */
  public TransferContract {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public ContractType type() {
    return ContractType.TRANSFER_CONTRACT;
  }
}

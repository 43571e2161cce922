package io.tronpay.wallet;

import io.tronpay.core.Address;
import java.util.Objects;

/**
 * One address of an HD account.
 *
 * @param change 0 for receiving (external) addresses, 1 for change (internal) addresses
 * @param index the address index under {@code change}
 * @param path the full path ({@code m/44'/195'/0'/0/5}) when the account key sits at BIP44 depth
 *     3, otherwise the path relative to the account key ({@code 0/5})
 * @param address the TRON address
 */
public record DerivedAddress(int change, int index, String path, Address address) {
  /** Checks that the fields are present and the indices are not negative. */
  public DerivedAddress {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(address, "address");
    HdPath.checkIndex(change);
    HdPath.checkIndex(index);
  }
}

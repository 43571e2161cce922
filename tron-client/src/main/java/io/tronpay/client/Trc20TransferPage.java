package io.tronpay.client;

import java.util.List;

/**
 * One page of TronGrid's TRC20 transfer listing.
 *
 * @param transfers the transfers on this page
 * @param nextFingerprint the cursor for the next page, or null on the last page
 */
public record Trc20TransferPage(List<Trc20Transfer> transfers, String nextFingerprint) {
  /** Copies the list. */
  public Trc20TransferPage {
    transfers = List.copyOf(transfers);
  }
}

package io.tronpay.wallet;

import io.tronpay.core.Address;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.math.ec.ECPoint;

/** The TRON address straight from an affine point, skipping a SEC1 encode and decode. */
final class Addresses {
  private Addresses() {}

  static Address fromPoint(ECPoint normalizedPoint) {
    byte[] xy = new byte[64];
    normalizedPoint.getAffineXCoord().encodeTo(xy, 0);
    normalizedPoint.getAffineYCoord().encodeTo(xy, 32);
    KeccakDigest keccak = new KeccakDigest(256);
    keccak.update(xy, 0, 64);
    byte[] hash = new byte[32];
    keccak.doFinal(hash, 0);
    byte[] accountId = new byte[20];
    System.arraycopy(hash, 12, accountId, 0, 20);
    return Address.fromAccountId(accountId);
  }
}

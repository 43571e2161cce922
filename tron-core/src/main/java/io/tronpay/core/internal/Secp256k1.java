package io.tronpay.core.internal;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The secp256k1 curve, using BouncyCastle's custom (GLV-accelerated) field arithmetic. Exported to
 * tron-wallet alone, so HD derivation uses the same curve setup as signing.
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

  /** The curve. */
  public static final ECCurve CURVE = PARAMS.getCurve();
  /** The generator. */
  public static final ECPoint G = PARAMS.getG();
  /** The group order. */
  public static final BigInteger N = PARAMS.getN();
  /** Half the group order: the largest low S. */
  public static final BigInteger HALF_N = N.shiftRight(1);
  /** The domain, for BouncyCastle's signers. */
  public static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE, G, N, PARAMS.getH());

  private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

  private Secp256k1() {}

  /**
   * k·G by the comb method, normalized. Its table walk does not depend on the scalar's bytes, so
   * it suits secret scalars.
   */
  public static ECPoint multiplyGenerator(BigInteger k) {
    return BASE_MULTIPLIER.multiply(G, k).normalize();
  }

  /** Whether {@code d} is a valid private scalar: 0 &lt; d &lt; n. */
  public static boolean isValidPrivateScalar(BigInteger d) {
    return d.signum() > 0 && d.compareTo(N) < 0;
  }
}

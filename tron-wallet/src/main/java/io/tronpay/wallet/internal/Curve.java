package io.tronpay.wallet.internal;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * secp256k1 on BouncyCastle's custom field arithmetic. Core has its own copy, but does not export
 * it, so this module keeps one.
 */
public final class Curve {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

  /** The curve. */
  public static final ECCurve CURVE = PARAMS.getCurve();
  /** The generator. */
  public static final ECPoint G = PARAMS.getG();
  /** The group order. */
  public static final BigInteger N = PARAMS.getN();

  private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();

  private Curve() {}

  /**
   * k·G, normalized, by the comb method. Use this for secret scalars: unlike {@link
   * GeneratorTable}, its table walk does not depend on the scalar's bytes.
   */
  public static ECPoint multiplyGenerator(BigInteger k) {
    return COMB.multiply(G, k).normalize();
  }

  /** Whether 0 &lt; k &lt; n. */
  public static boolean isValidScalar(BigInteger k) {
    return k.signum() > 0 && k.compareTo(N) < 0;
  }
}

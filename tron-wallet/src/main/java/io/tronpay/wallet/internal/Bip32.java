package io.tronpay.wallet.internal;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The hash primitives of BIP32. */
public final class Bip32 {
  private Bip32() {}

  /** HMAC-SHA512 keyed with {@code key}; reusable for many messages under that key. */
  public static HMac hmacSha512(byte[] key) {
    HMac mac = new HMac(new SHA512Digest());
    mac.init(new KeyParameter(key));
    return mac;
  }

  /** One HMAC-SHA512 of {@code data} under an initialised {@code mac}, into {@code out[0..64)}. */
  public static void mac(HMac mac, byte[] data, byte[] out) {
    mac.update(data, 0, data.length);
    mac.doFinal(out, 0);
  }

  /** The first four bytes of RIPEMD-160(SHA-256(data)), big-endian: a BIP32 fingerprint. */
  public static int fingerprint(byte[] compressedPublicKey) {
    SHA256Digest sha = new SHA256Digest();
    sha.update(compressedPublicKey, 0, compressedPublicKey.length);
    byte[] shaOut = new byte[32];
    sha.doFinal(shaOut, 0);
    RIPEMD160Digest ripemd = new RIPEMD160Digest();
    ripemd.update(shaOut, 0, shaOut.length);
    byte[] out = new byte[20];
    ripemd.doFinal(out, 0);
    return ((out[0] & 0xFF) << 24) | ((out[1] & 0xFF) << 16) | ((out[2] & 0xFF) << 8) | (out[3] & 0xFF);
  }
}

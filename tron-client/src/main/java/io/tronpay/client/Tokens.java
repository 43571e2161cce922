package io.tronpay.client;

import io.tronpay.core.Address;

/**
 * Well-known token contracts. These are defaults for configuration, not hard-wired: pass the
 * token you mean to every call.
 */
public final class Tokens {
  private Tokens() {}

  /** Tether USD (USDT, 6 decimals) on mainnet. */
  public static final Address USDT_MAINNET = Address.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");

  /** The USDT test token on the Nile testnet (6 decimals). */
  public static final Address USDT_NILE = Address.fromBase58("TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf");

  /** USDT's decimals. */
  public static final int USDT_DECIMALS = 6;
}

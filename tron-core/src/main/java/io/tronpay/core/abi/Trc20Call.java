package io.tronpay.core.abi;

import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The TRC20 calls a payment application makes, as ABI call data: encode one with {@link
 * #encode()}, read one back with {@link #decode(byte[])} (for checking what a node built).
 */
public sealed interface Trc20Call {

  /** The 4-byte function selector followed by the arguments. */
  byte[] encode();

  /**
   * Decodes call data into one of the TRC20 calls.
   *
   * @throws AbiFormatException for an unknown selector, a wrong length, or a malformed word
   */
  static Trc20Call decode(byte[] data) {
    if (data.length < 4) {
      throw new AbiFormatException("call data has " + data.length + " bytes, shorter than a selector");
    }
    byte[] selector = Arrays.copyOf(data, 4);
    if (Arrays.equals(selector, Transfer.SELECTOR)) {
      requireLength(data, 2, "transfer");
      return new Transfer(AbiWords.address(data, 4, "to", true), AbiWords.uint256(data, 36));
    }
    if (Arrays.equals(selector, TransferFrom.SELECTOR)) {
      requireLength(data, 3, "transferFrom");
      return new TransferFrom(AbiWords.address(data, 4, "from", true),
          AbiWords.address(data, 36, "to", true), AbiWords.uint256(data, 68));
    }
    if (Arrays.equals(selector, Approve.SELECTOR)) {
      requireLength(data, 2, "approve");
      return new Approve(AbiWords.address(data, 4, "spender", true), AbiWords.uint256(data, 36));
    }
    if (Arrays.equals(selector, BalanceOf.SELECTOR)) {
      requireLength(data, 1, "balanceOf");
      return new BalanceOf(AbiWords.address(data, 4, "owner", true));
    }
    if (Arrays.equals(selector, Allowance.SELECTOR)) {
      requireLength(data, 2, "allowance");
      return new Allowance(AbiWords.address(data, 4, "owner", true),
          AbiWords.address(data, 36, "spender", true));
    }
    if (Arrays.equals(selector, Decimals.SELECTOR)) {
      requireLength(data, 0, "decimals");
      return new Decimals();
    }
    throw new AbiFormatException(
        "unknown function selector " + HexFormat.of().formatHex(selector));
  }

  private static void requireLength(byte[] data, int words, String function) {
    int expected = 4 + words * AbiWords.WORD;
    if (data.length != expected) {
      throw new AbiFormatException(function + " call data has " + data.length
          + " bytes, expected " + expected);
    }
  }

  private static byte[] selector(String signature) {
    return Arrays.copyOf(Hashes.keccak256(signature.getBytes(StandardCharsets.US_ASCII)), 4);
  }

  private static byte[] call(byte[] selector, int words) {
    byte[] out = new byte[4 + words * AbiWords.WORD];
    System.arraycopy(selector, 0, out, 0, 4);
    return out;
  }

  /**
   * {@code transfer(address to, uint256 value)}.
   *
   * @param to recipient
   * @param value base units
   */
  record Transfer(Address to, BigInteger value) implements Trc20Call {
    static final byte[] SELECTOR = selector("transfer(address,uint256)");

    /** Checks the arguments. */
    public Transfer {
      Objects.requireNonNull(to, "to");
      AbiWords.requireUint256(value, "value");
    }

    @Override
    public byte[] encode() {
      byte[] out = call(SELECTOR, 2);
      AbiWords.putAddress(out, 4, to);
      AbiWords.putUint256(out, 36, value, "value");
      return out;
    }
  }

  /**
   * {@code transferFrom(address from, address to, uint256 value)}.
   *
   * @param from the owner of the tokens, who approved the caller
   * @param to recipient
   * @param value base units
   */
  record TransferFrom(Address from, Address to, BigInteger value) implements Trc20Call {
    static final byte[] SELECTOR = selector("transferFrom(address,address,uint256)");

    /** Checks the arguments. */
    public TransferFrom {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      AbiWords.requireUint256(value, "value");
    }

    @Override
    public byte[] encode() {
      byte[] out = call(SELECTOR, 3);
      AbiWords.putAddress(out, 4, from);
      AbiWords.putAddress(out, 36, to);
      AbiWords.putUint256(out, 68, value, "value");
      return out;
    }
  }

  /**
   * {@code approve(address spender, uint256 value)}.
   *
   * @param spender who may spend
   * @param value base units allowed
   */
  record Approve(Address spender, BigInteger value) implements Trc20Call {
    static final byte[] SELECTOR = selector("approve(address,uint256)");

    /** Checks the arguments. */
    public Approve {
      Objects.requireNonNull(spender, "spender");
      AbiWords.requireUint256(value, "value");
    }

    @Override
    public byte[] encode() {
      byte[] out = call(SELECTOR, 2);
      AbiWords.putAddress(out, 4, spender);
      AbiWords.putUint256(out, 36, value, "value");
      return out;
    }
  }

  /**
   * {@code balanceOf(address owner)}.
   *
   * @param owner the holder
   */
  record BalanceOf(Address owner) implements Trc20Call {
    static final byte[] SELECTOR = selector("balanceOf(address)");

    /** Checks the argument. */
    public BalanceOf {
      Objects.requireNonNull(owner, "owner");
    }

    @Override
    public byte[] encode() {
      byte[] out = call(SELECTOR, 1);
      AbiWords.putAddress(out, 4, owner);
      return out;
    }
  }

  /**
   * {@code allowance(address owner, address spender)}.
   *
   * @param owner the holder
   * @param spender who may spend
   */
  record Allowance(Address owner, Address spender) implements Trc20Call {
    static final byte[] SELECTOR = selector("allowance(address,address)");

    /** Checks the arguments. */
    public Allowance {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(spender, "spender");
    }

    @Override
    public byte[] encode() {
      byte[] out = call(SELECTOR, 2);
      AbiWords.putAddress(out, 4, owner);
      AbiWords.putAddress(out, 36, spender);
      return out;
    }
  }

  /** {@code decimals()}. */
  record Decimals() implements Trc20Call {
    static final byte[] SELECTOR = selector("decimals()");

    @Override
    public byte[] encode() {
      return call(SELECTOR, 0);
    }
  }
}

package io.tronpay.payouts;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.tx.TriggerSmartContract;
import java.math.BigInteger;
import java.util.Objects;

/**
 * TRC20 calls ({@code TriggerSmartContract}): {@code transfer}, {@code transferFrom} and {@code
 * approve}, with a USDT preset. The builder's default fee limit is 100 TRX; set one from {@code
 * FeeEstimator} for tighter control.
 */
public final class Trc20Transfer {
  private Trc20Transfer() {}

  /**
   * {@code transfer(to, amount)} of mainnet USDT ({@link Asset#USDT}).
   *
   * @param owner the holder, who signs
   * @param to the recipient
   * @param amount greater than 0, with 6 decimals
   * @return a builder for the options
   */
  public static TransactionBuilder usdt(Address owner, Address to, TokenAmount amount) {
    return transfer(Asset.USDT, owner, to, amount);
  }

  /**
   * {@code transfer(to, amount)} of {@code token}.
   *
   * @param token the token; its decimals must match the amount's
   * @param owner the holder, who signs
   * @param to the recipient; must differ from the owner
   * @param amount greater than 0
   * @return a builder for the options
   */
  public static TransactionBuilder transfer(Asset token, Address owner, Address to,
      TokenAmount amount) {
    return transfer(token(token), owner, to, units(token, amount));
  }

  /**
   * {@code transfer(to, units)} on the token contract {@code contract}.
   *
   * @param contract the token contract
   * @param owner the holder, who signs
   * @param to the recipient; must differ from the owner
   * @param units base units, greater than 0
   * @return a builder for the options
   */
  public static TransactionBuilder transfer(Address contract, Address owner, Address to,
      BigInteger units) {
    Fields.address("contract", contract);
    Fields.address("owner", owner);
    Fields.address("to", to);
    Fields.positive("amount", units);
    Fields.different("to", to, "owner", owner);
    return call(contract, owner, new Trc20Call.Transfer(to, requireUint256(units)));
  }

  /**
   * {@code transferFrom(from, to, amount)}: the owner spends what {@code from} approved.
   *
   * @param token the token
   * @param owner the approved spender, who signs
   * @param from the holder who approved the owner
   * @param to the recipient; must differ from {@code from}
   * @param amount greater than 0
   * @return a builder for the options
   */
  public static TransactionBuilder transferFrom(Asset token, Address owner, Address from,
      Address to, TokenAmount amount) {
    return transferFrom(token(token), owner, from, to, units(token, amount));
  }

  /**
   * {@code transferFrom(from, to, units)} on the token contract {@code contract}.
   *
   * @param contract the token contract
   * @param owner the approved spender, who signs
   * @param from the holder who approved the owner
   * @param to the recipient; must differ from {@code from}
   * @param units base units, greater than 0
   * @return a builder for the options
   */
  public static TransactionBuilder transferFrom(Address contract, Address owner, Address from,
      Address to, BigInteger units) {
    Fields.address("contract", contract);
    Fields.address("owner", owner);
    Fields.address("from", from);
    Fields.address("to", to);
    Fields.positive("amount", units);
    Fields.different("to", to, "from", from);
    return call(contract, owner, new Trc20Call.TransferFrom(from, to, requireUint256(units)));
  }

  /**
   * {@code approve(spender, amount)}; an amount of 0 revokes an approval.
   *
   * @param token the token
   * @param owner the holder, who signs
   * @param spender who may spend; must differ from the owner
   * @param amount 0 or more
   * @return a builder for the options
   */
  public static TransactionBuilder approve(Asset token, Address owner, Address spender,
      TokenAmount amount) {
    return approve(token(token), owner, spender, units(token, amount));
  }

  /**
   * {@code approve(spender, units)} on the token contract {@code contract}.
   *
   * @param contract the token contract
   * @param owner the holder, who signs
   * @param spender who may spend; must differ from the owner
   * @param units base units, 0 or more (0 revokes)
   * @return a builder for the options
   */
  public static TransactionBuilder approve(Address contract, Address owner, Address spender,
      BigInteger units) {
    Fields.address("contract", contract);
    Fields.address("owner", owner);
    Fields.address("spender", spender);
    if (units == null || units.signum() < 0) {
      throw new InvalidFieldException("amount", "must be 0 or more, got " + units);
    }
    Fields.different("spender", spender, "owner", owner);
    return call(contract, owner, new Trc20Call.Approve(spender, requireUint256(units)));
  }

  /**
   * Any call with ready-made ABI call data, for functions this class does not model.
   *
   * @param contract the contract
   * @param owner the caller, who signs
   * @param callData the selector and arguments
   * @return a builder for the options
   */
  public static TransactionBuilder rawCall(Address contract, Address owner, byte[] callData) {
    Fields.address("contract", contract);
    Fields.address("owner", owner);
    if (callData == null || callData.length < 4) {
      throw new InvalidFieldException("data", "must hold at least a 4-byte selector");
    }
    return new TransactionBuilder(new TriggerSmartContract(owner, contract, callData));
  }

  private static TransactionBuilder call(Address contract, Address owner, Trc20Call call) {
    return new TransactionBuilder(new TriggerSmartContract(owner, contract, call.encode()));
  }

  private static Address token(Asset token) {
    Objects.requireNonNull(token, "token");
    if (token.isTrx()) {
      throw new InvalidFieldException("token", "TRX is not a TRC20 token; use TrxTransfer");
    }
    return token.contract();
  }

  private static BigInteger units(Asset token, TokenAmount amount) {
    if (amount == null) {
      throw new InvalidFieldException("amount", "is missing");
    }
    if (amount.decimals() != token.decimals()) {
      throw new InvalidFieldException("amount", "has " + amount.decimals() + " decimals but "
          + token.symbol() + " has " + token.decimals());
    }
    return amount.units();
  }

  private static BigInteger requireUint256(BigInteger units) {
    if (units.bitLength() > 256) {
      throw new InvalidFieldException("amount", "exceeds uint256");
    }
    return units;
  }
}

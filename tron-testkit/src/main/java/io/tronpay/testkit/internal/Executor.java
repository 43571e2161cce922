package io.tronpay.testkit.internal;

import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import io.tronpay.core.abi.AbiFormatException;
import io.tronpay.core.abi.Trc20Call;
import io.tronpay.core.abi.TransferEvent;
import io.tronpay.core.tx.CancelAllUnfreezeV2Contract;
import io.tronpay.core.tx.Contract;
import io.tronpay.core.tx.DelegateResourceContract;
import io.tronpay.core.tx.FreezeBalanceV2Contract;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransferContract;
import io.tronpay.core.tx.TriggerSmartContract;
import io.tronpay.core.tx.UnDelegateResourceContract;
import io.tronpay.core.tx.UnfreezeBalanceV2Contract;
import io.tronpay.core.tx.Vote;
import io.tronpay.core.tx.VoteWitnessContract;
import io.tronpay.core.tx.WithdrawBalanceContract;
import io.tronpay.core.tx.WithdrawExpireUnfreezeContract;
import io.tronpay.testkit.internal.World.AccountState;
import io.tronpay.testkit.internal.World.Delegation;
import io.tronpay.testkit.internal.World.TokenState;
import io.tronpay.testkit.internal.World.Unfreezing;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Validates and applies one transaction to a {@link World}, the way java-tron's actuators do,
 * with a simplified resource model: bandwidth from the encoded size, energy from a fixed table.
 */
public final class Executor {
  /** Resource usage recovers linearly over 24 hours, as on mainnet. */
  static final long WINDOW_MS = 86_400_000L;
  private static final long BLOCK_MS = 3_000L;
  private static final long DEFAULT_LOCK_BLOCKS = 86_400L;
  private static final int MAX_UNFREEZING = 32;

  private final Params params;
  private final Set<Address> witnesses;

  /** An executor for the chain's parameters and its super representatives. */
  public Executor(Params params, Set<Address> witnesses) {
    this.params = params;
    this.witnesses = witnesses;
  }

  /** Current usage after linear recovery since {@code last}. */
  static long recovered(long used, long last, long now) {
    long elapsed = Math.max(0, now - last);
    if (elapsed >= WINDOW_MS || used == 0) {
      return 0;
    }
    return BigInteger.valueOf(used).multiply(BigInteger.valueOf(WINDOW_MS - elapsed))
        .divide(BigInteger.valueOf(WINDOW_MS)).longValueExact();
  }

  /** Staked bandwidth an account may still use at {@code now}. */
  public long netAvailable(AccountState a, long now) {
    return params.netLimit(a.frozenBandwidth + a.acquiredBandwidth)
        - recovered(a.netUsed, a.latestNetTime, now);
  }

  /** Free bandwidth an account may still use at {@code now}. */
  public long freeNetAvailable(AccountState a, long now) {
    return params.freeNetLimit() - recovered(a.freeNetUsed, a.latestFreeNetTime, now);
  }

  /** Staked energy an account may still use at {@code now}. */
  public long energyAvailable(AccountState a, long now) {
    return params.energyLimit(a.frozenEnergy + a.acquiredEnergy)
        - recovered(a.energyUsed, a.latestEnergyTime, now);
  }

  /**
   * Validates and applies {@code tx} at block time {@code now}. A contract that reverts or runs
   * out of energy still lands (with its fees); a transaction that fails validation is rejected
   * and leaves the world untouched.
   */
  public Outcome execute(World world, Transaction tx, long now) throws Rejection {
    Contract contract = tx.rawData().contract();
    AccountState owner = world.account(contract.owner());
    if (owner == null) {
      throw Rejection.contractValidate("Validate " + contract.type().protoName()
          + " error, no OwnerAccount.");
    }
    Outcome out = new Outcome(tx);
    if (contract instanceof TransferContract t) {
      transfer(world, owner, t, tx, now, out);
    } else if (contract instanceof TriggerSmartContract t) {
      trigger(world, owner, t, tx, now, out);
    } else {
      validateStake(world, owner, contract, now);
      chargeBandwidth(owner, tx.bandwidthEstimate(), now, out);
      applyStake(world, owner, contract, now, out);
    }
    chargeMemoFee(owner, tx, out);
    owner.latestOperationTime = now;
    out.fee = out.netFee + out.energyFee + out.fee;
    return out;
  }

  private void transfer(World world, AccountState owner, TransferContract t, Transaction tx,
      long now, Outcome out) throws Rejection {
    if (t.amount() <= 0) {
      throw Rejection.contractValidate("Amount must be greater than 0.");
    }
    if (t.to().equals(t.owner())) {
      throw Rejection.contractValidate("Cannot transfer TRX to yourself.");
    }
    boolean create = world.account(t.to()) == null;
    long createFee = create ? params.createNewAccountFeeInSystemContractSun() : 0;
    long bytes = tx.bandwidthEstimate();
    long worstNet = create ? params.createAccountFeeSun() : bytes * params.bandwidthPriceSun();
    if (owner.balance < t.amount() + createFee) {
      throw Rejection.contractValidate(
          "Validate TransferContract error, balance is not sufficient.");
    }
    if (create) {
      // Activating an account cannot use free bandwidth; staked bandwidth or a flat fee pays.
      if (netAvailable(owner, now) >= bytes) {
        useNet(owner, bytes, now);
        out.netUsage = bytes;
      } else {
        if (owner.balance < t.amount() + createFee + worstNet) {
          throw new Rejection("BANDWITH_ERROR", "AccountResourceInsufficient error");
        }
        out.netFee = params.createAccountFeeSun();
        owner.balance -= out.netFee;
      }
      owner.balance -= createFee;
      out.fee = createFee;
    } else {
      chargeBandwidth(owner, bytes, now, out);
      if (owner.balance < t.amount()) {
        throw Rejection.contractValidate(
            "Validate TransferContract error, balance is not sufficient.");
      }
    }
    owner.balance -= t.amount();
    world.activate(t.to(), now).balance += t.amount();
  }

  /**
   * A transaction with a memo ({@code raw_data.data}) burns the memo fee from its owner, whatever
   * its contract's result, as the network does since TIP-387; it is part of the receipt's fee.
   */
  private void chargeMemoFee(AccountState owner, Transaction tx, Outcome out) throws Rejection {
    if (tx.rawData().data().length == 0 || params.memoFeeSun() == 0) {
      return;
    }
    if (owner.balance < params.memoFeeSun()) {
      throw new Rejection("BANDWITH_ERROR", "AccountResourceInsufficient error");
    }
    owner.balance -= params.memoFeeSun();
    out.fee += params.memoFeeSun();
  }

  private void chargeBandwidth(AccountState owner, long bytes, long now, Outcome out)
      throws Rejection {
    if (netAvailable(owner, now) >= bytes) {
      useNet(owner, bytes, now);
      out.netUsage = bytes;
    } else if (freeNetAvailable(owner, now) >= bytes) {
      owner.freeNetUsed = recovered(owner.freeNetUsed, owner.latestFreeNetTime, now) + bytes;
      owner.latestFreeNetTime = now;
      out.netUsage = bytes;
    } else {
      long fee = bytes * params.bandwidthPriceSun();
      if (owner.balance < fee) {
        throw new Rejection("BANDWITH_ERROR", "AccountResourceInsufficient error");
      }
      owner.balance -= fee;
      out.netFee = fee;
    }
  }

  private static void useNet(AccountState owner, long bytes, long now) {
    owner.netUsed = recovered(owner.netUsed, owner.latestNetTime, now) + bytes;
    owner.latestNetTime = now;
  }

  private void trigger(World world, AccountState owner, TriggerSmartContract t, Transaction tx,
      long now, Outcome out) throws Rejection {
    long feeLimit = tx.rawData().feeLimit();
    if (feeLimit < 0 || feeLimit > params.maxFeeLimitSun()) {
      throw Rejection.contractValidate(
          "feeLimit must be >= 0 and <= " + params.maxFeeLimitSun());
    }
    if (!world.isContract(t.contractAddress())) {
      throw Rejection.contractValidate("No contract or not a smart contract");
    }
    if (t.callValue() < 0 || owner.balance < t.callValue()) {
      throw Rejection.contractValidate("Validate InternalTransfer error, balance is not "
          + "sufficient.");
    }
    chargeBandwidth(owner, tx.bandwidthEstimate(), now, out);
    out.contractAddress = t.contractAddress();

    World scratch = world.copy();
    Call call = new Call(scratch, t.owner(), t.contractAddress(), t.data(), out, tx);
    long energy = run(call);

    long fromStake = Math.min(Math.max(0, energyAvailable(owner, now)), energy);
    long burn = (energy - fromStake) * params.energyPriceSun();
    long maxBurn = Math.min(feeLimit, owner.balance);
    if (burn > maxBurn) {
      long affordable = fromStake + maxBurn / params.energyPriceSun();
      useEnergy(owner, fromStake, now);
      owner.balance -= maxBurn;
      out.energyUsage = fromStake;
      out.energyFee = maxBurn;
      out.energyUsageTotal = affordable;
      out.contractRet = "OUT_OF_ENERGY";
      out.receiptResult = "OUT_OF_ENERGY";
      out.resMessage = "Not enough energy for 'SSTORE' operation executing: curInvokeEnergyLimit["
          + affordable + "], curOpEnergy[" + (energy - affordable) + "], usedEnergy[" + affordable
          + "]";
      out.logs.clear();
      out.transfers.clear();
      out.internalCalls.clear();
      out.contractResultHex = "";
      return;
    }
    useEnergy(owner, fromStake, now);
    owner.balance -= burn;
    out.energyUsage = fromStake;
    out.energyFee = burn;
    out.energyUsageTotal = energy;
    out.receiptResult = out.contractRet;
    if (out.succeeded()) {
      world.tokens.clear();
      world.tokens.putAll(scratch.tokens);
      owner.balance -= t.callValue();
    }
  }

  private static void useEnergy(AccountState owner, long energy, long now) {
    if (energy > 0) {
      owner.energyUsed = recovered(owner.energyUsed, owner.latestEnergyTime, now) + energy;
      owner.latestEnergyTime = now;
    }
  }

  /** A contract call in progress. */
  private record Call(World world, Address caller, Address contract, byte[] data, Outcome out,
      Transaction tx) {}

  /** Runs a call; sets the outcome's result, logs and return data; returns the energy used. */
  private long run(Call call) {
    TokenState token = call.world.tokens.get(call.contract);
    if (token != null) {
      return runToken(call, token);
    }
    Address relayedToken = call.world.relays.get(call.contract);
    if (relayedToken != null) {
      // The relay forwards its call data to the token as its own call: an internal transaction.
      byte[] hash = Hashes.sha256(concat(call.tx.txIdBytes(), call.contract.toBytes()));
      call.out.internalCalls.add(new Outcome.InternalCall(call.contract, relayedToken, hash));
      Call inner = new Call(call.world, call.contract, relayedToken, call.data, call.out, call.tx);
      return params.relayOverheadEnergy() + runToken(inner, call.world.tokens.get(relayedToken));
    }
    return revert(call.out, "");
  }

  private long runToken(Call call, TokenState token) {
    Trc20Call decoded;
    try {
      decoded = Trc20Call.decode(call.data);
    } catch (AbiFormatException e) {
      return revert(call.out, "");
    }
    if (decoded instanceof Trc20Call.Transfer t) {
      return move(call, token, call.caller, t.to(), t.value());
    }
    if (decoded instanceof Trc20Call.TransferFrom t) {
      BigInteger allowed = token.allowance(t.from(), call.caller);
      if (allowed.compareTo(t.value()) < 0) {
        return revert(call.out, "");
      }
      long energy = move(call, token, t.from(), t.to(), t.value());
      if (call.out.succeeded()) {
        token.allowances.computeIfAbsent(t.from(), k -> new java.util.TreeMap<>())
            .put(call.caller, allowed.subtract(t.value()));
      }
      return energy;
    }
    if (decoded instanceof Trc20Call.Approve a) {
      if (token.blacklist.contains(call.caller)) {
        return revert(call.out, "");
      }
      token.allowances.computeIfAbsent(call.caller, k -> new java.util.TreeMap<>())
          .put(a.spender(), a.value());
      byte[] ownerWord = word(call.caller);
      byte[] spenderWord = word(a.spender());
      byte[] topic = Hashes.keccak256(
          "Approval(address,address,uint256)".getBytes(StandardCharsets.US_ASCII));
      call.out.logs.add(new Outcome.Log(token.address, List.of(topic, ownerWord, spenderWord),
          uint(a.value())));
      call.out.contractResultHex = hex(uint(BigInteger.ONE));
      return params.approveEnergy();
    }
    if (decoded instanceof Trc20Call.BalanceOf b) {
      call.out.contractResultHex = hex(uint(token.balanceOf(b.owner())));
      return params.readEnergy();
    }
    if (decoded instanceof Trc20Call.Allowance a) {
      call.out.contractResultHex = hex(uint(token.allowance(a.owner(), a.spender())));
      return params.readEnergy();
    }
    call.out.contractResultHex = hex(uint(BigInteger.valueOf(token.decimals)));
    return params.readEnergy();
  }

  /** Moves tokens like TetherToken: a blacklisted sender or a short balance reverts. */
  private long move(Call call, TokenState token, Address from, Address to, BigInteger value) {
    if (token.blacklist.contains(from) || token.balanceOf(from).compareTo(value) < 0) {
      return revert(call.out, "");
    }
    boolean freshHolder = token.balanceOf(to).signum() == 0 && value.signum() > 0;
    token.balances.put(from, token.balanceOf(from).subtract(value));
    token.balances.put(to, token.balanceOf(to).add(value));
    TransferEvent event = new TransferEvent(from, to, value);
    call.out.logs.add(new Outcome.Log(token.address, event.topics(), event.data()));
    call.out.transfers.add(new Outcome.TokenTransfer(token.address, from, to, value));
    // Mainnet's USDT returns no value from transfer; the node shows a zero word.
    call.out.contractResultHex = hex(new byte[32]);
    return freshHolder ? params.transferEnergyToNewHolder() : params.transferEnergyToHolder();
  }

  private long revert(Outcome out, String reason) {
    out.contractRet = "REVERT";
    out.resMessage = "REVERT opcode executed" + reason;
    out.logs.clear();
    out.transfers.clear();
    out.contractResultHex = "";
    return params.revertEnergy();
  }

  private void validateStake(World world, AccountState owner, Contract contract, long now)
      throws Rejection {
    if (contract instanceof FreezeBalanceV2Contract f) {
      if (f.frozenBalance() < 1_000_000L) {
        throw Rejection.contractValidate("frozenBalance must be greater than or equal to 1 TRX");
      }
      if (f.frozenBalance() > owner.balance) {
        throw Rejection.contractValidate(
            "frozenBalance must be less than or equal to accountBalance");
      }
      if (f.resource() == ResourceCode.TRON_POWER) {
        throw Rejection.contractValidate("ResourceCode error, valid ResourceCode[BANDWIDTH、ENERGY]");
      }
    } else if (contract instanceof UnfreezeBalanceV2Contract u) {
      long frozen = u.resource() == ResourceCode.ENERGY ? owner.frozenEnergy
          : owner.frozenBandwidth;
      if (u.unfreezeBalance() <= 0 || u.unfreezeBalance() > frozen) {
        throw Rejection.contractValidate("Invalid unfreeze_balance, [" + u.unfreezeBalance()
            + "] is invalid");
      }
      if (owner.unfreezing.stream().filter(x -> x.expireTime() > now).count()
          >= MAX_UNFREEZING) {
        throw Rejection.contractValidate("Invalid unfreeze operation, unfreezing times is over "
            + "limit");
      }
    } else if (contract instanceof WithdrawExpireUnfreezeContract) {
      if (owner.unfreezing.stream().noneMatch(x -> x.expireTime() <= now)) {
        throw Rejection.contractValidate("no unFreeze balance to withdraw ");
      }
    } else if (contract instanceof CancelAllUnfreezeV2Contract) {
      if (owner.unfreezing.isEmpty()) {
        throw Rejection.contractValidate("No unfreezeV2 list to cancel");
      }
    } else if (contract instanceof DelegateResourceContract d) {
      long available = d.resource() == ResourceCode.ENERGY ? owner.frozenEnergy
          : owner.frozenBandwidth;
      if (d.balance() < 1_000_000L) {
        throw Rejection.contractValidate("delegateBalance must be greater than or equal to 1 TRX");
      }
      if (d.balance() > available) {
        throw Rejection.contractValidate("delegateBalance must be less than or equal to "
            + "available FreezeV2 balance");
      }
      if (d.receiver().equals(d.owner())) {
        throw Rejection.contractValidate("receiverAddress must not be the same as ownerAddress");
      }
      if (world.account(d.receiver()) == null) {
        throw Rejection.contractValidate("Account[" + d.receiver().toHex() + "] not exists");
      }
    } else if (contract instanceof UnDelegateResourceContract u) {
      Delegation d = owner.delegations.get(u.receiver());
      boolean energy = u.resource() == ResourceCode.ENERGY;
      long amount = d == null ? 0 : energy ? d.energy : d.bandwidth;
      long lockExpire = d == null ? 0 : energy ? d.energyLockExpire : d.bandwidthLockExpire;
      if (amount == 0) {
        throw Rejection.contractValidate("delegated Resource does not exist");
      }
      if (lockExpire > now) {
        throw Rejection.contractValidate("insufficient delegatedFrozenBalance(" + u.resource()
            + "), request=" + u.balance() + ", unlock_balance=0");
      }
      if (u.balance() <= 0 || u.balance() > amount) {
        throw Rejection.contractValidate("insufficient delegatedFrozenBalance(" + u.resource()
            + "), request=" + u.balance() + ", unlock_balance=" + amount);
      }
    } else if (contract instanceof VoteWitnessContract v) {
      long total = 0;
      for (Vote vote : v.votes()) {
        if (!witnesses.contains(vote.witness())) {
          throw Rejection.contractValidate("Witness[" + vote.witness().toHex() + "] not exists");
        }
        if (vote.count() <= 0) {
          throw Rejection.contractValidate("vote count must be greater than 0");
        }
        total += vote.count();
      }
      long power = owner.tronPowerSun() / 1_000_000L;
      if (total > power) {
        throw Rejection.contractValidate("The total number of votes[" + total
            + "] is greater than the tronPower[" + power + "]");
      }
    } else if (contract instanceof WithdrawBalanceContract) {
      if (owner.latestWithdrawTime > 0 && now - owner.latestWithdrawTime < WINDOW_MS) {
        throw Rejection.contractValidate("The last withdraw time is "
            + owner.latestWithdrawTime + ", less than 24 hours");
      }
      if (owner.allowance <= 0) {
        throw Rejection.contractValidate("witnessAccount does not have any reward");
      }
    }
  }

  private void applyStake(World world, AccountState owner, Contract contract, long now,
      Outcome out) {
    if (contract instanceof FreezeBalanceV2Contract f) {
      owner.balance -= f.frozenBalance();
      if (f.resource() == ResourceCode.ENERGY) {
        owner.frozenEnergy += f.frozenBalance();
      } else {
        owner.frozenBandwidth += f.frozenBalance();
      }
    } else if (contract instanceof UnfreezeBalanceV2Contract u) {
      out.withdrawExpireAmount = withdrawExpired(owner, now);
      if (u.resource() == ResourceCode.ENERGY) {
        owner.frozenEnergy -= u.unfreezeBalance();
      } else {
        owner.frozenBandwidth -= u.unfreezeBalance();
      }
      owner.unfreezing.add(new Unfreezing(u.resource(), u.unfreezeBalance(),
          now + params.unfreezeDelayDays() * WINDOW_MS));
      out.unfreezeAmount = u.unfreezeBalance();
      long power = owner.tronPowerSun() / 1_000_000L;
      long voted = owner.votes.values().stream().mapToLong(Long::longValue).sum();
      if (voted > power) {
        owner.votes.clear();
      }
    } else if (contract instanceof WithdrawExpireUnfreezeContract) {
      out.withdrawExpireAmount = withdrawExpired(owner, now);
    } else if (contract instanceof CancelAllUnfreezeV2Contract) {
      out.withdrawExpireAmount = withdrawExpired(owner, now);
      long bandwidth = 0;
      long energy = 0;
      for (Unfreezing u : owner.unfreezing) {
        if (u.resource() == ResourceCode.ENERGY) {
          energy += u.amount();
        } else {
          bandwidth += u.amount();
        }
      }
      owner.unfreezing.clear();
      owner.frozenBandwidth += bandwidth;
      owner.frozenEnergy += energy;
      out.cancelUnfreezeAmounts.put("BANDWIDTH", bandwidth);
      out.cancelUnfreezeAmounts.put("ENERGY", energy);
      out.cancelUnfreezeAmounts.put("TRON_POWER", 0L);
    } else if (contract instanceof DelegateResourceContract d) {
      Delegation delegation = owner.delegations.computeIfAbsent(d.receiver(),
          k -> new Delegation());
      AccountState receiver = world.account(d.receiver());
      long lockBlocks = d.lockPeriod() > 0 ? d.lockPeriod() : DEFAULT_LOCK_BLOCKS;
      long lockExpire = d.lock() ? now + lockBlocks * BLOCK_MS : 0;
      if (d.resource() == ResourceCode.ENERGY) {
        owner.frozenEnergy -= d.balance();
        owner.delegatedEnergy += d.balance();
        receiver.acquiredEnergy += d.balance();
        delegation.energy += d.balance();
        delegation.energyLockExpire = Math.max(delegation.energyLockExpire, lockExpire);
      } else {
        owner.frozenBandwidth -= d.balance();
        owner.delegatedBandwidth += d.balance();
        receiver.acquiredBandwidth += d.balance();
        delegation.bandwidth += d.balance();
        delegation.bandwidthLockExpire = Math.max(delegation.bandwidthLockExpire, lockExpire);
      }
    } else if (contract instanceof UnDelegateResourceContract u) {
      Delegation delegation = owner.delegations.get(u.receiver());
      AccountState receiver = world.account(u.receiver());
      if (u.resource() == ResourceCode.ENERGY) {
        delegation.energy -= u.balance();
        owner.delegatedEnergy -= u.balance();
        owner.frozenEnergy += u.balance();
        receiver.acquiredEnergy -= u.balance();
      } else {
        delegation.bandwidth -= u.balance();
        owner.delegatedBandwidth -= u.balance();
        owner.frozenBandwidth += u.balance();
        receiver.acquiredBandwidth -= u.balance();
      }
      if (delegation.energy == 0 && delegation.bandwidth == 0) {
        owner.delegations.remove(u.receiver());
      }
    } else if (contract instanceof VoteWitnessContract v) {
      owner.votes.clear();
      for (Vote vote : v.votes()) {
        owner.votes.merge(vote.witness(), vote.count(), Long::sum);
      }
    } else if (contract instanceof WithdrawBalanceContract) {
      out.withdrawAmount = owner.allowance;
      owner.balance += owner.allowance;
      owner.allowance = 0;
      owner.latestWithdrawTime = now;
    }
  }

  private static long withdrawExpired(AccountState owner, long now) {
    long total = 0;
    Iterator<Unfreezing> it = owner.unfreezing.iterator();
    while (it.hasNext()) {
      Unfreezing u = it.next();
      if (u.expireTime() <= now) {
        total += u.amount();
        it.remove();
      }
    }
    owner.balance += total;
    return total;
  }

  static byte[] word(Address address) {
    byte[] out = new byte[32];
    System.arraycopy(address.accountId(), 0, out, 12, 20);
    return out;
  }

  static byte[] uint(BigInteger value) {
    byte[] magnitude = value.toByteArray();
    byte[] out = new byte[32];
    int skip = magnitude.length > 32 ? 1 : 0;
    System.arraycopy(magnitude, skip, out, 32 - (magnitude.length - skip),
        magnitude.length - skip);
    return out;
  }

  static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
  }
}

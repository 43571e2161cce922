package io.tronpay.testkit.internal;

import io.tronpay.core.Address;
import io.tronpay.core.tx.ResourceCode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The whole simulated state after some block: accounts and token contracts. Deep-copied per block
 * so that a reorg or a solidified-head query can go back to an earlier state.
 */
public final class World {
  /** Accounts by address, in address order so that iteration is deterministic. */
  public final Map<Address, AccountState> accounts = new TreeMap<>();
  /** TRC20 contracts by address. */
  public final Map<Address, TokenState> tokens = new TreeMap<>();
  /** Relay contracts: calling one makes it call transfer on its token (an internal call). */
  public final Map<Address, Address> relays = new TreeMap<>();

  /** A deep copy. */
  public World copy() {
    World w = new World();
    accounts.forEach((a, s) -> w.accounts.put(a, s.copy()));
    tokens.forEach((a, t) -> w.tokens.put(a, t.copy()));
    w.relays.putAll(relays);
    return w;
  }

  /** The account, or null when it was never activated. */
  public AccountState account(Address address) {
    return accounts.get(address);
  }

  /** The account, activating it at {@code time} when it does not exist. */
  public AccountState activate(Address address, long time) {
    return accounts.computeIfAbsent(address, a -> new AccountState(a, time));
  }

  /** Whether an address holds code (a token or a relay). */
  public boolean isContract(Address address) {
    return tokens.containsKey(address) || relays.containsKey(address);
  }

  /** A pending Stake 2.0 unfreeze. */
  public record Unfreezing(ResourceCode resource, long amount, long expireTime) {}

  /** A Stake 2.0 delegation from one account to another. */
  public static final class Delegation {
    public long bandwidth;
    public long energy;
    public long bandwidthLockExpire;
    public long energyLockExpire;

    Delegation copy() {
      Delegation d = new Delegation();
      d.bandwidth = bandwidth;
      d.energy = energy;
      d.bandwidthLockExpire = bandwidthLockExpire;
      d.energyLockExpire = energyLockExpire;
      return d;
    }
  }

  /** A permission: who may sign and with what weight. */
  public record Permission(int id, String name, int threshold, Map<Address, Integer> keys) {
    /** Copies the key map. */
    public Permission {
      keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }
  }

  /** One account's mutable state. */
  public static final class AccountState {
    public final Address address;
    public final long createTime;
    public long balance;
    public long latestOperationTime;
    public long frozenBandwidth;
    public long frozenEnergy;
    public long delegatedBandwidth;
    public long delegatedEnergy;
    public long acquiredBandwidth;
    public long acquiredEnergy;
    public List<Unfreezing> unfreezing = new ArrayList<>();
    /** Delegations this account made, by receiver. */
    public Map<Address, Delegation> delegations = new TreeMap<>();
    public Map<Address, Long> votes = new LinkedHashMap<>();
    public long allowance;
    public long latestWithdrawTime;
    public long freeNetUsed;
    public long latestFreeNetTime;
    public long netUsed;
    public long latestNetTime;
    public long energyUsed;
    public long latestEnergyTime;
    public Permission owner;
    public List<Permission> active = new ArrayList<>();

    AccountState(Address address, long createTime) {
      this.address = address;
      this.createTime = createTime;
      this.latestOperationTime = createTime;
      this.owner = new Permission(0, "owner", 1, Map.of(address, 1));
      this.active.add(new Permission(2, "active", 1, Map.of(address, 1)));
    }

    AccountState copy() {
      AccountState c = new AccountState(address, createTime);
      c.balance = balance;
      c.latestOperationTime = latestOperationTime;
      c.frozenBandwidth = frozenBandwidth;
      c.frozenEnergy = frozenEnergy;
      c.delegatedBandwidth = delegatedBandwidth;
      c.delegatedEnergy = delegatedEnergy;
      c.acquiredBandwidth = acquiredBandwidth;
      c.acquiredEnergy = acquiredEnergy;
      c.unfreezing = new ArrayList<>(unfreezing);
      c.delegations = new TreeMap<>();
      delegations.forEach((k, v) -> c.delegations.put(k, v.copy()));
      c.votes = new LinkedHashMap<>(votes);
      c.allowance = allowance;
      c.latestWithdrawTime = latestWithdrawTime;
      c.freeNetUsed = freeNetUsed;
      c.latestFreeNetTime = latestFreeNetTime;
      c.netUsed = netUsed;
      c.latestNetTime = latestNetTime;
      c.energyUsed = energyUsed;
      c.latestEnergyTime = latestEnergyTime;
      c.owner = owner;
      c.active = new ArrayList<>(active);
      return c;
    }

    /** All TRX staked by this account, for itself or delegated: its voting power in sun. */
    public long tronPowerSun() {
      return frozenBandwidth + frozenEnergy + delegatedBandwidth + delegatedEnergy;
    }

    /** The permission with this id (0 owner, 2+ active), or null. */
    public Permission permission(int id) {
      if (id == 0) {
        return owner;
      }
      for (Permission p : active) {
        if (p.id() == id) {
          return p;
        }
      }
      return null;
    }
  }

  /** A TRC20 token contract with USDT semantics. */
  public static final class TokenState {
    public final Address address;
    public final String name;
    public final String symbol;
    public final int decimals;
    public BigInteger totalSupply = BigInteger.ZERO;
    public Map<Address, BigInteger> balances = new TreeMap<>();
    public Map<Address, Map<Address, BigInteger>> allowances = new TreeMap<>();
    public Set<Address> blacklist = new HashSet<>();

    public TokenState(Address address, String name, String symbol, int decimals) {
      this.address = address;
      this.name = name;
      this.symbol = symbol;
      this.decimals = decimals;
    }

    TokenState copy() {
      TokenState c = new TokenState(address, name, symbol, decimals);
      c.totalSupply = totalSupply;
      c.balances = new TreeMap<>(balances);
      c.allowances = new TreeMap<>();
      allowances.forEach((k, v) -> c.allowances.put(k, new TreeMap<>(v)));
      c.blacklist = new HashSet<>(blacklist);
      return c;
    }

    /** The balance of {@code holder}, zero when it never held any. */
    public BigInteger balanceOf(Address holder) {
      return balances.getOrDefault(holder, BigInteger.ZERO);
    }

    /** What {@code spender} may still move from {@code owner}. */
    public BigInteger allowance(Address owner, Address spender) {
      return allowances.getOrDefault(owner, Map.of()).getOrDefault(spender, BigInteger.ZERO);
    }
  }
}

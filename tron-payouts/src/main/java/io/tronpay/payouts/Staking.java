package io.tronpay.payouts;

import io.tronpay.core.Address;
import io.tronpay.core.tx.CancelAllUnfreezeV2Contract;
import io.tronpay.core.tx.DelegateResourceContract;
import io.tronpay.core.tx.FreezeBalanceV2Contract;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.UnDelegateResourceContract;
import io.tronpay.core.tx.UnfreezeBalanceV2Contract;
import io.tronpay.core.tx.Vote;
import io.tronpay.core.tx.VoteWitnessContract;
import io.tronpay.core.tx.WithdrawBalanceContract;
import io.tronpay.core.tx.WithdrawExpireUnfreezeContract;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Stake 2.0 transactions: freeze, unfreeze, delegate, undelegate, withdraw, cancel, vote and
 * claim rewards. Amounts are sun. Each factory checks its fields and returns a {@link
 * TransactionBuilder} for the common options.
 */
public final class Staking {
  /** Mainnet's {@code getMaxDelegateLockPeriod}: 864,000 blocks (30 days of 3 s blocks). */
  public static final long DEFAULT_MAX_LOCK_PERIOD_BLOCKS = 864_000L;
  /** java-tron accepts at most 30 witnesses in one vote. */
  public static final int MAX_VOTE_WITNESSES = 30;

  private Staking() {}

  /**
   * {@code FreezeBalanceV2Contract}: stakes TRX for bandwidth or energy.
   *
   * @param owner the staking account
   * @param sun greater than 0 (the network asks at least 1 TRX)
   * @param resource {@code BANDWIDTH} or {@code ENERGY}
   * @return a builder for the options
   */
  public static TransactionBuilder freezeV2(Address owner, long sun, ResourceCode resource) {
    Fields.address("owner", owner);
    Fields.positive("frozenBalance", sun);
    return new TransactionBuilder(new FreezeBalanceV2Contract(owner, sun, stakable(resource)));
  }

  /**
   * {@code UnfreezeBalanceV2Contract}: starts unstaking; withdraw after the waiting period.
   *
   * @param owner the staking account
   * @param sun greater than 0
   * @param resource the resource the TRX was staked for
   * @return a builder for the options
   */
  public static TransactionBuilder unfreezeV2(Address owner, long sun, ResourceCode resource) {
    Fields.address("owner", owner);
    Fields.positive("unfreezeBalance", sun);
    return new TransactionBuilder(new UnfreezeBalanceV2Contract(owner, sun, stakable(resource)));
  }

  /**
   * {@code DelegateResourceContract} without a lock: the owner may take it back at any time.
   *
   * @param owner the staking account
   * @param receiver who gets the resource; must differ from the owner
   * @param resource {@code BANDWIDTH} or {@code ENERGY}
   * @param sun staked TRX whose resource is delegated, greater than 0
   * @return a builder for the options
   */
  public static TransactionBuilder delegate(Address owner, Address receiver,
      ResourceCode resource, long sun) {
    return delegate(owner, receiver, resource, sun, false, 0, DEFAULT_MAX_LOCK_PERIOD_BLOCKS);
  }

  /**
   * {@code DelegateResourceContract} locked for {@code lockPeriodBlocks}: it cannot be taken
   * back before then.
   *
   * @param owner the staking account
   * @param receiver who gets the resource; must differ from the owner
   * @param resource {@code BANDWIDTH} or {@code ENERGY}
   * @param sun greater than 0
   * @param lockPeriodBlocks 3 s blocks, 0 (the network default of 3 days) up to {@link
   *     #DEFAULT_MAX_LOCK_PERIOD_BLOCKS}
   * @return a builder for the options
   */
  public static TransactionBuilder delegateLocked(Address owner, Address receiver,
      ResourceCode resource, long sun, long lockPeriodBlocks) {
    return delegate(owner, receiver, resource, sun, true, lockPeriodBlocks,
        DEFAULT_MAX_LOCK_PERIOD_BLOCKS);
  }

  /**
   * {@link #delegateLocked} for a network whose {@code getMaxDelegateLockPeriod} differs from
   * mainnet's.
   *
   * @param owner the staking account
   * @param receiver who gets the resource; must differ from the owner
   * @param resource {@code BANDWIDTH} or {@code ENERGY}
   * @param sun greater than 0
   * @param lockPeriodBlocks 0 up to {@code maxLockPeriodBlocks}
   * @param maxLockPeriodBlocks the network's maximum
   * @return a builder for the options
   */
  public static TransactionBuilder delegateLocked(Address owner, Address receiver,
      ResourceCode resource, long sun, long lockPeriodBlocks, long maxLockPeriodBlocks) {
    return delegate(owner, receiver, resource, sun, true, lockPeriodBlocks, maxLockPeriodBlocks);
  }

  private static TransactionBuilder delegate(Address owner, Address receiver,
      ResourceCode resource, long sun, boolean lock, long lockPeriod, long maxLockPeriod) {
    Fields.address("owner", owner);
    Fields.address("receiver", receiver);
    Fields.positive("balance", sun);
    Fields.different("receiver", receiver, "owner", owner);
    if (lockPeriod < 0 || lockPeriod > maxLockPeriod) {
      throw new InvalidFieldException("lockPeriod",
          "must be 0 to " + maxLockPeriod + " blocks, got " + lockPeriod);
    }
    return new TransactionBuilder(new DelegateResourceContract(owner, stakable(resource), sun,
        receiver, lock, lockPeriod));
  }

  /**
   * {@code UnDelegateResourceContract}: takes back a delegated resource.
   *
   * @param owner the staking account
   * @param receiver who had the resource; must differ from the owner
   * @param resource {@code BANDWIDTH} or {@code ENERGY}
   * @param sun greater than 0
   * @return a builder for the options
   */
  public static TransactionBuilder undelegate(Address owner, Address receiver,
      ResourceCode resource, long sun) {
    Fields.address("owner", owner);
    Fields.address("receiver", receiver);
    Fields.positive("balance", sun);
    Fields.different("receiver", receiver, "owner", owner);
    return new TransactionBuilder(new UnDelegateResourceContract(owner, stakable(resource), sun,
        receiver));
  }

  /**
   * {@code WithdrawExpireUnfreezeContract}: withdraws unstaked TRX whose waiting period ended.
   *
   * @param owner the account
   * @return a builder for the options
   */
  public static TransactionBuilder withdrawExpireUnfreeze(Address owner) {
    return new TransactionBuilder(
        new WithdrawExpireUnfreezeContract(Fields.address("owner", owner)));
  }

  /**
   * {@code CancelAllUnfreezeV2Contract}: re-stakes every pending unstake.
   *
   * @param owner the account
   * @return a builder for the options
   */
  public static TransactionBuilder cancelAllUnfreezeV2(Address owner) {
    return new TransactionBuilder(
        new CancelAllUnfreezeV2Contract(Fields.address("owner", owner)));
  }

  /**
   * {@code VoteWitnessContract}: votes for one or more witnesses, replacing earlier votes.
   *
   * @param owner the voter
   * @param votes 1 to 30 entries, each witness once, each count greater than 0
   * @return a builder for the options
   */
  public static TransactionBuilder vote(Address owner, List<Vote> votes) {
    Fields.address("owner", owner);
    if (votes == null || votes.isEmpty()) {
      throw new InvalidFieldException("votes", "at least one vote is required");
    }
    if (votes.size() > MAX_VOTE_WITNESSES) {
      throw new InvalidFieldException("votes",
          "at most " + MAX_VOTE_WITNESSES + " witnesses, got " + votes.size());
    }
    Set<Address> seen = new HashSet<>();
    for (int i = 0; i < votes.size(); i++) {
      Vote vote = Objects.requireNonNull(votes.get(i), "vote");
      Fields.positive("votes[" + i + "].count", vote.count());
      if (!seen.add(vote.witness())) {
        throw new InvalidFieldException("votes[" + i + "].witness",
            vote.witness().toBase58() + " appears twice");
      }
    }
    return new TransactionBuilder(new VoteWitnessContract(owner, votes));
  }

  /**
   * {@code WithdrawBalanceContract}: claims the voting rewards.
   *
   * @param owner the voter
   * @return a builder for the options
   */
  public static TransactionBuilder claimRewards(Address owner) {
    return new TransactionBuilder(new WithdrawBalanceContract(Fields.address("owner", owner)));
  }

  private static ResourceCode stakable(ResourceCode resource) {
    if (resource == null) {
      throw new InvalidFieldException("resource", "is missing");
    }
    if (resource == ResourceCode.TRON_POWER) {
      throw new InvalidFieldException("resource", "must be BANDWIDTH or ENERGY, got TRON_POWER");
    }
    return resource;
  }
}

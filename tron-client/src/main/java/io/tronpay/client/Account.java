package io.tronpay.client;

import io.tronpay.core.Address;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Vote;
import java.util.List;
import java.util.Objects;

/**
 * An account ({@code getaccount}). Amounts are sun.
 *
 * @param address the account
 * @param balance spendable TRX, sun
 * @param createTime creation time, epoch milliseconds (0 if the node gave none)
 * @param frozenV2 Stake 2.0 stakes, one per resource
 * @param unfrozenV2 Stake 2.0 unstakes waiting out their period
 * @param votes current votes
 * @param ownerPermission the owner permission, or null if the node gave none
 * @param activePermissions the active permissions
 */
public record Account(
    Address address,
    long balance,
    long createTime,
    List<Stake> frozenV2,
    List<Unstake> unfrozenV2,
    List<Vote> votes,
    Permission ownerPermission,
    List<Permission> activePermissions) {
  /** Checks the fields and copies the lists. */
  public Account {
    Objects.requireNonNull(address, "address");
    frozenV2 = List.copyOf(frozenV2);
    unfrozenV2 = List.copyOf(unfrozenV2);
    votes = List.copyOf(votes);
    activePermissions = List.copyOf(activePermissions);
  }

  /**
   * TRX staked for a resource.
   *
   * @param resource the resource
   * @param amount sun
   */
  public record Stake(ResourceCode resource, long amount) {}

  /**
   * TRX being unstaked.
   *
   * @param resource the resource it was staked for
   * @param amount sun
   * @param expireTime when it can be withdrawn, epoch milliseconds
   */
  public record Unstake(ResourceCode resource, long amount, long expireTime) {}

  /**
   * A permission: who may sign, with what weight.
   *
   * @param type {@code Owner}, {@code Witness} or {@code Active}
   * @param id 0 for owner, 2 and up for active permissions
   * @param name the permission's name
   * @param threshold the weight the signatures must reach
   * @param keys the keys and their weights
   */
  public record Permission(String type, int id, String name, long threshold, List<Key> keys) {
    /** Copies the list. */
    public Permission {
      keys = List.copyOf(keys);
    }
  }

  /**
   * A key of a permission.
   *
   * @param address the signer
   * @param weight its weight
   */
  public record Key(Address address, long weight) {}
}

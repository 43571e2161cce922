package io.tronpay.core.tx;

import io.tronpay.core.Address;
import java.util.List;
import java.util.Objects;

/**
 * Votes for super representatives; replaces the account's previous votes.
 *
 * @param owner the voter
 * @param votes one entry per witness
 * @param support the protocol's legacy {@code support} flag, normally false
 */
public record VoteWitnessContract(Address owner, List<Vote> votes, boolean support)
    implements Contract {
  /** Checks the fields and copies the list. */
  public VoteWitnessContract {
    Objects.requireNonNull(owner, "owner");
    votes = List.copyOf(votes);
  }

  /** Votes without the legacy support flag. */
  public VoteWitnessContract(Address owner, List<Vote> votes) {
    this(owner, votes, false);
  }

  @Override
  public ContractType type() {
    return ContractType.VOTE_WITNESS_CONTRACT;
  }
}

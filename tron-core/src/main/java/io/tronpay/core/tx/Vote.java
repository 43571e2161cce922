package io.tronpay.core.tx;

import io.tronpay.core.Address;
import java.util.Objects;

/**
 * One vote entry of a {@link VoteWitnessContract}.
 *
 * @param witness the super representative candidate
 * @param count votes (Tron Power units)
 */
public record Vote(Address witness, long count) {
  /** Checks that the witness is present. */
  public Vote {
    Objects.requireNonNull(witness, "witness");
  }
}

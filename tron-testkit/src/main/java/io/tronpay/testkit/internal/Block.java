package io.tronpay.testkit.internal;

import io.tronpay.core.Address;
import java.util.HexFormat;
import java.util.List;

/**
 * A mined block: its id (8-byte number then 24 bytes of hash), parent, time, producer and the
 * outcomes of its transactions in order.
 */
public record Block(long number, byte[] id, byte[] parentId, long timestamp, Address witness,
    byte[] txTrieRoot, List<Outcome> outcomes) {

  /** Copies the list. */
  public Block {
    outcomes = List.copyOf(outcomes);
  }

  /** The id in hex, the node's {@code blockID}. */
  public String idHex() {
    return HexFormat.of().formatHex(id);
  }
}

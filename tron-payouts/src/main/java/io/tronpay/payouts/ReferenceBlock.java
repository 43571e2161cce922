package io.tronpay.payouts;

import io.tronpay.client.Block;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The recent block a transaction refers to (TaPoS) and the time it is built at. Get one from a
 * node ({@link #of(Block)} on {@code TronClient.getNowBlock()}), or give it by hand for cold
 * signing on a machine with no network.
 */
public final class ReferenceBlock {
  private final byte[] refBlockBytes;
  private final byte[] refBlockHash;
  private final long timestamp;

  private ReferenceBlock(byte[] refBlockBytes, byte[] refBlockHash, long timestamp) {
    this.refBlockBytes = refBlockBytes;
    this.refBlockHash = refBlockHash;
    this.timestamp = timestamp;
  }

  /**
   * The reference of a block a node returned; its timestamp becomes the transaction's.
   *
   * @param block such as {@code TronClient.getNowBlock()}
   * @return the reference
   */
  public static ReferenceBlock of(Block block) {
    Objects.requireNonNull(block, "block");
    return of(block.number(), block.blockId(), block.timestamp());
  }

  /**
   * The reference of block {@code number} with id {@code blockIdHex}.
   *
   * @param number the block's height
   * @param blockIdHex the 32-byte block id in hex; its first 8 bytes are the height
   * @param timestamp the time the transaction is built at, epoch milliseconds
   * @return the reference
   * @throws InvalidFieldException if the id is malformed or is not the id of that height
   */
  public static ReferenceBlock of(long number, String blockIdHex, long timestamp) {
    byte[] id = hex("blockId", blockIdHex);
    if (id.length != 32) {
      throw new InvalidFieldException("blockId", "must be 32 bytes, got " + id.length);
    }
    long idNumber = 0;
    for (int i = 0; i < 8; i++) {
      idNumber = (idNumber << 8) | (id[i] & 0xFFL);
    }
    if (idNumber != number) {
      throw new InvalidFieldException("blockId",
          "starts with height " + idNumber + ", not " + number);
    }
    return new ReferenceBlock(Arrays.copyOfRange(id, 6, 8), Arrays.copyOfRange(id, 8, 16),
        requireTime(timestamp));
  }

  /**
   * A reference from the raw TaPoS fields, as a transaction's JSON carries them.
   *
   * @param refBlockBytesHex {@code ref_block_bytes}: 2 bytes in hex
   * @param refBlockHashHex {@code ref_block_hash}: 8 bytes in hex
   * @param timestamp the time the transaction is built at, epoch milliseconds
   * @return the reference
   * @throws InvalidFieldException if a field has the wrong length or is not hex
   */
  public static ReferenceBlock ofTapos(String refBlockBytesHex, String refBlockHashHex,
      long timestamp) {
    byte[] bytes = hex("refBlockBytes", refBlockBytesHex);
    if (bytes.length != 2) {
      throw new InvalidFieldException("refBlockBytes", "must be 2 bytes, got " + bytes.length);
    }
    byte[] hash = hex("refBlockHash", refBlockHashHex);
    if (hash.length != 8) {
      throw new InvalidFieldException("refBlockHash", "must be 8 bytes, got " + hash.length);
    }
    return new ReferenceBlock(bytes, hash, requireTime(timestamp));
  }

  private static long requireTime(long timestamp) {
    if (timestamp <= 0) {
      throw new InvalidFieldException("timestamp", "must be positive, got " + timestamp);
    }
    return timestamp;
  }

  private static byte[] hex(String field, String text) {
    if (text == null) {
      throw new InvalidFieldException(field, "is missing");
    }
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field, "is not hex: " + e.getMessage());
    }
  }

  /**
   * {@code ref_block_bytes}.
   *
   * @return a copy of the 2 bytes
   */
  public byte[] refBlockBytes() {
    return refBlockBytes.clone();
  }

  /**
   * {@code ref_block_hash}.
   *
   * @return a copy of the 8 bytes
   */
  public byte[] refBlockHash() {
    return refBlockHash.clone();
  }

  /**
   * The time a transaction built on this reference is stamped with.
   *
   * @return epoch milliseconds
   */
  public long timestamp() {
    return timestamp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReferenceBlock other && Arrays.equals(refBlockBytes, other.refBlockBytes)
        && Arrays.equals(refBlockHash, other.refBlockHash) && timestamp == other.timestamp;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(refBlockBytes), Arrays.hashCode(refBlockHash), timestamp);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "ReferenceBlock[" + hex.formatHex(refBlockBytes) + "/" + hex.formatHex(refBlockHash)
        + " @" + timestamp + "]";
  }
}

package io.tronpay.core.tx;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The signed part of a transaction ({@code Transaction.raw} in the protocol): TaPoS reference,
 * expiration, timestamp, fee limit, memo and one contract. Immutable; create it with {@link
 * #builder()}.
 */
public final class RawData {
  private final byte[] refBlockBytes;
  private final byte[] refBlockHash;
  private final long expiration;
  private final long timestamp;
  private final long feeLimit;
  private final byte[] data;
  private final Contract contract;
  private final int permissionId;

  private RawData(Builder b) {
    this.refBlockBytes = b.refBlockBytes;
    this.refBlockHash = b.refBlockHash;
    this.expiration = b.expiration;
    this.timestamp = b.timestamp;
    this.feeLimit = b.feeLimit;
    this.data = b.data;
    this.contract = b.contract;
    this.permissionId = b.permissionId;
  }

  /** A builder with every field at the protocol default and no contract. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this raw data's fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.refBlockBytes = refBlockBytes;
    b.refBlockHash = refBlockHash;
    b.expiration = expiration;
    b.timestamp = timestamp;
    b.feeLimit = feeLimit;
    b.data = data;
    b.contract = contract;
    b.permissionId = permissionId;
    return b;
  }

  /** Parses the protobuf bytes of a {@code Transaction.raw}; see {@link Transaction#decode}. */
  public static RawData decode(byte[] encoded) {
    return ProtoCodec.decodeRawData(encoded);
  }

  /** The canonical protobuf bytes, whose SHA-256 is the transaction id. */
  public byte[] encode() {
    return ProtoCodec.encodeRawData(this);
  }

  /** Bytes 6-7 of the reference block's number. */
  public byte[] refBlockBytes() {
    return refBlockBytes.clone();
  }

  /** Bytes 8-15 of the reference block's id. */
  public byte[] refBlockHash() {
    return refBlockHash.clone();
  }

  /** Expiration time, epoch milliseconds. */
  public long expiration() {
    return expiration;
  }

  /** Creation time, epoch milliseconds (0 if absent). */
  public long timestamp() {
    return timestamp;
  }

  /** Maximum TRX burned for energy, in sun (0 if absent). */
  public long feeLimit() {
    return feeLimit;
  }

  /** The memo bytes ({@code data}); empty if there is none. */
  public byte[] data() {
    return data.clone();
  }

  /** The memo as UTF-8 text; malformed sequences become U+FFFD. */
  public String memo() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** The contract. */
  public Contract contract() {
    return contract;
  }

  /** The permission the signatures satisfy: 0 for owner, 2+ for active permissions. */
  public int permissionId() {
    return permissionId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawData other
        && Arrays.equals(refBlockBytes, other.refBlockBytes)
        && Arrays.equals(refBlockHash, other.refBlockHash)
        && expiration == other.expiration
        && timestamp == other.timestamp
        && feeLimit == other.feeLimit
        && Arrays.equals(data, other.data)
        && contract.equals(other.contract)
        && permissionId == other.permissionId;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(refBlockBytes), Arrays.hashCode(refBlockHash), expiration,
        timestamp, feeLimit, Arrays.hashCode(data), contract, permissionId);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "RawData[refBlockBytes=" + hex.formatHex(refBlockBytes)
        + ", refBlockHash=" + hex.formatHex(refBlockHash)
        + ", expiration=" + expiration + ", timestamp=" + timestamp + ", feeLimit=" + feeLimit
        + ", data=" + hex.formatHex(data) + ", contract=" + contract
        + ", permissionId=" + permissionId + "]";
  }

  /** Builds {@link RawData}. The contract and the reference block are required. */
  public static final class Builder {
    private byte[] refBlockBytes = new byte[0];
    private byte[] refBlockHash = new byte[0];
    private long expiration;
    private long timestamp;
    private long feeLimit;
    private byte[] data = new byte[0];
    private Contract contract;
    private int permissionId;

    private Builder() {}

    /**
     * Sets both TaPoS fields from a recent block: {@code ref_block_bytes} is bytes 6-7 of its
     * number, {@code ref_block_hash} bytes 8-15 of its id.
     *
     * @param blockNumber the block's height
     * @param blockId the block's 32-byte id, whose first 8 bytes are its number
     * @throws IllegalArgumentException if the id is not 32 bytes or is not the id of that number
     */
    public Builder referenceBlock(long blockNumber, byte[] blockId) {
      if (blockId.length != 32) {
        throw new IllegalArgumentException("block id must be 32 bytes, got " + blockId.length);
      }
      long idNumber = ByteBuffer.wrap(blockId, 0, 8).getLong();
      if (idNumber != blockNumber) {
        throw new IllegalArgumentException(
            "block id starts with number " + idNumber + ", not " + blockNumber);
      }
      this.refBlockBytes = Arrays.copyOfRange(blockId, 6, 8);
      this.refBlockHash = Arrays.copyOfRange(blockId, 8, 16);
      return this;
    }

    /** {@link #referenceBlock(long, byte[])} with the id in hex. */
    public Builder referenceBlock(long blockNumber, String blockIdHex) {
      return referenceBlock(blockNumber, HexFormat.of().parseHex(blockIdHex));
    }

    /** Sets {@code ref_block_bytes} directly (2 bytes). */
    public Builder refBlockBytes(byte[] refBlockBytes) {
      if (refBlockBytes.length != 2) {
        throw new IllegalArgumentException(
            "ref_block_bytes must be 2 bytes, got " + refBlockBytes.length);
      }
      this.refBlockBytes = refBlockBytes.clone();
      return this;
    }

    /** Sets {@code ref_block_hash} directly (8 bytes). */
    public Builder refBlockHash(byte[] refBlockHash) {
      if (refBlockHash.length != 8) {
        throw new IllegalArgumentException(
            "ref_block_hash must be 8 bytes, got " + refBlockHash.length);
      }
      this.refBlockHash = refBlockHash.clone();
      return this;
    }

    /** Expiration, epoch milliseconds. */
    public Builder expiration(long expiration) {
      this.expiration = expiration;
      return this;
    }

    /** Creation time, epoch milliseconds. */
    public Builder timestamp(long timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** Maximum TRX burned for energy, in sun. */
    public Builder feeLimit(long feeLimit) {
      if (feeLimit < 0) {
        throw new IllegalArgumentException("fee_limit must not be negative");
      }
      this.feeLimit = feeLimit;
      return this;
    }

    /** The memo bytes. */
    public Builder data(byte[] data) {
      this.data = data.clone();
      return this;
    }

    /** The memo as UTF-8 text. */
    public Builder memo(String memo) {
      this.data = memo.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** The contract. */
    public Builder contract(Contract contract) {
      this.contract = Objects.requireNonNull(contract, "contract");
      return this;
    }

    /** The permission id: 0 for owner, 2 or more for an active permission. */
    public Builder permissionId(int permissionId) {
      if (permissionId < 0) {
        throw new IllegalArgumentException("Permission_id must not be negative");
      }
      this.permissionId = permissionId;
      return this;
    }

    /**
     * Builds the raw data.
     *
     * @throws IllegalStateException if the contract or the reference block is missing
     */
    public RawData build() {
      if (contract == null) {
        throw new IllegalStateException("contract is required");
      }
      if (refBlockBytes.length != 2 || refBlockHash.length != 8) {
        throw new IllegalStateException("reference block is required (ref_block_bytes/hash)");
      }
      return new RawData(this);
    }

    /** Builds without requiring the reference block; for decoding what a node sent verbatim. */
    RawData buildUnchecked() {
      if (contract == null) {
        throw new TransactionFormatException("raw_data: no contract");
      }
      return new RawData(this);
    }
  }
}

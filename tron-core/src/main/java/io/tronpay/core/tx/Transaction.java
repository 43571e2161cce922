package io.tronpay.core.tx;

import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import io.tronpay.core.Signature;
import io.tronpay.core.Signer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A TRON transaction: {@link RawData} plus its signatures. Immutable; signing returns a new
 * transaction. The id is always computed from the raw bytes, never taken on trust.
 */
public final class Transaction {
  /** Bytes java-tron adds per contract when charging bandwidth (its result slot). */
  private static final int BANDWIDTH_PER_CONTRACT = 64;
  /** One more signature in the encoding: tag, length and 65 bytes. */
  private static final int ENCODED_SIGNATURE_SIZE = 67;

  private final RawData rawData;
  private final byte[] rawBytes;
  private final List<Signature> signatures;

  private Transaction(RawData rawData, byte[] rawBytes, List<Signature> signatures) {
    this.rawData = rawData;
    this.rawBytes = rawBytes;
    this.signatures = List.copyOf(signatures);
  }

  /** An unsigned transaction. */
  public static Transaction of(RawData rawData) {
    return new Transaction(rawData, rawData.encode(), List.of());
  }

  /** A transaction with the given signatures. */
  public static Transaction of(RawData rawData, List<Signature> signatures) {
    return new Transaction(rawData, rawData.encode(), signatures);
  }

  /**
   * Parses the protobuf bytes of a {@code Transaction} (raw data and signatures), as sent to
   * {@code /wallet/broadcasthex}.
   *
   * @throws TransactionFormatException for malformed bytes, an unknown contract type or field, or
   *     an encoding that is not canonical (so that {@code decode(b).encode()} always equals b)
   */
  public static Transaction decode(byte[] encoded) {
    return ProtoCodec.decodeTransaction(encoded);
  }

  /** The canonical protobuf bytes of raw data and signatures. */
  public byte[] encode() {
    return ProtoCodec.encodeTransaction(rawBytes, signatures);
  }

  /** The signed part. */
  public RawData rawData() {
    return rawData;
  }

  /** The protobuf bytes of the raw data. */
  public byte[] rawDataBytes() {
    return rawBytes.clone();
  }

  /** Hex of {@link #rawDataBytes()}, the node's {@code raw_data_hex}. */
  public String rawDataHex() {
    return HexFormat.of().formatHex(rawBytes);
  }

  /** SHA-256 of the raw bytes: what every signature signs. */
  public byte[] txIdBytes() {
    return Hashes.sha256(rawBytes);
  }

  /** The transaction id in lowercase hex. */
  public String txId() {
    return HexFormat.of().formatHex(txIdBytes());
  }

  /** The signatures, in order. */
  public List<Signature> signatures() {
    return signatures;
  }

  /** This transaction with one more signature appended. */
  public Transaction withSignature(Signature signature) {
    List<Signature> all = new ArrayList<>(signatures);
    all.add(Objects.requireNonNull(signature, "signature"));
    return new Transaction(rawData, rawBytes, all);
  }

  /** Signs the transaction id with {@code signer} and appends the signature. */
  public Transaction sign(Signer signer) {
    return withSignature(signer.sign(txIdBytes()));
  }

  /** The addresses recovered from each signature, in order. */
  public List<Address> recoverSigners() {
    byte[] id = txIdBytes();
    List<Address> signers = new ArrayList<>(signatures.size());
    for (Signature signature : signatures) {
      signers.add(signature.recoverAddress(id));
    }
    return signers;
  }

  /**
   * The bandwidth the network will charge: the encoded size with {@code signatureCount}
   * signatures, plus 64 bytes per contract. Signatures already present count towards it.
   */
  public long bandwidthEstimate(int signatureCount) {
    int missing = Math.max(0, signatureCount - signatures.size());
    return encode().length + (long) missing * ENCODED_SIGNATURE_SIZE + BANDWIDTH_PER_CONTRACT;
  }

  /** The bandwidth of this transaction as it is signed now. */
  public long bandwidthEstimate() {
    return bandwidthEstimate(signatures.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transaction other
        && java.util.Arrays.equals(rawBytes, other.rawBytes)
        && signatures.equals(other.signatures);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(rawBytes) + signatures.hashCode();
  }

  @Override
  public String toString() {
    return "Transaction[txID=" + txId() + ", " + rawData.contract().type().protoName()
        + ", signatures=" + signatures.size() + "]";
  }
}

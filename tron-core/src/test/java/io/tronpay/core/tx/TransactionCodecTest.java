package io.tronpay.core.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The protobuf codec's strictness and its round trips over random transactions. */
class TransactionCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The first tronweb TransferContract vector, known-good bytes to corrupt. */
  private static byte[] validRawBytes() {
    Map<String, Object> tx = TronwebTransactionVectorsTest.map(
        TronwebTransactionVectorsTest.cases().findFirst().orElseThrow().get("transaction"));
    return HEX.parseHex((String) tx.get("raw_data_hex"));
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  @Test
  void decode_unknownRawDataField_namesTheField() {
    // Field 19, varint 1: not part of Transaction.raw.
    byte[] bytes = concat(validRawBytes(), new byte[] {(byte) 0x98, 0x01, 0x01});

    TransactionFormatException e =
        assertThrows(TransactionFormatException.class, () -> RawData.decode(bytes));

    assertTrue(e.getMessage().contains("raw_data: unknown field 19"), e.getMessage());
  }

  @Test
  void decode_truncatedBytes_failsTypedOrReadsOnlyWhatIsThere() {
    byte[] valid = validRawBytes();
    int typedErrors = 0;
    for (int length = 0; length < valid.length; length++) {
      byte[] truncated = Arrays.copyOf(valid, length);
      try {
        // A cut on a field boundary is valid protobuf with fewer fields; it must say exactly that.
        assertEquals(HEX.formatHex(truncated), HEX.formatHex(RawData.decode(truncated).encode()));
      } catch (TransactionFormatException expected) {
        typedErrors++;
      }
    }
    assertTrue(typedErrors > valid.length - 3, "only field-boundary cuts may decode");
  }

  @Test
  void decode_fieldsOutOfOrder_isRefusedAsNonCanonical() {
    // timestamp (14) written before expiration (8): same values, different bytes, different txID.
    RawData raw = RawData.decode(validRawBytes());
    byte[] reordered = concat(
        new byte[] {0x0a, 0x02}, raw.refBlockBytes(),
        new byte[] {0x22, 0x08}, raw.refBlockHash(),
        varintField(14, raw.timestamp()),
        varintField(8, raw.expiration()),
        Arrays.copyOfRange(validRawBytes(), indexOfContractField(), indexOfTimestampField()));

    TransactionFormatException e =
        assertThrows(TransactionFormatException.class, () -> RawData.decode(reordered));

    assertTrue(e.getMessage().contains("not canonical"), e.getMessage());
  }

  @Test
  void decode_transactionWithNodeResultField_isRefused() {
    byte[] tx = Transaction.of(RawData.decode(validRawBytes())).encode();
    byte[] withRet = concat(tx, new byte[] {0x2a, 0x00});

    TransactionFormatException e =
        assertThrows(TransactionFormatException.class, () -> Transaction.decode(withRet));

    assertTrue(e.getMessage().contains("ret"), e.getMessage());
  }

  @Test
  void decode_twoContracts_isRefused() {
    byte[] raw = validRawBytes();
    int start = indexOfContractField();
    int end = indexOfTimestampField();
    byte[] doubled = concat(Arrays.copyOf(raw, end), Arrays.copyOfRange(raw, start, end),
        Arrays.copyOfRange(raw, end, raw.length));

    TransactionFormatException e =
        assertThrows(TransactionFormatException.class, () -> RawData.decode(doubled));

    assertTrue(e.getMessage().contains("more than one contract"), e.getMessage());
  }

  @Test
  void decode_typeUrlOfAnotherContract_isRefused() {
    String hex = HEX.formatHex(validRawBytes());
    String forged = hex.replace(
        HEX.formatHex("protocol.TransferContract".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
        HEX.formatHex("protocol.TransferXontract".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    TransactionFormatException e = assertThrows(TransactionFormatException.class,
        () -> RawData.decode(HEX.parseHex(forged)));

    assertTrue(e.getMessage().contains("does not match contract type TransferContract"),
        e.getMessage());
  }

  @Test
  void decode_randomCorruption_onlyEverThrowsTheTypedError() {
    Random random = new Random(20261123);
    byte[] valid = Transaction.of(RawData.decode(validRawBytes())).sign(PrivateKey.fromHex(
        "272a0d8d6361802203799c6d7c6bd003c316ad0065bf466554de7c3a794ac692")).encode();
    for (int i = 0; i < 20_000; i++) {
      byte[] mutated = valid.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
      }
      try {
        Transaction decoded = Transaction.decode(mutated);
        // Whatever decodes must re-encode to exactly the input.
        assertEquals(HEX.formatHex(mutated), HEX.formatHex(decoded.encode()));
      } catch (TransactionFormatException expected) {
        // The one documented failure.
      }
    }
  }

  @Test
  void randomTransactions_roundTripThroughBytes() {
    Random random = new Random(42);
    for (int i = 0; i < 5_000; i++) {
      RawData raw = randomRawData(random);
      byte[] encoded = raw.encode();
      RawData decoded = RawData.decode(encoded);
      assertEquals(raw, decoded);
      assertEquals(HEX.formatHex(encoded), HEX.formatHex(decoded.encode()));
    }
  }

  @Test
  void bandwidthEstimate_isSignedSizePlus64PerContract() {
    Transaction unsigned = Transaction.of(RawData.decode(validRawBytes()));
    Transaction signed = unsigned.sign(PrivateKey.fromHex(
        "272a0d8d6361802203799c6d7c6bd003c316ad0065bf466554de7c3a794ac692"));

    assertEquals(signed.encode().length + 64, signed.bandwidthEstimate());
    assertEquals(signed.bandwidthEstimate(), unsigned.bandwidthEstimate(1));
  }

  @Test
  void referenceBlock_takesNumberBytesAndIdBytes() {
    // Nile block 33801077 (vectors/fixtures/blocks): its id and number.
    String blockId = "000000000203c375a8a28b1f49d00c4b2d3eb1d06a74ac7fcb1ec1c4ab64c5e5";
    RawData raw = RawData.builder()
        .referenceBlock(33801077L, blockId)
        .contract(new WithdrawBalanceContract(
            Address.fromBase58("TZ2myiYiVPR6gKR7ZozGuL1vwg9748sYDc")))
        .build();

    assertEquals("c375", HEX.formatHex(raw.refBlockBytes()));
    assertEquals("a8a28b1f49d00c4b", HEX.formatHex(raw.refBlockHash()));
    assertThrows(IllegalArgumentException.class,
        () -> RawData.builder().referenceBlock(33801078L, blockId));
  }

  private static byte[] varintField(int field, long value) {
    List<Byte> out = new ArrayList<>();
    long tag = (long) field << 3;
    for (long v : new long[] {tag, value}) {
      while ((v & ~0x7FL) != 0) {
        out.add((byte) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.add((byte) v);
    }
    byte[] bytes = new byte[out.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = out.get(i);
    }
    return bytes;
  }

  /** Offset of the contract field (tag 0x5a) in the first vector's raw bytes. */
  private static int indexOfContractField() {
    byte[] raw = validRawBytes();
    // ref_block_bytes (4 bytes) + ref_block_hash (10 bytes) + expiration (tag + varint).
    int at = 14;
    at++; // expiration tag 0x40
    while ((raw[at] & 0x80) != 0) {
      at++;
    }
    return at + 1;
  }

  /** Offset of the timestamp field (tag 0x70), right after the contract. */
  private static int indexOfTimestampField() {
    byte[] raw = validRawBytes();
    int at = indexOfContractField();
    int length = 0;
    int shift = 0;
    int p = at + 1;
    while (true) {
      byte b = raw[p++];
      length |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
    }
    return p + length;
  }

  static RawData randomRawData(Random random) {
    Address owner = randomAddress(random);
    Contract contract = switch (random.nextInt(10)) {
      case 0 -> new TransferContract(owner, randomAddress(random), randomLong(random));
      case 1 -> {
        byte[] data = new byte[random.nextInt(100)];
        random.nextBytes(data);
        yield new TriggerSmartContract(owner, randomAddress(random), randomLong(random), data,
            randomLong(random), randomLong(random));
      }
      case 2 -> new FreezeBalanceV2Contract(owner, randomLong(random), randomResource(random));
      case 3 -> new UnfreezeBalanceV2Contract(owner, randomLong(random), randomResource(random));
      case 4 -> new DelegateResourceContract(owner, randomResource(random), randomLong(random),
          randomAddress(random), random.nextBoolean(), randomLong(random));
      case 5 -> new UnDelegateResourceContract(owner, randomResource(random), randomLong(random),
          randomAddress(random));
      case 6 -> new WithdrawExpireUnfreezeContract(owner);
      case 7 -> new CancelAllUnfreezeV2Contract(owner);
      case 8 -> new WithdrawBalanceContract(owner);
      default -> {
        List<Vote> votes = new ArrayList<>();
        for (int v = random.nextInt(6); v > 0; v--) {
          votes.add(new Vote(randomAddress(random), randomLong(random)));
        }
        yield new VoteWitnessContract(owner, votes, random.nextInt(10) == 0);
      }
    };
    byte[] refBytes = new byte[2];
    byte[] refHash = new byte[8];
    random.nextBytes(refBytes);
    random.nextBytes(refHash);
    byte[] memo = new byte[random.nextInt(3) == 0 ? random.nextInt(40) : 0];
    random.nextBytes(memo);
    return RawData.builder()
        .contract(contract)
        .refBlockBytes(refBytes)
        .refBlockHash(refHash)
        .expiration(Math.abs(randomLong(random)))
        .timestamp(random.nextBoolean() ? Math.abs(randomLong(random)) : 0)
        .feeLimit(random.nextBoolean() ? Math.abs(randomLong(random)) : 0)
        .data(memo)
        .permissionId(random.nextInt(4) == 0 ? 2 + random.nextInt(5) : 0)
        .build();
  }

  private static Address randomAddress(Random random) {
    byte[] id = new byte[20];
    random.nextBytes(id);
    return Address.fromAccountId(id);
  }

  private static ResourceCode randomResource(Random random) {
    return ResourceCode.values()[random.nextInt(ResourceCode.values().length)];
  }

  /** Zero, small, large and negative values, since int64 fields must survive all of them. */
  private static long randomLong(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1000);
      case 2 -> random.nextLong() >>> random.nextInt(64);
      default -> random.nextLong();
    };
  }
}

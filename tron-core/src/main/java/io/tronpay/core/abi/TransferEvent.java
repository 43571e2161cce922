package io.tronpay.core.abi;

import io.tronpay.core.Address;
import io.tronpay.core.Hashes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A standard TRC20 {@code Transfer(address indexed from, address indexed to, uint256 value)} log.
 *
 * @param from the sender
 * @param to the recipient
 * @param value base units
 */
public record TransferEvent(Address from, Address to, BigInteger value) {
  private static final byte[] TOPIC = Hashes.keccak256(
      "Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII));

  /** Checks the fields. */
  public TransferEvent {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    AbiWords.requireUint256(value, "value");
  }

  /** Topic 0 of every Transfer log, {@code ddf252ad…}. */
  public static byte[] topic() {
    return TOPIC.clone();
  }

  /** Whether a log's first topic is the Transfer signature. */
  public static boolean isTransferTopic(byte[] topic0) {
    return Arrays.equals(TOPIC, topic0);
  }

  /**
   * Decodes a log: three topics (signature, from, to) and 32 bytes of data (value).
   *
   * @throws AbiFormatException if it is not a standard Transfer log, or a word is malformed
   */
  public static TransferEvent decode(List<byte[]> topics, byte[] data) {
    if (topics.size() != 3) {
      throw new AbiFormatException("Transfer log needs 3 topics, got " + topics.size());
    }
    for (int i = 0; i < 3; i++) {
      if (topics.get(i).length != AbiWords.WORD) {
        throw new AbiFormatException(
            "topic " + i + " has " + topics.get(i).length + " bytes, expected 32");
      }
    }
    if (!isTransferTopic(topics.get(0))) {
      throw new AbiFormatException("topic 0 is not the Transfer(address,address,uint256) topic");
    }
    if (data.length != AbiWords.WORD) {
      throw new AbiFormatException("Transfer log data has " + data.length + " bytes, expected 32");
    }
    return new TransferEvent(
        AbiWords.address(topics.get(1), 0, "from", false),
        AbiWords.address(topics.get(2), 0, "to", false),
        AbiWords.uint256(data, 0));
  }

  /** {@link #decode(List, byte[])} for hex topics and data, as in the node's JSON. */
  public static TransferEvent decodeHex(List<String> topicsHex, String dataHex) {
    List<byte[]> topics = new ArrayList<>(topicsHex.size());
    for (String topic : topicsHex) {
      topics.add(hex(topic, "topic"));
    }
    return decode(topics, hex(dataHex, "data"));
  }

  private static byte[] hex(String text, String what) {
    try {
      return HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
    } catch (IllegalArgumentException e) {
      throw new AbiFormatException(what + " is not hex: " + e.getMessage());
    }
  }

  /** The topics and data of this event, for building logs. */
  public List<byte[]> topics() {
    byte[] from32 = new byte[AbiWords.WORD];
    byte[] to32 = new byte[AbiWords.WORD];
    AbiWords.putAddress(from32, 0, from);
    AbiWords.putAddress(to32, 0, to);
    return List.of(TOPIC.clone(), from32, to32);
  }

  /** The 32-byte data word holding the value. */
  public byte[] data() {
    byte[] out = new byte[AbiWords.WORD];
    AbiWords.putUint256(out, 0, value, "value");
    return out;
  }
}

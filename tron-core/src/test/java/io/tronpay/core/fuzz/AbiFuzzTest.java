package io.tronpay.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tronpay.core.abi.AbiFormatException;
import io.tronpay.core.abi.TransferEvent;
import io.tronpay.core.abi.Trc20Call;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/** The TRC20 ABI decoders: call data, and Transfer event logs as a node reports them. */
class AbiFuzzTest {

  @FuzzTest
  @Timeout(FuzzInputs.TIMEOUT_SECONDS)
  void trc20CallDecode(byte[] input) {
    Trc20Call call;
    try {
      call = Trc20Call.decode(input);
    } catch (AbiFormatException expected) {
      FuzzInputs.requireMessage(expected);
      return;
    }
    byte[] encoded = call.encode();
    assertEquals(input.length, encoded.length);
    // Address words may carry a 0x41 byte that the decoder tolerates and the encoder drops, so
    // the encoding is canonical only up to that byte; the decoded value must survive exactly.
    assertEquals(call, Trc20Call.decode(encoded));
  }

  /**
   * Input layout: byte 0 is the topic count (mod 5), then one length byte per topic (mod 64),
   * then the topics themselves; whatever is left is the log data. Short inputs give short
   * topics, which is part of what is being fuzzed.
   */
  @FuzzTest
  @Timeout(FuzzInputs.TIMEOUT_SECONDS)
  void transferEventDecode(byte[] input) {
    int at = 0;
    int count = input.length > 0 ? (input[at++] & 0xFF) % 5 : 0;
    int[] lengths = new int[count];
    for (int i = 0; i < count; i++) {
      lengths[i] = at < input.length ? (input[at++] & 0xFF) % 64 : 0;
    }
    List<byte[]> topics = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int end = Math.min(input.length, at + lengths[i]);
      topics.add(Arrays.copyOfRange(input, at, end));
      at = end;
    }
    byte[] data = Arrays.copyOfRange(input, at, input.length);
    TransferEvent event;
    try {
      event = TransferEvent.decode(topics, data);
    } catch (AbiFormatException expected) {
      FuzzInputs.requireMessage(expected);
      return;
    }
    List<byte[]> written = event.topics();
    assertEquals(topics.size(), written.size());
    for (int i = 0; i < topics.size(); i++) {
      assertArrayEquals(topics.get(i), written.get(i), "topic " + i);
    }
    assertArrayEquals(data, event.data());
  }
}

package io.tronpay.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tronpay.core.tx.RawData;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransactionFormatException;
import org.junit.jupiter.api.Timeout;

/**
 * The protobuf transaction codec. The decoder promises to accept only the canonical encoding, so
 * anything it accepts must re-encode to exactly the bytes it was given.
 */
class TransactionFuzzTest {

  @FuzzTest
  @Timeout(FuzzInputs.TIMEOUT_SECONDS)
  void decodeTransaction(byte[] input) {
    Transaction tx;
    try {
      tx = Transaction.decode(input);
    } catch (TransactionFormatException expected) {
      FuzzInputs.requireMessage(expected);
      return;
    }
    assertArrayEquals(input, tx.encode());
    assertEquals(tx, Transaction.decode(tx.encode()));
    assertEquals(64, tx.txId().length());
  }

  @FuzzTest
  @Timeout(FuzzInputs.TIMEOUT_SECONDS)
  void decodeRawData(byte[] input) {
    RawData raw;
    try {
      raw = RawData.decode(input);
    } catch (TransactionFormatException expected) {
      FuzzInputs.requireMessage(expected);
      return;
    }
    assertArrayEquals(input, raw.encode());
    assertEquals(raw, RawData.decode(raw.encode()));
  }
}

package io.tronpay.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tronpay.core.AmountFormatException;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Decimal amount text. Trailing zeros make the text non-canonical ({@code 1.50} and {@code 1.5}),
 * so the property is that formatting a parsed amount and parsing it again gives the same amount.
 */
class AmountFuzzTest {

  /** Input layout: byte 0 is the decimals, read as a signed byte so bad values occur too. */
  @FuzzTest
  @Timeout(FuzzInputs.TIMEOUT_SECONDS)
  void tokenAmountParse(byte[] input) {
    int decimals = input.length > 0 ? input[0] : 6;
    String text = FuzzInputs.utf8(input.length > 0 ? Arrays.copyOfRange(input, 1, input.length)
        : input);
    TokenAmount amount;
    try {
      amount = TokenAmount.parse(text, decimals);
    } catch (AmountFormatException expected) {
      FuzzInputs.requireMessage(expected);
      return;
    }
    assertEquals(decimals, amount.decimals());
    assertEquals(amount, TokenAmount.parse(amount.toDecimalString(), decimals));
  }

  @FuzzTest
  @Timeout(FuzzInputs.TIMEOUT_SECONDS)
  void trxParseSun(byte[] input) {
    String text = FuzzInputs.utf8(input);
    long sun;
    try {
      sun = Trx.parseSun(text);
    } catch (AmountFormatException expected) {
      FuzzInputs.requireMessage(expected);
      return;
    }
    assertEquals(true, sun >= 0, "negative sun from '" + text + "'");
    assertEquals(sun, Trx.parseSun(Trx.format(sun)));
  }
}

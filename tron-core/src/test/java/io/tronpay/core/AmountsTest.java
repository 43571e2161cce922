package io.tronpay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Exact decimal amounts: the examples of DESIGN.md's first principle. */
class AmountsTest {
  @Test
  void usdtParse_isExact() {
    assertEquals(BigInteger.valueOf(12_345_678), TokenAmount.parse("12.345678", 6).units());
    assertEquals(BigInteger.valueOf(12_500_000), TokenAmount.parse("12.5", 6).units());
    assertEquals(BigInteger.ONE, TokenAmount.parse("0.000001", 6).units());
    assertEquals(BigInteger.valueOf(1_500_000), TokenAmount.parse("1.500000000", 6).units());
  }

  @Test
  void usdtParse_excessPrecision_isAnErrorNotARounding() {
    AmountFormatException e =
        assertThrows(AmountFormatException.class, () -> TokenAmount.parse("12.3456789", 6));
    assertEquals("amount '12.3456789' has 7 decimal places; a token with 6 decimals allows at most 6",
        e.getMessage());
  }

  @Test
  void malformedAmounts_nameTheFault() {
    assertEquals("amount '-1' has a negative sign at position 0; expected plain decimal digits such as 12.5",
        assertThrows(AmountFormatException.class, () -> Trx.parseSun("-1")).getMessage());
    assertEquals("amount '1e6' has 'e' at position 1; expected plain decimal digits such as 12.5",
        assertThrows(AmountFormatException.class, () -> Trx.parseSun("1e6")).getMessage());
    assertThrows(AmountFormatException.class, () -> Trx.parseSun(""));
    assertThrows(AmountFormatException.class, () -> Trx.parseSun("1."));
    assertThrows(AmountFormatException.class, () -> Trx.parseSun(".5"));
    assertThrows(AmountFormatException.class, () -> Trx.parseSun("1.2.3"));
    assertThrows(AmountFormatException.class, () -> Trx.parseSun(" 1"));
    assertThrows(AmountFormatException.class, () -> Trx.parseSun("9".repeat(200)));
  }

  @Test
  void trx_parseAndFormat() {
    assertEquals(1_500_000L, Trx.parseSun("1.5"));
    assertEquals(1L, Trx.parseSun("0.000001"));
    assertEquals("1.5", Trx.format(1_500_000L));
    assertEquals("2", Trx.format(2_000_000L));
    assertEquals("0.000001", Trx.format(1L));
    assertEquals(Long.MAX_VALUE, Trx.parseSun("9223372036854.775807"));
    assertThrows(AmountFormatException.class, () -> Trx.parseSun("9223372036854.775808"));
  }

  @Test
  void tokenAmounts_ofDifferentDecimals_doNotMix() {
    TokenAmount usdt = TokenAmount.parse("1", 6);
    TokenAmount eighteen = TokenAmount.parse("1", 18);

    assertThrows(IllegalArgumentException.class, () -> usdt.plus(eighteen));
    assertEquals(TokenAmount.parse("3.75", 6), usdt.plus(TokenAmount.parse("2.75", 6)));
    assertEquals("12.345678", TokenAmount.of(12_345_678, 6).toDecimalString());
    assertThrows(AmountFormatException.class, () -> usdt.minus(TokenAmount.parse("2", 6)));
  }
}

package io.tronpay.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tronpay.core.Address;
import io.tronpay.core.AddressFormatException;
import java.util.Locale;
import org.junit.jupiter.api.Timeout;

/** {@link Address#parse} over its three text forms: Base58Check, 41-hex and 0x EVM hex. */
class AddressFuzzTest {

  @FuzzTest
  @Timeout(FuzzInputs.TIMEOUT_SECONDS)
  void parse(byte[] input) {
    String text = FuzzInputs.utf8(input);
    Address address;
    try {
      address = Address.parse(text);
    } catch (AddressFormatException expected) {
      FuzzInputs.requireMessage(expected);
      return;
    }
    // Each form is canonical up to hex case, so the accepted text is the address written back.
    if (text.startsWith("0x") || text.startsWith("0X")) {
      assertEquals("0x" + text.substring(2).toLowerCase(Locale.ROOT), address.toEvmHex());
    } else if (text.length() == 2 * Address.LENGTH
        && text.chars().allMatch(AddressFuzzTest::isHex)) {
      assertEquals(text.toLowerCase(Locale.ROOT), address.toHex());
    } else {
      assertEquals(text, address.toBase58());
    }
    assertEquals(address, Address.parse(address.toBase58()));
    assertEquals(address, Address.parse(address.toHex()));
    assertEquals(address, Address.parse(address.toEvmHex()));
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}

package io.tronpay.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.testing.Json;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TIP-191 against tronweb's signMessageV2 and Trust Wallet Core's message vectors. */
class MessageSigningTest {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<Map<String, Object>> tronwebVectors() {
    return Json.cases("/vectors/tronweb/tip191.json", "cases").stream();
  }

  @ParameterizedTest
  @MethodSource("tronwebVectors")
  void sign_matchesTronwebSignMessageV2(Map<String, Object> vector) {
    PrivateKey key = PrivateKey.fromHex((String) vector.get("privateKey"));
    byte[] message = HEX.parseHex((String) vector.get("messageHex"));

    assertEquals(vector.get("hash"), HEX.formatHex(MessageSigning.hash(message)));
    Signature signature = MessageSigning.sign(message, key);
    assertEquals(vector.get("signature"), signature.toHex());
    assertEquals(vector.get("recoveredAddress"), MessageSigning.recover(message, signature).toBase58());
    if ("string".equals(vector.get("messageType"))) {
      String text = (String) vector.get("message");
      assertEquals(vector.get("signature"), MessageSigning.sign(text, key).toHex());
      assertTrue(MessageSigning.verify(text, Signature.fromHex((String) vector.get("signature")),
          Address.fromBase58((String) vector.get("address"))));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void walletCoreVectors_match() {
    Map<String, Object> file = (Map<String, Object>) Json.resource("/vectors/wallet_core/message_signing.json");
    PrivateKey key = PrivateKey.fromHex((String) file.get("private_key"));
    for (Map<String, Object> c : (List<Map<String, Object>>) file.get("cases")) {
      assertEquals(c.get("signature"), MessageSigning.sign((String) c.get("message"), key).toHex());
    }
  }

  @Test
  void verify_otherMessage_isFalse() {
    PrivateKey key = PrivateKey.fromBytes(Hashes.sha256(new byte[] {9}));
    Signature signature = MessageSigning.sign("pay 10 USDT", key);

    assertFalse(MessageSigning.verify("pay 11 USDT", signature, key.address()));
  }
}

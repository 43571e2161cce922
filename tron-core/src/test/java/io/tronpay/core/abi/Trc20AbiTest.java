package io.tronpay.core.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tronpay.core.Address;
import io.tronpay.core.testing.Json;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TRC20 call data and Transfer logs against tronweb/ethers vectors and a real mainnet transfer. */
class Trc20AbiTest {
  private static final HexFormat HEX = HexFormat.of();

  static Stream<Map<String, Object>> calls() {
    return Json.cases("/vectors/tronweb/trc20.json", "cases").stream()
        .filter(c -> !List.of("name()", "symbol()", "totalSupply()").contains(c.get("function")));
  }

  static Stream<Map<String, Object>> events() {
    return Json.cases("/vectors/tronweb/trc20.json", "events").stream();
  }

  @ParameterizedTest
  @MethodSource("calls")
  @SuppressWarnings("unchecked")
  void encode_matchesTronwebCallData(Map<String, Object> vector) {
    List<Map<String, Object>> args = (List<Map<String, Object>>) vector.get("args");
    Trc20Call call = switch ((String) vector.get("function")) {
      case "transfer(address,uint256)" -> new Trc20Call.Transfer(address(args.get(0)), value(args.get(1)));
      case "transferFrom(address,address,uint256)" ->
          new Trc20Call.TransferFrom(address(args.get(0)), address(args.get(1)), value(args.get(2)));
      case "approve(address,uint256)" -> new Trc20Call.Approve(address(args.get(0)), value(args.get(1)));
      case "balanceOf(address)" -> new Trc20Call.BalanceOf(address(args.get(0)));
      case "allowance(address,address)" ->
          new Trc20Call.Allowance(address(args.get(0)), address(args.get(1)));
      case "decimals()" -> new Trc20Call.Decimals();
      default -> throw new AssertionError(vector.get("function"));
    };

    assertEquals(vector.get("callData"), HEX.formatHex(call.encode()));
    assertEquals(call, Trc20Call.decode(HEX.parseHex((String) vector.get("callData"))));
  }

  @ParameterizedTest
  @MethodSource("events")
  @SuppressWarnings("unchecked")
  void transferEvent_decodesLikeEthers(Map<String, Object> vector) {
    Map<String, Object> decoded = (Map<String, Object>) vector.get("decoded");

    TransferEvent event = TransferEvent.decodeHex((List<String>) vector.get("topics"),
        (String) vector.get("data"));

    assertEquals(Address.fromBase58((String) decoded.get("from")), event.from());
    assertEquals(Address.fromBase58((String) decoded.get("to")), event.to());
    assertEquals(new BigInteger((String) decoded.get("value")), event.value());
    assertEquals(vector.get("data"), HEX.formatHex(event.data()));
  }

  @Test
  void realMainnetUsdtTransfer_withTronPrefixInTheAddressWord_decodes() {
    // mainnet tx 0130dfde… (fixtures): the wallet wrote 0x41 into the address word's high bytes.
    byte[] data = HEX.parseHex("a9059cbb000000000000000000000041ec20315a879c48f5e3a6a1c9826d5225f8b658b8"
        + "00000000000000000000000000000000000000000000000000000000027bf24d");

    Trc20Call.Transfer transfer = (Trc20Call.Transfer) Trc20Call.decode(data);

    assertEquals(Address.fromHex("41ec20315a879c48f5e3a6a1c9826d5225f8b658b8"), transfer.to());
    assertEquals(BigInteger.valueOf(0x027bf24dL), transfer.value());
  }

  @Test
  void transferEvent_dirtyHighBytesInAddressTopic_isRejected() {
    Map<String, Object> vector = events().findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    List<String> topics = new java.util.ArrayList<>((List<String>) vector.get("topics"));
    topics.set(2, "41" + topics.get(2).substring(2));

    AbiFormatException e = assertThrows(AbiFormatException.class,
        () -> TransferEvent.decodeHex(topics, (String) vector.get("data")));
    assertTrue(e.getMessage().contains("to word has a non-zero high byte at offset 0"), e.getMessage());
  }

  @Test
  void transferEvent_shortData_isRejected() {
    Map<String, Object> vector = events().findFirst().orElseThrow();
    @SuppressWarnings("unchecked")
    List<String> topics = (List<String>) vector.get("topics");

    AbiFormatException e = assertThrows(AbiFormatException.class,
        () -> TransferEvent.decodeHex(topics, ((String) vector.get("data")).substring(2)));
    assertEquals("Transfer log data has 31 bytes, expected 32", e.getMessage());
  }

  @Test
  void decode_wrongLengthOrUnknownSelector_isRejected() {
    assertThrows(AbiFormatException.class, () -> Trc20Call.decode(HEX.parseHex("a9059cbb00")));
    assertEquals("unknown function selector 06fdde03",
        assertThrows(AbiFormatException.class, () -> Trc20Call.decode(HEX.parseHex("06fdde03")))
            .getMessage());
    assertThrows(AbiFormatException.class,
        () -> new Trc20Call.Transfer(Address.fromHex("410000000000000000000000000000000000000000"),
            BigInteger.ONE.shiftLeft(256)));
  }

  private static Address address(Map<String, Object> arg) {
    return Address.fromBase58((String) arg.get("base58"));
  }

  private static BigInteger value(Map<String, Object> arg) {
    return new BigInteger((String) arg.get("value"));
  }
}

package io.tronpay.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** Moshi, an independent JSON implementation, reads back what the writer wrote. */
class JsonTest {
  private static String readString(String json) throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      return reader.nextString();
    }
  }

  @Test
  void write_awkwardStrings_readBackIdentically() throws IOException {
    List<String> samples = List.of("", "plain", "quote \" and backslash \\",
        "new\nline\r\ttab", "\u0000\u0001\u001f control", "\u2028\u2029 separators",
        "\uD83D\uDE80 emoji, 你好, é", "/slash/");
    for (String sample : samples) {
      assertEquals(sample, readString(Json.write(sample)));
    }
  }

  @Test
  void write_objectKeepsKeyOrder_andNestsArrays() throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("z", true);
    object.put("a", List.of("x", "y"));
    object.put("n", new BigInteger("123456789012345678901234567890"));
    object.put("none", null);

    String json = Json.write(object);

    assertEquals("{\"z\":true,\"a\":[\"x\",\"y\"],\"n\":123456789012345678901234567890,"
        + "\"none\":null}", json);
    List<String> names = new ArrayList<>();
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      reader.beginObject();
      while (reader.hasNext()) {
        names.add(reader.nextName());
        reader.skipValue();
      }
      reader.endObject();
    }
    assertEquals(List.of("z", "a", "n", "none"), names);
  }

  @Test
  void write_floatingPoint_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("amount", 1.5)));
  }
}

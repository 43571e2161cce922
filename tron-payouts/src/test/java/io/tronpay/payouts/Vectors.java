package io.tronpay.payouts;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads the JSON vectors under src/test/resources with Moshi, never with the module's code. */
final class Vectors {
  private static final JsonAdapter<Object> ADAPTER =
      new Moshi.Builder().build().adapter(Object.class);

  private Vectors() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cases(String resource) {
    try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Map<String, Object> root =
          (Map<String, Object>) ADAPTER.fromJson(new String(in.readAllBytes(),
              StandardCharsets.UTF_8));
      return (List<Map<String, Object>>) root.get("cases");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> m, String key) {
    return (List<Object>) m.get(key);
  }

  static String string(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : v.toString();
  }
}

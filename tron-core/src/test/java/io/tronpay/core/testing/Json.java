package io.tronpay.core.testing;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Okio;

/**
 * Reads test vectors into maps, lists and strings. Numbers stay as their literal text, so 64-bit
 * values are never squeezed through a double.
 */
public final class Json {
  private Json() {}

  /** Parses a classpath resource. */
  public static Object resource(String path) {
    try (InputStream in = Json.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return read(JsonReader.of(Okio.buffer(Okio.source(in))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The "cases" array of a vector file. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> cases(String path, String key) {
    return (List<Map<String, Object>>) ((Map<String, Object>) resource(path)).get(key);
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), read(reader));
        }
        reader.endObject();
        return map;
      }
      case BEGIN_ARRAY: {
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      }
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        return reader.nextString();
    }
  }

  /** Every object in the tree, depth first (to find transactions wherever a fixture nests them). */
  @SuppressWarnings("unchecked")
  public static void walk(Object node, java.util.function.Consumer<Map<String, Object>> visitor) {
    if (node instanceof Map) {
      Map<String, Object> map = (Map<String, Object>) node;
      visitor.accept(map);
      map.values().forEach(child -> walk(child, visitor));
    } else if (node instanceof List) {
      ((List<Object>) node).forEach(child -> walk(child, visitor));
    }
  }
}

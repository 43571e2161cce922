package io.tronpay.testkit.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * A JSON tree of maps, lists, strings, booleans and exact numbers. Numbers are kept as their
 * decimal text so that amounts never pass through a double.
 */
public final class Json {
  private Json() {}

  /** A JSON number, kept exactly as written. */
  public record Num(String text) {
    /** The value as a long. */
    public long toLong() {
      return new BigDecimal(text).longValueExact();
    }
  }

  /** Thrown when a request body is not the JSON a node would accept. */
  public static final class JsonSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    JsonSyntaxException(String message) {
      super(message);
    }
  }

  /** Parses JSON text into a tree; numbers become {@link Num}. */
  public static Object parse(String text) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      reader.setLenient(false);
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonSyntaxException("trailing content after the JSON value");
      }
      return value;
    } catch (IOException e) {
      throw new JsonSyntaxException(e.getMessage());
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          map.put(name, read(reader));
        }
        reader.endObject();
        return map;
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new Num(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonSyntaxException("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  /** Writes a tree as compact JSON. */
  public static String write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, value);
    } catch (IOException e) {
      throw new IllegalStateException("writing to a memory buffer failed", e);
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map<?, ?> map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        writer.name((String) entry.getKey());
        write(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof List<?> list) {
      writer.beginArray();
      for (Object item : list) {
        write(writer, item);
      }
      writer.endArray();
    } else if (value instanceof String s) {
      writer.value(s);
    } else if (value instanceof Boolean b) {
      writer.value(b.booleanValue());
    } else if (value instanceof Long || value instanceof Integer) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof BigInteger big) {
      writer.value(big);
    } else if (value instanceof Num num) {
      writer.value(new BigDecimal(num.text()));
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** A new insertion-ordered object. */
  public static Map<String, Object> obj() {
    return new LinkedHashMap<>();
  }

  /** An object from alternating keys and values. */
  public static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** Puts a number only when it is not zero, as protobuf JSON omits defaults. */
  public static void putNonZero(Map<String, Object> map, String key, long value) {
    if (value != 0) {
      map.put(key, value);
    }
  }

  /** Reads an object from parsed JSON, or fails naming what it is. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asObject(Object value, String what) {
    if (value instanceof Map<?, ?>) {
      return (Map<String, Object>) value;
    }
    throw new JsonSyntaxException(what + " must be a JSON object");
  }

  /** A string field, or null when absent. */
  public static String string(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Num n) {
      return n.text();
    }
    throw new JsonSyntaxException(key + " must be a string");
  }

  /** A long field, accepting numbers and numeric strings (GET parameters), or the default. */
  public static long number(Map<String, Object> map, String key, long defaultValue) {
    Object value = map.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      if (value instanceof Num n) {
        return n.toLong();
      }
      if (value instanceof String s) {
        return new BigDecimal(s.trim()).longValueExact();
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new JsonSyntaxException(key + " must be an integer, got " + value);
    }
    throw new JsonSyntaxException(key + " must be a number");
  }

  /** A boolean field, accepting "true"/"false" strings (GET parameters), or false. */
  public static boolean bool(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value instanceof Boolean b) {
      return b;
    }
    return value instanceof String s && Boolean.parseBoolean(s);
  }
}

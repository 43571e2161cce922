package io.tronpay.client.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;

/**
 * A parsed JSON value that knows its path in the document, so every shape error can name where it
 * is. Numbers keep their literal text: they are read as exact integers, never through a double.
 */
public final class JsonNode {
  /** Nesting deeper than any node response, to keep hostile input from exhausting the stack. */
  private static final int MAX_DEPTH = 64;

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final String path;
  private final Object value;

  private JsonNode(String path, Object value) {
    this.path = path;
    this.value = value;
  }

  /** The literal text of a JSON number. */
  private record NumberLiteral(String text) {}

  /** The JSON null. */
  private enum Null { INSTANCE }

  /**
   * Parses a whole document strictly: one value, no trailing data, no duplicate keys.
   *
   * @param rootPath the path prefix of the document ("" for a top-level document)
   * @throws JsonShapeException if the text is not valid JSON
   */
  public static JsonNode parse(String json, String rootPath) {
    if (json == null || json.isBlank()) {
      throw new JsonShapeException(rootPath, "empty body, expected JSON");
    }
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      reader.setLenient(false);
      JsonNode node = read(reader, rootPath, 0);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonShapeException(rootPath, "unexpected data after the JSON value");
      }
      return node;
    } catch (IOException | JsonDataException e) {
      throw new JsonShapeException(rootPath, "malformed JSON (" + e.getMessage() + ")");
    }
  }

  private static JsonNode read(JsonReader reader, String path, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new JsonShapeException(path, "nested deeper than " + MAX_DEPTH + " levels");
    }
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          String childPath = child(path, name);
          if (fields.containsKey(name)) {
            throw new JsonShapeException(childPath, "duplicate key");
          }
          fields.put(name, read(reader, childPath, depth + 1));
        }
        reader.endObject();
        return new JsonNode(path, Collections.unmodifiableMap(fields));
      }
      case BEGIN_ARRAY: {
        List<JsonNode> elements = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          elements.add(read(reader, path + "[" + elements.size() + "]", depth + 1));
        }
        reader.endArray();
        return new JsonNode(path, Collections.unmodifiableList(elements));
      }
      case STRING:
        return new JsonNode(path, reader.nextString());
      case NUMBER:
        return new JsonNode(path, new NumberLiteral(reader.nextString()));
      case BOOLEAN:
        return new JsonNode(path, reader.nextBoolean());
      case NULL:
        reader.nextNull();
        return new JsonNode(path, Null.INSTANCE);
      default:
        throw new JsonShapeException(path, "unexpected " + reader.peek());
    }
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** This value as compact JSON text; numbers keep their exact literal. */
  public String toJson() {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      write(writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private void write(JsonWriter writer) throws IOException {
    if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<String, JsonNode> e : fields().entrySet()) {
        writer.name(e.getKey());
        e.getValue().write(writer);
      }
      writer.endObject();
    } else if (value instanceof List) {
      writer.beginArray();
      for (JsonNode element : elements()) {
        element.write(writer);
      }
      writer.endArray();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof NumberLiteral) {
      String text = ((NumberLiteral) value).text();
      writer.value(isIntegerLiteral(text) ? new BigInteger(text) : new BigDecimal(text));
    } else if (value instanceof Boolean) {
      writer.value((Boolean) value);
    } else {
      writer.nullValue();
    }
  }

  /** Where this value sits in the document, such as {@code raw_data.contract[0]}. */
  public String path() {
    return path;
  }

  /** An error at this value's path. */
  public JsonShapeException error(String fault) {
    return new JsonShapeException(path, fault);
  }

  /** Whether this is a JSON object. */
  public boolean isObject() {
    return value instanceof Map;
  }

  /** Whether this is a JSON array. */
  public boolean isArray() {
    return value instanceof List;
  }

  /** Whether this is a JSON string. */
  public boolean isString() {
    return value instanceof String;
  }

  /** Whether this is a JSON number. */
  public boolean isNumber() {
    return value instanceof NumberLiteral;
  }

  /** Whether this is the JSON null. */
  public boolean isNull() {
    return value == Null.INSTANCE;
  }

  private Map<String, JsonNode> fields() {
    if (!(value instanceof Map)) {
      throw error("expected an object, got " + kind());
    }
    @SuppressWarnings("unchecked")
    Map<String, JsonNode> fields = (Map<String, JsonNode>) value;
    return fields;
  }

  /** The keys of this object, in document order. */
  public Set<String> keys() {
    return fields().keySet();
  }

  /** Whether this object has {@code name} with a non-null value. */
  public boolean has(String name) {
    JsonNode child = fields().get(name);
    return child != null && !child.isNull();
  }

  /** The member {@code name}; missing or null is an error naming its path. */
  public JsonNode get(String name) {
    JsonNode child = fields().get(name);
    if (child == null || child.isNull()) {
      throw new JsonShapeException(child(path, name), "missing");
    }
    return child;
  }

  /** The member {@code name}, or null if it is absent or JSON null. */
  public JsonNode getOrNull(String name) {
    JsonNode child = fields().get(name);
    return child == null || child.isNull() ? null : child;
  }

  /** Rejects any member not in {@code allowed}, so unknown data is never silently dropped. */
  public void requireOnlyKeys(Set<String> allowed) {
    for (String key : fields().keySet()) {
      if (!allowed.contains(key)) {
        throw new JsonShapeException(child(path, key), "unknown field");
      }
    }
  }

  /** The elements of this array. */
  public List<JsonNode> elements() {
    if (!(value instanceof List)) {
      throw error("expected an array, got " + kind());
    }
    @SuppressWarnings("unchecked")
    List<JsonNode> elements = (List<JsonNode>) value;
    return elements;
  }

  /** This string. */
  public String string() {
    if (!(value instanceof String)) {
      throw error("expected a string, got " + kind());
    }
    return (String) value;
  }

  /** This boolean. */
  public boolean bool() {
    if (!(value instanceof Boolean)) {
      throw error("expected true or false, got " + kind());
    }
    return (Boolean) value;
  }

  /** This number as an exact integer of any size; a fraction or exponent is an error. */
  public BigInteger bigInteger() {
    if (!(value instanceof NumberLiteral)) {
      throw error("expected an integer, got " + kind());
    }
    String text = ((NumberLiteral) value).text();
    if (!isIntegerLiteral(text)) {
      throw error("expected an integer, got " + abbreviate(text));
    }
    return new BigInteger(text);
  }

  /** This number as an exact {@code long}; a fraction or a value out of range is an error. */
  public long longValue() {
    BigInteger big = bigInteger();
    if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0) {
      throw error("integer " + abbreviate(big.toString()) + " is out of the 64-bit range");
    }
    return big.longValue();
  }

  /** This number as an exact {@code int} in {@code [min, max]}. */
  public int intValue(int min, int max) {
    long v = longValue();
    if (v < min || v > max) {
      throw error("integer " + v + " is outside [" + min + ", " + max + "]");
    }
    return (int) v;
  }

  /** This string as hex bytes (either case, no {@code 0x}). */
  public byte[] hexBytes() {
    String text = string();
    if (text.length() % 2 != 0) {
      throw error("hex has an odd number of digits (" + text.length() + ")");
    }
    for (int i = 0; i < text.length(); i++) {
      if (!isHexDigit(text.charAt(i))) {
        throw error("not hex: character '" + printable(text.charAt(i)) + "' at position " + i);
      }
    }
    return HexFormat.of().parseHex(text);
  }

  /**
   * ASCII hex only: {@code Character.digit} also accepts other scripts' digits (fullwidth, Arabic
   * and more), which {@code HexFormat} then rejects with an untyped exception.
   */
  static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isIntegerLiteral(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A short description of the value's kind, for messages. */
  public String kind() {
    if (value instanceof Map) {
      return "an object";
    } else if (value instanceof List) {
      return "an array";
    } else if (value instanceof String) {
      return "a string";
    } else if (value instanceof NumberLiteral) {
      return "the number " + abbreviate(((NumberLiteral) value).text());
    } else if (value instanceof Boolean) {
      return String.valueOf(value);
    }
    return "null";
  }

  /**
   * The first place where this value and {@code other} differ, as a path, or null if they are
   * equal. Object key order is ignored; number literals compare by exact value.
   */
  public String firstDifference(JsonNode other) {
    if (value instanceof Map && other.value instanceof Map) {
      Map<String, JsonNode> a = fields();
      Map<String, JsonNode> b = other.fields();
      for (Map.Entry<String, JsonNode> e : a.entrySet()) {
        JsonNode theirs = b.get(e.getKey());
        if (theirs == null) {
          return e.getValue().path;
        }
        String diff = e.getValue().firstDifference(theirs);
        if (diff != null) {
          return diff;
        }
      }
      for (String key : b.keySet()) {
        if (!a.containsKey(key)) {
          return child(path, key);
        }
      }
      return null;
    }
    if (value instanceof List && other.value instanceof List) {
      List<JsonNode> a = elements();
      List<JsonNode> b = other.elements();
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        String diff = a.get(i).firstDifference(b.get(i));
        if (diff != null) {
          return diff;
        }
      }
      return a.size() == b.size() ? null : path;
    }
    if (value instanceof NumberLiteral && other.value instanceof NumberLiteral) {
      String x = ((NumberLiteral) value).text();
      String y = ((NumberLiteral) other.value).text();
      if (x.equals(y)) {
        return null;
      }
      if (isIntegerLiteral(x) && isIntegerLiteral(y)) {
        return new BigInteger(x).equals(new BigInteger(y)) ? null : path;
      }
      return path;
    }
    return value.equals(other.value) ? null : path;
  }

  /** The node at {@code path} below this one, for messages; null if there is none. */
  public JsonNode at(String fullPath) {
    if (path.equals(fullPath)) {
      return this;
    }
    if (value instanceof Map) {
      for (JsonNode child : fields().values()) {
        JsonNode found = child.at(fullPath);
        if (found != null) {
          return found;
        }
      }
    } else if (value instanceof List) {
      for (JsonNode child : elements()) {
        JsonNode found = child.at(fullPath);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** A short rendering of a scalar value for messages; containers render as their kind. */
  public String brief() {
    if (value instanceof String) {
      return "\"" + abbreviate((String) value) + "\"";
    }
    return kind();
  }

  private static String abbreviate(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length() && i < 80; i++) {
      sb.append(printable(text.charAt(i)));
    }
    if (text.length() > 80) {
      sb.append("…");
    }
    return sb.toString();
  }

  private static String printable(char c) {
    return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}

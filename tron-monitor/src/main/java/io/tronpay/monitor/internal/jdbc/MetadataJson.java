package io.tronpay.monitor.internal.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request's metadata as a flat JSON object of strings, the only shape it has; a full JSON
 * library would be a runtime dependency for one column.
 */
public final class MetadataJson {
  private MetadataJson() {}

  /**
   * Writes a map.
   *
   * @param map string keys and values
   * @return the JSON object
   */
  public static String write(Map<String, String> map) {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(out, e.getKey());
      out.append(':');
      quote(out, e.getValue());
    }
    return out.append('}').toString();
  }

  /**
   * Appends a JSON string literal.
   *
   * @param out where to
   * @param s the text
   */
  public static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @param json the object
   * @return the map, in the stored order
   * @throws IllegalArgumentException at the offset where the text is not such an object
   */
  public static Map<String, String> read(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    int[] pos = {skipSpace(json, 0)};
    expect(json, pos, '{');
    if (peek(json, pos) == '}') {
      pos[0]++;
      return out;
    }
    while (true) {
      String key = string(json, pos);
      expect(json, pos, ':');
      out.put(key, string(json, pos));
      char c = peek(json, pos);
      pos[0]++;
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        throw new IllegalArgumentException("metadata JSON: expected ',' or '}' at offset "
            + (pos[0] - 1));
      }
    }
  }

  private static char peek(String s, int[] pos) {
    pos[0] = skipSpace(s, pos[0]);
    if (pos[0] >= s.length()) {
      throw new IllegalArgumentException("metadata JSON ends early");
    }
    return s.charAt(pos[0]);
  }

  private static void expect(String s, int[] pos, char c) {
    if (peek(s, pos) != c) {
      throw new IllegalArgumentException("metadata JSON: expected '" + c + "' at offset "
          + pos[0]);
    }
    pos[0]++;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String string(String s, int[] pos) {
    expect(s, pos, '"');
    StringBuilder out = new StringBuilder();
    int i = pos[0];
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        pos[0] = i;
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) {
        break;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        case 't':
          out.append('\t');
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'u':
          if (i + 4 > s.length()) {
            throw new IllegalArgumentException("metadata JSON: short \\u escape at offset " + i);
          }
          out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
          break;
        default:
          out.append(e);
      }
    }
    throw new IllegalArgumentException("metadata JSON: unterminated string");
  }
}

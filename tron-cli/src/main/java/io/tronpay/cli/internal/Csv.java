package io.tronpay.cli.internal;

import java.util.List;

/**
 * Writes CSV records as RFC 4180 has them: fields separated by commas, records ended by CRLF, and
 * a field holding a comma, a double quote, CR or LF enclosed in double quotes, with each double
 * quote inside doubled. A null field is written empty.
 */
public final class Csv {
  private Csv() {}

  /**
   * One record, CRLF included.
   *
   * @param fields the fields, null for empty
   * @return the record
   */
  public static String record(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      appendField(out, fields.get(i));
    }
    return out.append("\r\n").toString();
  }

  private static void appendField(StringBuilder out, String field) {
    if (field == null) {
      return;
    }
    boolean quote = false;
    for (int i = 0; i < field.length() && !quote; i++) {
      char c = field.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (!quote) {
      out.append(field);
      return;
    }
    out.append('"');
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }
}

package io.tronpay.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader written for the tests, independent of the command's writer: quoted
 * fields may hold commas, doubled quotes and line breaks; every record ends with CRLF; a bare CR
 * or LF outside quotes, or a quote inside an unquoted field, is an error.
 */
final class Rfc4180 {
  private Rfc4180() {}

  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    boolean wasQuoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (inQuotes) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
        } else if (c == '"') {
          inQuotes = false;
          i++;
        } else {
          field.append(c);
          i++;
        }
        continue;
      }
      if (c == '"') {
        if (field.length() > 0 || wasQuoted) {
          throw new AssertionError("quote inside an unquoted field at offset " + i);
        }
        inQuotes = true;
        wasQuoted = true;
        i++;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
        i++;
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
        records.add(fields);
        fields = new ArrayList<>();
        i += 2;
      } else if (c == '\r' || c == '\n') {
        throw new AssertionError("bare line break outside quotes at offset " + i);
      } else {
        if (wasQuoted) {
          throw new AssertionError("text after a closing quote at offset " + i);
        }
        field.append(c);
        i++;
      }
    }
    if (inQuotes || field.length() > 0 || !fields.isEmpty()) {
      throw new AssertionError("the last record does not end with CRLF");
    }
    return records;
  }
}

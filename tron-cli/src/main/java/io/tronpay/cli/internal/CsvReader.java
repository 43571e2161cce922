package io.tronpay.cli.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 has it: fields separated by commas; records ended by CRLF (a bare LF is
 * accepted too); a field that holds a comma, a double quote or a line break enclosed in double
 * quotes, with each double quote inside doubled. Blank lines are skipped. Each record keeps the
 * line it starts on, so errors can name it even when a quoted field spans lines.
 */
public final class CsvReader {
  private CsvReader() {}

  /**
   * One record.
   *
   * @param line the line it starts on, from 1
   * @param fields its fields, unquoted
   */
  public record Record(int line, List<String> fields) {
    /** Copies the list. */
    public Record {
      fields = List.copyOf(fields);
    }
  }

  /**
   * Parses a whole document.
   *
   * @param text the CSV text; a leading byte order mark is ignored
   * @param source names the document in messages, such as the file name
   * @return the records, in order
   * @throws CliInputException naming the line and column of malformed quoting
   */
  public static List<Record> parse(String text, String source) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    // Whether the record so far has anything in it (text, a comma or quotes): blank lines do not.
    boolean content = false;
    // Whether the current field was quoted and its closing quote read: only a comma or the end of
    // the line may follow.
    boolean closed = false;
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isEnd(text, i)) {
        if (content) {
          fields.add(field.toString());
          records.add(new Record(recordLine, fields));
        }
        fields = new ArrayList<>();
        field.setLength(0);
        content = false;
        closed = false;
        i += c == '\r' ? 2 : 1;
        line++;
        recordLine = line;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        content = true;
        closed = false;
        i++;
      } else if (closed) {
        throw new CliInputException(where(source, line, fields)
            + "text after the closing quote of a quoted field");
      } else if (c == '"' && field.length() == 0) {
        int opened = line;
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new CliInputException(where(source, opened, fields)
                + "a quoted field is never closed");
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n') {
            line++;
          }
          field.append(q);
          i++;
        }
        content = true;
        closed = true;
      } else if (c == '"') {
        throw new CliInputException(where(source, line, fields) + "a double quote inside an "
            + "unquoted field (quote the whole field and double the quote)");
      } else {
        field.append(c);
        content = true;
        i++;
      }
    }
    if (content) {
      fields.add(field.toString());
      records.add(new Record(recordLine, fields));
    }
    return records;
  }

  private static String where(String source, int line, List<String> fieldsBefore) {
    return source + " line " + line + ", column " + (fieldsBefore.size() + 1) + ": ";
  }

  /** A line ends here: LF, or CR followed by LF. A lone CR is ordinary text. */
  private static boolean isEnd(String text, int i) {
    char c = text.charAt(i);
    return c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
  }
}

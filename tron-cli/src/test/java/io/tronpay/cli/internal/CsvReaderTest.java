package io.tronpay.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 parsing, with the examples of RFC 4180 section 2 as expected values. */
class CsvReaderTest {
  private static List<List<String>> fields(String text) {
    return CsvReader.parse(text, "f.csv").stream().map(CsvReader.Record::fields).toList();
  }

  @Test
  void rfc4180Examples_parseAsTheRfcDescribes() {
    // Rule 1 and 2: CRLF-separated records, the last one with or without a line break.
    assertEquals(List.of(List.of("aaa", "bbb", "ccc"), List.of("zzz", "yyy", "xxx")),
        fields("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n"));
    assertEquals(List.of(List.of("aaa", "bbb", "ccc"), List.of("zzz", "yyy", "xxx")),
        fields("aaa,bbb,ccc\r\nzzz,yyy,xxx"));
    // Rule 5: fields may be quoted.
    assertEquals(List.of(List.of("aaa", "bbb", "ccc")), fields("\"aaa\",\"bbb\",\"ccc\"\r\n"));
    // Rule 6: quoted fields hold line breaks, double quotes and commas.
    assertEquals(List.of(List.of("aaa", "b\r\nbb", "ccc"), List.of("zzz", "yyy", "xxx")),
        fields("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,yyy,xxx"));
    // Rule 7: a double quote inside a quoted field is doubled.
    assertEquals(List.of(List.of("aaa", "b\"bb", "ccc")), fields("\"aaa\",\"b\"\"bb\",\"ccc\""));
    assertEquals(List.of(List.of("a,b", "", "")), fields("\"a,b\",,"));
  }

  @Test
  void lineNumbers_countPhysicalLines_acrossQuotedLineBreaks() {
    List<CsvReader.Record> records =
        CsvReader.parse("\uFEFFh1,h2\n\n\"x\ny\",1\nlast,2\n", "f.csv");

    assertEquals(List.of(1, 3, 5), records.stream().map(CsvReader.Record::line).toList());
    assertEquals(List.of("h1", "h2"), records.get(0).fields());
    assertEquals(List.of("x\ny", "1"), records.get(1).fields());
  }

  @Test
  void malformedQuoting_namesLineAndColumn() {
    assertEquals("f.csv line 2, column 2: a double quote inside an unquoted field (quote the "
        + "whole field and double the quote)",
        assertThrows(CliInputException.class, () -> CsvReader.parse("a,b\nc,d\"e\n", "f.csv"))
            .getMessage());
    assertEquals("f.csv line 1, column 1: text after the closing quote of a quoted field",
        assertThrows(CliInputException.class, () -> CsvReader.parse("\"a\"b,c", "f.csv"))
            .getMessage());
    assertEquals("f.csv line 2, column 3: a quoted field is never closed",
        assertThrows(CliInputException.class, () -> CsvReader.parse("a\nb,c,\"d\n\n", "f.csv"))
            .getMessage());
  }
}

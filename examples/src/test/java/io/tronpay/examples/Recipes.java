package io.tronpay.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a recipe into a buffer, and reads the vectors the smoke tests compare against. */
final class Recipes {
  private Recipes() {}

  /** A recipe's exit status and everything it printed. */
  record Run(int status, String output) {}

  interface Body {
    int run(PrintStream out) throws Exception;
  }

  static Run run(Body body) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    int status = body.run(out);
    return new Run(status, buffer.toString(StandardCharsets.UTF_8));
  }

  static String resource(String name) {
    try (InputStream in = Recipes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The string values of every {@code "field": "..."} in a small JSON document, in order. */
  static List<String> jsonStrings(String json, String field) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"")
        .matcher(json);
    List<String> values = new ArrayList<>();
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  static String tronwebVector() {
    return resource("/vectors/tronweb-hd-case0.json");
  }
}

package io.tronpay.cli;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/** Runs the command in-process with captured streams, and reads JSON for the assertions. */
final class Cli {
  private Cli() {}

  /** What one run left behind. */
  record Result(int exitCode, String out, String err) {
    /** Standard output as one JSON object. */
    Map<String, Object> json() {
      return parse(out);
    }

    /** The last line of standard error (the error), as one JSON object. */
    Map<String, Object> errorJson() {
      String[] lines = err.strip().split("\n");
      return parse(lines[lines.length - 1]);
    }
  }

  static Result runWithStdin(String stdin, String... args) {
    return runWithStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static Result runWithStdin(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode = TronCli.run(new ByteArrayInputStream(stdin), out, err, args);
    return new Result(exitCode, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  static Result run(String... args) {
    return runWithStdin(new byte[0], args);
  }

  /** Runs as if a person sat at a terminal (as {@code main} does when a console exists). */
  static Result runAtTerminal(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode = TronCli.run(new ByteArrayInputStream(new byte[0]), out, err, true, args);
    return new Result(exitCode, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Parses a JSON array of objects, numbers exact. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> parseArray(String json) {
    return (List<Map<String, Object>>) parse("{\"a\":" + json.strip() + "}").get("a");
  }

  /** Parses a JSON object, keeping numbers exact (BigInteger or BigDecimal, never double). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String json) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json.strip()))) {
      Object tree = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IOException("trailing content");
      }
      return (Map<String, Object>) tree;
    } catch (IOException | ClassCastException e) {
      throw new UncheckedIOException("not one JSON object: " + json,
          e instanceof IOException io ? io : new IOException(e));
    }
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
      case NUMBER: {
        BigDecimal number = new BigDecimal(reader.nextString());
        return number.scale() <= 0 ? number.toBigIntegerExact() : number;
      }
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        return reader.nextString();
    }
  }

  /** Writes a tree from {@link #parse} back to JSON text, numbers exactly as read. */
  static String write(Object tree) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      write(writer, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
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
    } else if (value instanceof Number number) {
      writer.value(number);
    } else if (value instanceof Boolean bool) {
      writer.value(bool);
    } else if (value == null) {
      writer.nullValue();
    } else {
      writer.value((String) value);
    }
  }

  /** Writes a test key file as a careful user would: readable by its owner only. */
  static void writeKeyFile(Path file, String content) throws IOException {
    Files.createFile(file, PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
  }

  /** The text of a classpath resource. */
  static String resource(String name) {
    try (InputStream in = Cli.class.getResourceAsStream("/vectors/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code cases} of a vector file. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cases(String name) {
    return (List<Map<String, Object>>) parse(resource(name)).get("cases");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }
}

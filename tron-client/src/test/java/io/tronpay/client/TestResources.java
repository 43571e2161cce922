package io.tronpay.client;

import io.tronpay.client.internal.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads test vectors and fixtures from the test classpath. */
final class TestResources {
  private TestResources() {}

  static String text(String resource) {
    try (InputStream in = TestResources.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String resource) {
    return JsonNode.parse(text(resource), "");
  }

  /** The {@code .json} resources directly in a classpath folder, sorted by name. */
  static List<String> jsonFilesIn(String folder) {
    URL url = TestResources.class.getResource(folder);
    if (url == null) {
      throw new IllegalStateException("no test resource folder " + folder);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      List<String> names = new ArrayList<>();
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
          .forEach(n -> names.add(folder + "/" + n));
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every object below {@code node} that looks like a transaction (has raw_data.contract). */
  static List<JsonNode> transactionsIn(JsonNode node) {
    List<JsonNode> found = new ArrayList<>();
    collect(node, found);
    return found;
  }

  private static void collect(JsonNode node, List<JsonNode> found) {
    if (node.isObject()) {
      JsonNode raw = node.getOrNull("raw_data");
      if (raw != null && raw.isObject() && raw.has("contract")) {
        found.add(node);
      }
      for (String key : node.keys()) {
        JsonNode child = node.getOrNull(key);
        if (child != null) {
          collect(child, found);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node.elements()) {
        collect(element, found);
      }
    }
  }
}

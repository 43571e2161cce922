package io.tronpay.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Where the reactor lives and which of its modules are published libraries. */
final class Repo {
  private Repo() {}

  /** The repository root, handed in by Surefire so the checks never guess from the working dir. */
  static Path root() {
    String root = System.getProperty("tronpay.root");
    if (root == null) {
      throw new IllegalStateException("system property tronpay.root is not set; run through Maven");
    }
    return Paths.get(root).toAbsolutePath().normalize();
  }

  /** The modules listed in {@code published-modules.txt}, in file order. */
  static List<String> publishedModules() {
    try (InputStream in = Repo.class.getResourceAsStream("/published-modules.txt")) {
      if (in == null) {
        throw new IllegalStateException("published-modules.txt is missing from the test classpath");
      }
      List<String> modules = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          modules.add(name);
        }
      }
      return modules;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean apiUpdateRequested() {
    return Boolean.parseBoolean(System.getProperty("api.update", "false"));
  }
}

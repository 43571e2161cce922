package io.tronpay.checks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the {@code target/runtime-classpath.txt} that each published module's build writes. */
final class RuntimeClasspath {
  static final String FILE = "target/runtime-classpath.txt";

  private RuntimeClasspath() {}

  static List<String> read(Path moduleDir) throws IOException {
    Path file = moduleDir.resolve(FILE);
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          file + " is missing: the root pom's `published` profile writes it; build the module first");
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(text.split(File.pathSeparator)).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
  }
}

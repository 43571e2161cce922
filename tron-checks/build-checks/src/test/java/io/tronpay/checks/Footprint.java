package io.tronpay.checks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a module costs a host application: its own jar plus its runtime classpath. Sizes are in
 * MB of 1,000,000 bytes, the unit of the targets.
 *
 * @param module the module's directory name
 * @param bytes the total size of its jar and runtime dependencies
 * @param jars how many jars that is, its own included
 */
record Footprint(String module, long bytes, int jars) {

  static Footprint measure(Path root, String module) throws IOException {
    Path moduleDir = root.resolve(module);
    long bytes = ownArtifactSize(moduleDir, module);
    List<String> classpath = RuntimeClasspath.read(moduleDir);
    for (String entry : classpath) {
      bytes += size(new File(entry).toPath());
    }
    return new Footprint(module, bytes, classpath.size() + 1);
  }

  double megabytes() {
    return bytes / 1_000_000.0;
  }

  String reportLine() {
    return String.format(java.util.Locale.ROOT, "%-14s %6.1f MB  %2d jars", module, megabytes(), jars);
  }

  /** The packaged jar when the build went that far; otherwise its compiled classes. */
  private static long ownArtifactSize(Path moduleDir, String module) throws IOException {
    Path target = moduleDir.resolve("target");
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (name.startsWith(module + "-") && name.endsWith(".jar")
              && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")
              && !name.endsWith("-tests.jar")) {
            return Files.size(file);
          }
        }
      }
    }
    return size(target.resolve("classes"));
  }

  private static long size(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return Files.size(path);
    }
    if (!Files.isDirectory(path)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }
}

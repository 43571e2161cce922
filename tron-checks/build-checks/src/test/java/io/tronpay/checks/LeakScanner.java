package io.tronpay.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Looks for known secrets in captured log lines and in arbitrary texts. */
final class LeakScanner {
  private final List<KnownSecret> secrets;

  LeakScanner(List<KnownSecret> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /** Every secret that {@code text} contains, each reported once, labelled {@code where}. */
  List<Leak> scanText(String where, String text) {
    String haystack = text.toLowerCase(Locale.ROOT);
    List<Leak> leaks = new ArrayList<>();
    for (KnownSecret secret : secrets) {
      for (String form : secret.forms()) {
        if (haystack.contains(form)) {
          leaks.add(new Leak(where, secret));
          break;
        }
      }
    }
    return leaks;
  }

  /** Scans every {@code *.log} file directly inside {@code dir}, line by line. */
  List<Leak> scanCaptureDir(Path root, Path dir) throws IOException {
    List<Leak> leaks = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return leaks;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        leaks.addAll(scanFile(root.relativize(file).toString(), file));
      }
    }
    return leaks;
  }

  List<Leak> scanFile(String label, Path file) throws IOException {
    List<Leak> leaks = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      leaks.addAll(scanText(label + ":" + (i + 1), lines.get(i)));
    }
    return leaks;
  }
}

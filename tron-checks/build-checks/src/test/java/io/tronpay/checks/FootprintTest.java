package io.tronpay.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reports each published module's runtime footprint to {@code target/footprint.txt} and holds
 * the targets (docs/benchmarks.md, "Footprint").
 */
class FootprintTest {
  /** Issue 10: tron-core ≤ 9.5 MB with BouncyCastle, tron-wallet ≤ 10.5 MB. */
  private static final Map<String, Long> TARGET_BYTES =
      Map.of("tron-core", 9_500_000L, "tron-wallet", 10_500_000L);

  @Test
  void publishedModules_footprintIsReportedAndWithinTargets() throws Exception {
    Path root = Repo.root();
    List<String> report = new ArrayList<>();
    report.add("# runtime footprint: own jar + runtime classpath (MB = 1,000,000 bytes)");
    List<String> overTarget = new ArrayList<>();
    for (String module : Repo.publishedModules()) {
      Footprint footprint = Footprint.measure(root, module);
      report.add(footprint.reportLine());
      Long target = TARGET_BYTES.get(module);
      if (target != null && footprint.bytes() > target) {
        overTarget.add(footprint.reportLine() + " exceeds " + target / 1_000_000.0 + " MB");
      }
    }
    Path out = Path.of("target", "footprint.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report, StandardCharsets.UTF_8);
    assertTrue(overTarget.isEmpty(), String.join("\n", overTarget));
  }
}

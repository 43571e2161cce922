package io.tronpay.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** API changes must be deliberate: each published module's API is committed under api/. */
class ApiListingTest {
  static final String REGENERATE =
      "mvn -B -pl tron-checks/build-checks -am verify -Dapi.update=true";

  @TestFactory
  Stream<DynamicTest> publishedApi_matchesCommittedListing() {
    Path root = Repo.root();
    return Repo.publishedModules().stream().map(module -> DynamicTest.dynamicTest(module, () -> {
      List<String> current = ApiListing.generate(root.resolve(module));
      Path committed = root.resolve("api").resolve(module + ".txt");
      if (Repo.apiUpdateRequested()) {
        ApiListing.write(committed, module, current);
        return;
      }
      if (!Files.exists(committed)) {
        fail("api/" + module + ".txt is missing; generate it with: " + REGENERATE);
      }
      List<String> expected = ApiListing.read(committed);
      if (!expected.equals(current)) {
        fail("the public API of " + module + " differs from api/" + module + ".txt"
            + " (- committed, + this build):\n" + LineDiff.diff(expected, current)
            + "\nIf the change is deliberate, regenerate and commit the listing: " + REGENERATE);
      }
    }));
  }

  @Test
  void listing_excludesInternalPackagesAndPrivateMembers() throws Exception {
    List<String> core = ApiListing.generate(Repo.root().resolve("tron-core"));
    assertFalse(core.stream().anyMatch(l -> l.contains(".internal.")),
        "internal packages are not exported, so they are not API");
    assertTrue(core.contains("public final class io.tronpay.core.PrivateKey"
        + " implements io.tronpay.core.Signer, javax.security.auth.Destroyable"));
    assertFalse(core.stream().anyMatch(l -> l.startsWith("  private ")));
  }

  @Test
  void lineDiff_marksRemovedAndAddedLines() {
    assertEquals("- b\n+ c\n", LineDiff.diff(List.of("a", "b"), List.of("a", "c")));
  }
}

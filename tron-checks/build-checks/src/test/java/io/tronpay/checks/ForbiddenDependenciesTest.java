package io.tronpay.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No published module may bring guava, jackson, protobuf-java, grpc or a second BouncyCastle. */
class ForbiddenDependenciesTest {
  private static final String REPO = "local-repo/";

  @Test
  void publishedModules_runtimeClasspathsHoldNoForbiddenJar() throws Exception {
    List<String> violations = new ArrayList<>();
    for (String module : Repo.publishedModules()) {
      violations.addAll(ForbiddenDependencies.violations(
          module, RuntimeClasspath.read(Repo.root().resolve(module))));
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void plantedForbiddenJars_areEachNamed() {
    List<String> planted = List.of(
        REPO + "org/bouncycastle/bcprov-jdk18on/1.80/bcprov-jdk18on-1.80.jar",
        REPO + "com/google/guava/guava/33.4.0-jre/guava-33.4.0-jre.jar",
        REPO + "com/fasterxml/jackson/core/jackson-databind/2.18.2/jackson-databind-2.18.2.jar",
        REPO + "com/google/protobuf/protobuf-java/4.29.3/protobuf-java-4.29.3.jar",
        REPO + "io/grpc/grpc-api/1.70.0/grpc-api-1.70.0.jar",
        REPO + "org/bouncycastle/bcprov-jdk15to18/1.80/bcprov-jdk15to18-1.80.jar");
    List<String> violations = ForbiddenDependencies.violations("tron-planted", planted);
    assertEquals(5, violations.size(), String.join("\n", violations));
    for (String jar : List.of("guava-33.4.0-jre.jar", "jackson-databind-2.18.2.jar",
        "protobuf-java-4.29.3.jar", "grpc-api-1.70.0.jar", "bcprov-jdk15to18-1.80.jar")) {
      assertTrue(violations.stream().anyMatch(v -> v.startsWith("tron-planted: ") && v.contains(jar)),
          jar + " is not reported in " + violations);
    }
  }

  @Test
  void twoCopiesOfBcprov_areReported() {
    List<String> planted = List.of(
        REPO + "org/bouncycastle/bcprov-jdk18on/1.80/bcprov-jdk18on-1.80.jar",
        REPO + "org/bouncycastle/bcprov-jdk18on/1.79/bcprov-jdk18on-1.79.jar");
    assertEquals(List.of("tron-planted: 2 bcprov-jdk18on jars; exactly one may be present"),
        ForbiddenDependencies.violations("tron-planted", planted));
  }

  @Test
  void bcprovJdk18onAlone_isAllowed() {
    assertEquals(List.of(), ForbiddenDependencies.violations("tron-planted", List.of(
        REPO + "org/bouncycastle/bcprov-jdk18on/1.80/bcprov-jdk18on-1.80.jar",
        REPO + "com/squareup/okhttp3/okhttp-jvm/5.1.0/okhttp-jvm-5.1.0.jar")));
  }
}

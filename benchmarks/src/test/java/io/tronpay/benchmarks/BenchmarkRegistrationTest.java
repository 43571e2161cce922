package io.tronpay.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The JMH annotation processor must run at compile time, or benchmarks.jar starts with an empty
 * list. This compares the generated list with the annotated methods.
 */
class BenchmarkRegistrationTest {
  private static final List<Class<?>> BENCHMARK_CLASSES =
      List.of(SigningBenchmark.class, Base58CheckBenchmark.class, AddressBenchmark.class,
          HashBenchmark.class, WalletBenchmark.class);

  @Test
  void benchmarkList_namesEveryAnnotatedMethod() throws IOException {
    Set<String> annotated = new TreeSet<>();
    for (Class<?> type : BENCHMARK_CLASSES) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Benchmark.class)) {
          annotated.add(type.getName() + "." + method.getName());
        }
      }
    }
    Set<String> registered = new TreeSet<>();
    try (InputStream in = getClass().getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
      assertNotNull(in, "the JMH annotation processor did not write its benchmark list");
      for (BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in)) {
        registered.add(entry.getUsername());
      }
    }
    assertEquals(annotated, registered);
  }
}

package io.tronpay.checks.logcapture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class CapturingServiceProviderTest {
  private static final Logger LOG = LoggerFactory.getLogger("capture.selftest");

  @Test
  void everyLevel_isCapturedWithFormattedArgumentsAndTheWholeCauseChain() throws IOException {
    IllegalStateException cause = new IllegalStateException("inner detail 77");
    RuntimeException top = new RuntimeException("outer detail", cause);
    top.addSuppressed(new IllegalArgumentException("suppressed detail"));

    LOG.trace("trace {} and {}", "first-arg", 42);
    LOG.atDebug().addKeyValue("account", "kv-value").log("fluent event");
    LOG.error("failed for {}", "order-9", top);

    List<String> lines = capturedLines("capture.selftest");
    assertEquals(3, lines.size(), lines::toString);
    assertEquals("TRACE capture.selftest: trace first-arg and 42", lines.get(0));
    assertTrue(lines.get(1).startsWith("DEBUG capture.selftest: "), lines.get(1));
    assertTrue(lines.get(1).contains("account=kv-value"), lines.get(1));
    assertTrue(lines.get(1).contains("fluent event"), lines.get(1));
    assertTrue(lines.get(2).startsWith("ERROR capture.selftest: failed for order-9 | "), lines.get(2));
    assertTrue(lines.get(2).contains("java.lang.RuntimeException: outer detail"), lines.get(2));
    assertTrue(lines.get(2).contains("java.lang.IllegalArgumentException: suppressed detail"), lines.get(2));
    assertTrue(lines.get(2).contains("java.lang.IllegalStateException: inner detail 77"), lines.get(2));
  }

  @Test
  void mariaDbPacketTrace_isLeftOut_butItsDebugLinesAreNot() throws IOException {
    String packets = "org.mariadb.jdbc.client.socket.impl.PacketReader";
    Logger driver = LoggerFactory.getLogger(packets);
    driver.trace("read: conn={} {}", 7, "00 01 02");
    driver.debug("connection {} closed", 7);
    LoggerFactory.getLogger("org.mariadb.jdbc.client.impl.StandardClient").trace("kept");
    assertEquals(List.of("DEBUG " + packets + ": connection 7 closed"), capturedLines(packets));
    assertEquals(1, capturedLines("org.mariadb.jdbc.client.impl.StandardClient").size());
  }

  @Test
  void multiLineMessage_staysOnOneLine() throws IOException {
    LoggerFactory.getLogger("capture.multiline").warn("first\nsecond");
    assertEquals(List.of("WARN capture.multiline: first\\nsecond"), capturedLines("capture.multiline"));
  }

  /** This JVM's capture file only: earlier runs without `clean` leave theirs beside it. */
  private static List<String> capturedLines(String loggerName) throws IOException {
    Path file = Paths.get(System.getProperty("tronpay.logCapture.dir"))
        .resolve("events-" + ProcessHandle.current().pid() + ".log");
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> l.contains(" " + loggerName + ": "))
        .toList();
  }
}

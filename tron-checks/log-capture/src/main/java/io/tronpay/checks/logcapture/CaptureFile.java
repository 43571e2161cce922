package io.tronpay.checks.logcapture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * One capture file per test JVM, named by process id so that forked JVMs of one module never
 * interleave. A write failure throws: a capture that silently stops would pass the leak check.
 */
final class CaptureFile {
  /** Overrides the directory; relative paths resolve against the test JVM's working directory. */
  static final String DIRECTORY_PROPERTY = "tronpay.logCapture.dir";

  private static final String DEFAULT_DIRECTORY = "target/log-capture";

  private final Writer writer;

  private CaptureFile(Writer writer) {
    this.writer = writer;
  }

  static CaptureFile forThisJvm() {
    Path dir = Paths.get(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY));
    Path file = dir.resolve("events-" + ProcessHandle.current().pid() + ".log");
    try {
      Files.createDirectories(dir);
      return new CaptureFile(
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the log capture file " + file, e);
    }
  }

  synchronized void append(String line) {
    try {
      // One event is one line, so a scanner can name the line and nothing spans two.
      writer.write(line.replace("\r", "\\r").replace("\n", "\\n"));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the log capture file", e);
    }
  }
}

package io.tronpay.checks.logcapture;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.spi.MDCAdapter;

/** Hands out one {@link CapturingLogger} per name, all writing to the same capture file. */
final class CapturingLoggerFactory implements ILoggerFactory {
  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final CaptureFile file;
  private final MDCAdapter mdc;

  CapturingLoggerFactory(CaptureFile file, MDCAdapter mdc) {
    this.file = file;
    this.mdc = mdc;
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, n -> new CapturingLogger(n, file, mdc));
  }
}

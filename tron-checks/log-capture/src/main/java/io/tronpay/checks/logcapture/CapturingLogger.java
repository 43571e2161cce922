package io.tronpay.checks.logcapture;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;

/**
 * Enables every level: a secret logged at TRACE leaks as surely as one logged at ERROR once a
 * host turns its logging up. The one exception is the MariaDB driver's packet tracing: a hex
 * image of every network packet, about ten megabytes per test JVM, that records the wire rather
 * than anything a log line of ours or the driver's says (its DEBUG lines are still captured).
 */
final class CapturingLogger extends AbstractLogger {
  private static final long serialVersionUID = 1L;
  private static final String PACKET_TRACE = "org.mariadb.jdbc.client.socket.";

  private final transient CaptureFile file;
  private final transient MDCAdapter mdc;
  private final boolean trace;

  CapturingLogger(String name, CaptureFile file, MDCAdapter mdc) {
    this.name = name;
    this.file = file;
    this.mdc = mdc;
    this.trace = !name.startsWith(PACKET_TRACE);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
    StringBuilder line = new StringBuilder();
    line.append(level).append(' ').append(name).append(": ");
    line.append(MessageFormatter.basicArrayFormat(messagePattern, arguments));
    if (arguments != null) {
      // Arguments without a placeholder are still handed to the backend; some print them.
      for (Object argument : arguments) {
        if (argument instanceof Throwable) {
          appendChain(line, (Throwable) argument);
        }
      }
    }
    if (throwable != null) {
      appendChain(line, throwable);
    }
    Map<String, String> context = mdc.getCopyOfContextMap();
    if (context != null && !context.isEmpty()) {
      line.append(" | mdc=").append(context);
    }
    file.append(line.toString());
  }

  private static void appendChain(StringBuilder line, Throwable top) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    appendChain(line, top, seen);
  }

  private static void appendChain(StringBuilder line, Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    line.append(" | ").append(t);
    for (Throwable suppressed : t.getSuppressed()) {
      appendChain(line, suppressed, seen);
    }
    appendChain(line, t.getCause(), seen);
  }

  @Override
  public boolean isTraceEnabled() {
    return trace;
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return trace;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return true;
  }
}

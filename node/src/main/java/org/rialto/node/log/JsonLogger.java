package org.rialto.node.log;

import java.time.Instant;
import java.util.Map;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One logger of {@link JsonLogProvider}: writes each event as one JSON object on one line of
 * standard error, with the time, level, logger, thread, every MDC entry ({@code node},
 * {@code uetr}, …) and the message; a throwable as its class, message, causes and first frames,
 * on the same line. A message our own code logs as a JSON object (loggers named {@code rialto.*})
 * is kept as the object {@code event}, not quoted into a string.
 */
final class JsonLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;
  /** A line is for people and log shippers; a runaway message or stack does not become a megabyte line. */
  static final int MAX_MESSAGE_CHARS = 8_192;
  static final int MAX_FRAMES = 12;
  static final int MAX_CAUSES = 5;

  /** Null when the logger is off. */
  private final Level level;
  private final boolean ownJson;

  JsonLogger(String name, Level level) {
    this.name = name;
    this.level = level;
    this.ownJson = name.startsWith("rialto.");
  }

  private boolean enabled(Level l) {
    return level != null && l.toInt() >= level.toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level l, Marker marker, String pattern, Object[] args, Throwable t) {
    String message = args == null || args.length == 0 ? pattern : MessageFormatter.basicArrayFormat(pattern, args);
    String line = line(Instant.now(), l, name, Thread.currentThread().getName(), MDC.getCopyOfContextMap(), message, t, ownJson);
    // One print per line: PrintStream serialises whole calls, so lines of threads never interleave.
    System.err.print(line);
  }

  static String line(Instant at, Level l, String logger, String thread, Map<String, String> mdc, String message, Throwable t,
      boolean ownJson) {
    var b = new StringBuilder(256);
    b.append("{\"ts\":\"").append(at).append("\",\"level\":\"").append(l.name()).append("\",\"logger\":");
    Logs.quote(b, logger);
    b.append(",\"thread\":");
    Logs.quote(b, thread);
    if (mdc != null) {
      // node and uetr first, so a person reading the raw line sees them where they expect them.
      for (String key : new String[] {Logs.NODE, Logs.UETR}) {
        String v = mdc.get(key);
        if (v != null) {
          b.append(",\"").append(key).append("\":");
          Logs.quote(b, v);
        }
      }
      for (var e : new java.util.TreeMap<>(mdc).entrySet()) {
        if (e.getKey().equals(Logs.NODE) || e.getKey().equals(Logs.UETR)) continue;
        b.append(',');
        Logs.quote(b, e.getKey());
        b.append(':');
        Logs.quote(b, e.getValue());
      }
    }
    String m = message == null ? "" : message;
    if (ownJson && m.length() <= MAX_MESSAGE_CHARS && m.startsWith("{") && m.endsWith("}")) {
      b.append(",\"event\":").append(m);
    } else {
      b.append(",\"msg\":");
      Logs.quote(b, m.length() > MAX_MESSAGE_CHARS ? m.substring(0, MAX_MESSAGE_CHARS) + "…" : m);
    }
    if (t != null) {
      b.append(",\"error\":");
      Logs.quote(b, describe(t));
    }
    return b.append("}\n").toString();
  }

  /** A throwable on one line: "Class: message | at frame | … | caused by Class: message | …". */
  static String describe(Throwable t) {
    var b = new StringBuilder();
    int causes = 0;
    for (Throwable c = t; c != null && causes <= MAX_CAUSES; c = c.getCause() == c ? null : c.getCause(), causes++) {
      if (causes > 0) b.append(" | caused by ");
      b.append(c);
      var frames = c.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) b.append(" | at ").append(frames[i]);
      if (frames.length > MAX_FRAMES) b.append(" | … ").append(frames.length - MAX_FRAMES).append(" more");
    }
    return b.toString();
  }
}

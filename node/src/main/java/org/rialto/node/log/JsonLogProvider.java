package org.rialto.node.log;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The node's SLF4J backend: every line, the node's own and its libraries' (Jetty, Javalin,
 * HikariCP, Flyway), is one JSON object on standard error with the SLF4J MDC in it, so the node id
 * and the UETR a thread is working on are on every line written while it does ({@link Logs}).
 *
 * <p>Why our own, in three small classes, and not logback or Log4j 2: the node needs exactly one
 * thing from a backend (a JSON line with the MDC, levels per logger) and slf4j-simple cannot print
 * the MDC. Logback would do it with a configuration file, an encoder and some hundred classes more
 * on the class path of every node; this is the whole of what we use, with no configuration language
 * and no file appenders (a node's output goes wherever its supervisor sends standard error).
 *
 * <p>Levels use slf4j-simple's keys, so the flags people know keep working: the system property
 * {@code org.slf4j.simpleLogger.defaultLogLevel} (default {@code info}) and
 * {@code org.slf4j.simpleLogger.log.<logger or prefix>}, the longest dotted prefix winning; a
 * {@code simplelogger.properties} on the class path gives defaults, system properties override.
 * Levels are read when a logger is first made.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {
  static final String DEFAULT_KEY = "org.slf4j.simpleLogger.defaultLogLevel";
  static final String LOGGER_PREFIX = "org.slf4j.simpleLogger.log.";

  private ILoggerFactory loggers;
  private IMarkerFactory markers;
  private MDCAdapter mdc;

  @Override
  public void initialize() {
    var defaults = new Properties();
    try (InputStream in = JsonLogProvider.class.getClassLoader().getResourceAsStream("simplelogger.properties")) {
      if (in != null) defaults.load(in);
    } catch (IOException e) {
      // No defaults file: every logger falls back to the system properties, then INFO.
    }
    var cache = new ConcurrentHashMap<String, Logger>();
    this.loggers = name -> cache.computeIfAbsent(name, n -> new JsonLogger(n, level(n, defaults)));
    this.markers = new BasicMarkerFactory();
    this.mdc = new BasicMDCAdapter();
  }

  /** The level for {@code name}: its own key, else its nearest dotted parent's, else the default. */
  static Level level(String name, Properties defaults) {
    String n = name;
    while (true) {
      String v = setting(LOGGER_PREFIX + n, defaults);
      if (v != null) return parse(v);
      int dot = n.lastIndexOf('.');
      if (dot < 0) break;
      n = n.substring(0, dot);
    }
    String d = setting(DEFAULT_KEY, defaults);
    return d == null ? Level.INFO : parse(d);
  }

  private static String setting(String key, Properties defaults) {
    String v = System.getProperty(key);
    return v != null ? v : defaults.getProperty(key);
  }

  /** slf4j-simple's names, with "off" as above ERROR. */
  static Level parse(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "trace" -> Level.TRACE;
      case "debug" -> Level.DEBUG;
      case "warn" -> Level.WARN;
      case "error" -> Level.ERROR;
      case "off" -> null;
      default -> Level.INFO;
    };
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }
}

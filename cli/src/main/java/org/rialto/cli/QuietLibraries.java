package org.rialto.cli;

/**
 * Connection pools, migrations and the embedded PostgreSQL log every step at INFO; for commands
 * whose output is a report, only their warnings belong on the terminal. An explicit
 * {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=…} still wins.
 */
final class QuietLibraries {
  private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private QuietLibraries() {}

  static void apply() {
    if (System.getProperty(LEVEL) == null) {
      System.setProperty(LEVEL, "warn");
    }
  }
}

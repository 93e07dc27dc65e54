package org.rialto.store;

/**
 * One PostgreSQL server for the whole test run (starting one takes seconds); each test takes its
 * own database. Stopped by {@link LocalPostgres}'s shutdown hook when the test JVM exits.
 */
final class TestPostgres {
  private static LocalPostgres server;

  private TestPostgres() {}

  static synchronized LocalPostgres server() {
    if (server == null) {
      server = LocalPostgres.start();
    }
    return server;
  }

  static String newDatabase(String prefix) {
    return server().createDatabase(prefix);
  }
}

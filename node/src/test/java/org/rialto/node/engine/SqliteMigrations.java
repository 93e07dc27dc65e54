package org.rialto.node.engine;

import org.flywaydb.core.Flyway;

/** Brings a SQLite store to a given migration, as an older release left it, for upgrade tests. */
final class SqliteMigrations {
  /** The folders Store.open gives Flyway for a SQLite store (db/node/common: both dialects' migrations). */
  private static final String[] LOCATIONS = {"classpath:db/store/sqlite", "classpath:db/node/sqlite",
      "classpath:db/node/common", "classpath:db/security/sqlite"};

  private SqliteMigrations() {}

  /** @param targetVersion the last migration applied, or null for all of them */
  static void migrate(String url, String targetVersion) {
    var flyway = Flyway.configure().dataSource(url, null, null).locations(LOCATIONS);
    if (targetVersion != null) flyway.target(targetVersion);
    flyway.load().migrate();
  }
}

package org.rialto.security.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.rialto.store.Store;
import org.rialto.store.StoreUrl;

/** A SQLite store with the security migrations applied through the store, as the node does it. */
public final class TestDb {
  private TestDb() {}

  private static Path template;

  /** Migrating costs seconds on a loaded machine: migrate once, then copy the closed file. */
  public static synchronized String create(Path dir) {
    try {
      if (template == null) {
        Path t = java.nio.file.Files.createTempDirectory("rialto-security-template").resolve("store.db");
        try (Store store = Store.open(StoreUrl.parse(t.toString()), List.of("db/security"))) {
          if (store.failed()) {
            throw new IllegalStateException("store failed");
          }
        }
        if (java.nio.file.Files.exists(t.resolveSibling("store.db-wal")) && java.nio.file.Files.size(t.resolveSibling("store.db-wal")) > 0) {
          throw new IllegalStateException("template store was not checkpointed on close");
        }
        template = t;
      }
      Path file = dir.resolve("store.db");
      java.nio.file.Files.copy(template, file);
      return "jdbc:sqlite:" + file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A connection in a transaction (auto-commit off), as the node's writer holds one. */
  public static Connection connect(String jdbcUrl) throws SQLException {
    Connection c = DriverManager.getConnection(jdbcUrl);
    c.setAutoCommit(false);
    return c;
  }
}

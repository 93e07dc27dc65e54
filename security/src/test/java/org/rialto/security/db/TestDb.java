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

  public static String create(Path dir) {
    Path file = dir.resolve("store.db");
    try (Store store = Store.open(StoreUrl.parse(file.toString()), List.of("db/security"))) {
      if (store.failed()) {
        throw new IllegalStateException("store failed");
      }
    }
    return "jdbc:sqlite:" + file;
  }

  /** A connection in a transaction (auto-commit off), as the node's writer holds one. */
  public static Connection connect(String jdbcUrl) throws SQLException {
    Connection c = DriverManager.getConnection(jdbcUrl);
    c.setAutoCommit(false);
    return c;
  }
}

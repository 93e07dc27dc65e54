package org.rialto.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class StorePageSizeTest {
  @TempDir Path dir;

  @Test
  void aNewStoreHasSixteenKibPagesAndAnExistingOneKeepsItsOwn() throws Exception {
    Path fresh = dir.resolve("fresh.db");
    try (Store store = Store.open(fresh.toString())) {
      assertThat(pragma(store, "page_size")).isEqualTo(Store.SQLITE_PAGE_BYTES);
      assertThat(pragmaText(store, "journal_mode")).isEqualTo("wal");
    }
    // A store file made before (SQLite's 4 KiB pages) opens, migrates and commits with its pages unchanged.
    Path old = dir.resolve("old.db");
    var plain = new SQLiteDataSource();
    plain.setUrl("jdbc:sqlite:" + old);
    try (Connection c = plain.getConnection(); Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = 4096");
      s.execute("PRAGMA journal_mode = WAL");
    }
    try (Store store = Store.open(old.toString())) {
      store.commit(List.of(), c -> {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE after_upgrade (id INTEGER PRIMARY KEY)");
          s.execute("INSERT INTO after_upgrade (id) VALUES (1)");
        }
      });
      assertThat(pragma(store, "page_size")).isEqualTo(4096);
    }
  }

  private static long pragma(Store store, String name) {
    return store.read(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static String pragmaText(Store store, String name) {
    return store.read(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
        rs.next();
        return rs.getString(1);
      }
    });
  }
}

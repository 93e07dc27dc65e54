package org.rialto.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAL is copied into the database by the store's own thread, not by the commits, and stays
 * bounded while commits arrive without a pause (the case where a PASSIVE checkpoint alone lets it
 * grow for ever).
 */
class SqliteCheckpointerTest {
  /** Pages of a blob row: each commit adds about this many pages to the WAL. */
  private static final int BLOB_BYTES = 64 * 1024;
  private static final int COMMITS = 400;
  private static final int RESTART_PAGES = 256;
  /** The stores here are made with SQLite's 4 KiB pages, which these thresholds were set for (a new store has 16 KiB). */
  private static final int PAGE_BYTES = 4096;

  @TempDir Path dir;

  @Test
  void walStaysBoundedUnderCommitsWithoutPause() throws Exception {
    var url = StoreUrl.parse(dir.resolve("ckpt.db").toString());
    Path wal = dir.resolve("ckpt.db-wal");
    var random = new SplittableRandom(42);
    long maxWalBytes = 0;
    Store.createWithPageSize(url.sqliteFile(), PAGE_BYTES);
    try (Store store = Store.open(url, List.of(), new SqliteCheckpointer(url, 10, RESTART_PAGES))) {
      createBlobTable(store);
      for (int i = 0; i < COMMITS; i++) {
        commitBlob(store, random);
        maxWalBytes = Math.max(maxWalBytes, Files.size(wal));
      }
      var checkpointer = store.checkpointer();
      assertThat(checkpointer.checkpoints()).isPositive();
      assertThat(checkpointer.catchUps()).as("catch-up checkpoints between commits once the WAL passed %d pages", RESTART_PAGES).isPositive();
      long rows = store.read(c -> {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM blobs")) {
          rs.next();
          return rs.getLong(1);
        }
      });
      assertThat(rows).isEqualTo(COMMITS);
    }
    long writtenBytes = (long) COMMITS * BLOB_BYTES;
    // Without checkpoints (the pool's connections have SQLite's own turned off) the WAL would hold
    // every page written; with them it stays within a fraction, whatever the machine's load.
    assertThat(maxWalBytes).as("largest WAL seen, bytes").isLessThan(writtenBytes / 2);
    assertThat(maxWalBytes).isGreaterThan(RESTART_PAGES * PAGE_BYTES / 4);
  }

  @Test
  void aCommitterThatCopiesBetweenCommitsNeverCopiesInsideOne() throws Exception {
    var url = StoreUrl.parse(dir.resolve("after.db").toString());
    Path wal = dir.resolve("after.db-wal");
    var random = new SplittableRandom(11);
    long maxWalBytes = 0;
    long copiesInsideCommits = 0;
    Store.createWithPageSize(url.sqliteFile(), PAGE_BYTES);
    try (Store store = Store.open(url, List.of(), new SqliteCheckpointer(url, 10, RESTART_PAGES))) {
      createBlobTable(store);
      for (int i = 0; i < COMMITS; i++) {
        commitBlob(store, random);
        if (store.lastCommitNanos()[2] > 0) copiesInsideCommits++;
        store.afterCommit();
        maxWalBytes = Math.max(maxWalBytes, Files.size(wal));
      }
      var checkpointer = store.checkpointer();
      assertThat(checkpointer.catchUps()).isPositive();
    }
    assertThat(copiesInsideCommits).as("commits that had to copy the WAL themselves").isZero();
    assertThat(maxWalBytes).as("largest WAL seen, bytes").isLessThan((long) COMMITS * BLOB_BYTES / 2);
  }

  @Test
  void commitsDoNotCheckpointThemselves() throws Exception {
    var url = StoreUrl.parse(dir.resolve("nockpt.db").toString());
    Path wal = dir.resolve("nockpt.db-wal");
    var random = new SplittableRandom(7);
    // A checkpointer that never gets to run within the test: only the commits themselves could copy the WAL.
    Store.createWithPageSize(url.sqliteFile(), PAGE_BYTES);
    try (Store store = Store.open(url, List.of(), new SqliteCheckpointer(url, 3_600_000, RESTART_PAGES))) {
      createBlobTable(store);
      // 1,600 pages: past SQLite's default automatic checkpoint of 1,000 pages.
      for (int i = 0; i < 100; i++) {
        commitBlob(store, random);
      }
      long autocheckpoint = store.read(c -> {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_autocheckpoint")) {
          rs.next();
          return rs.getLong(1);
        }
      });
      assertThat(autocheckpoint).as("SQLite's checkpoint inside a commit, on the store's connections").isZero();
      long walPages = Files.size(wal) / PAGE_BYTES;
      assertThat(walPages).as("WAL pages: every commit appended, none restarted the WAL").isGreaterThan(1_500);
    }
  }

  private static void createBlobTable(Store store) {
    store.commit(List.of(), c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, b BLOB NOT NULL)");
      }
    });
  }

  /** One commit of one random blob row: about BLOB_BYTES / PAGE_BYTES new WAL pages. */
  private static void commitBlob(Store store, SplittableRandom random) {
    byte[] blob = new byte[BLOB_BYTES];
    random.nextBytes(blob);
    store.commit(List.of(), c -> {
      try (var ps = c.prepareStatement("INSERT INTO blobs (b) VALUES (?)")) {
        ps.setBytes(1, blob);
        ps.executeUpdate();
      }
    });
  }
}

package org.rialto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCachingConnectionTest {
  private static final String INSERT = "INSERT INTO t (id, body) VALUES (?, ?)";
  private static final String SELECT = "SELECT id FROM t ORDER BY id";

  @TempDir Path dir;

  @Test
  void theCommitterReusesItsStatementsAndLeavesNoReadOpenBetweenCommits() throws Exception {
    try (Store store = Store.open(dir.resolve("s.db").toString())) {
      store.commit(List.of(), StatementCachingConnectionTest::createTable);
      for (int commit = 0; commit < 5; commit++) {
        int first = commit * 3;
        store.commit(List.of(), c -> {
          try (var ps = c.prepareStatement(INSERT)) {
            for (int id = first; id < first + 3; id++) {
              ps.setInt(1, id);
              ps.setBytes(2, new byte[100]);
              ps.addBatch();
            }
            assertThat(ps.executeBatch()).hasSize(3);
          }
          // Read one row of several and close: the statement must not keep reading.
          try (var q = c.prepareStatement(SELECT); ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isZero();
          }
        });
      }
      var c = (StatementCachingConnection) store.committerConnectionForTests();
      assertThat(c.cachedStatements()).isEqualTo(2);
      assertThat(c.reuses()).isEqualTo(8);
      assertThat(count(store)).isEqualTo(15);
      // No snapshot held by the committer's connection between commits: a full copy and WAL
      // truncation by another connection completes (busy = 0).
      int busy = store.read(r -> {
        try (Statement s = r.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
          rs.next();
          return rs.getInt(1);
        }
      });
      assertThat(busy).isZero();
    }
  }

  @Test
  void aBatchLeftUnexecutedAndTheSameSqlOpenTwiceStayApart() throws Exception {
    try (Store store = Store.open(dir.resolve("s.db").toString())) {
      store.commit(List.of(), c -> {
        createTable(c);
        try (var ps = c.prepareStatement(INSERT)) {
          ps.setInt(1, 100);
          ps.setBytes(2, new byte[1]);
          ps.addBatch();
          // closed without executing: the row must not be written by the next use
        }
        try (var a = c.prepareStatement(INSERT); var b = c.prepareStatement(INSERT)) {
          assertThat(a).isNotSameAs(b);
          a.setInt(1, 1);
          a.setBytes(2, new byte[1]);
          b.setInt(1, 2);
          b.setBytes(2, new byte[2]);
          assertThat(a.executeUpdate()).isEqualTo(1);
          assertThat(b.executeUpdate()).isEqualTo(1);
        }
        try (var ps = c.prepareStatement(INSERT)) {
          ps.setInt(1, 3);
          ps.setBytes(2, new byte[3]);
          ps.addBatch();
          assertThat(ps.executeBatch()).containsExactly(1);
        }
      });
      List<Integer> ids = store.read(r -> {
        var out = new ArrayList<Integer>();
        try (var q = r.prepareStatement(SELECT); ResultSet rs = q.executeQuery()) {
          while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
      });
      assertThat(ids).containsExactly(1, 2, 3);
    }
  }

  @Test
  void distinctSqlPastTheBoundIsPreparedAndClosedAsUsual() throws Exception {
    try (Store store = Store.open(dir.resolve("s.db").toString())) {
      store.commit(List.of(), c -> {
        createTable(c);
        for (int i = 0; i < StatementCachingConnection.MAX_CACHED_STATEMENTS + 10; i++) {
          try (var q = c.prepareStatement("SELECT " + i + " FROM t"); ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).isFalse();
          }
        }
      });
      var c = (StatementCachingConnection) store.committerConnectionForTests();
      assertThat(c.cachedStatements()).isEqualTo(StatementCachingConnection.MAX_CACHED_STATEMENTS);
    }
  }

  @Test
  void afterAFailedCommitTheConnectionIsDroppedAndTheStoreRefusesCommits() throws Exception {
    try (Store store = Store.open(dir.resolve("s.db").toString())) {
      store.commit(List.of(), StatementCachingConnectionTest::createTable);
      Connection before = store.committerConnectionForTests();
      assertThat(before).isNotNull();
      assertThatThrownBy(() -> store.commit(List.of(), c -> {
        try (var ps = c.prepareStatement(INSERT)) {
          ps.setInt(1, 1);
          ps.setBytes(2, new byte[1]);
          ps.executeUpdate();
          ps.executeUpdate(); // the same key again
        }
      })).isInstanceOf(StoreException.class);
      assertThat(store.committerConnectionForTests()).isNull();
      assertThat(before.isClosed()).isTrue();
      assertThat(count(store)).isZero();
      assertThatThrownBy(() -> store.commit(List.of(), TxWork.NONE)).isInstanceOf(StoreException.class);
    }
  }

  private static void createTable(Connection c) throws java.sql.SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)");
    }
  }

  private static int count(Store store) {
    return store.read(r -> {
      try (Statement s = r.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }
}

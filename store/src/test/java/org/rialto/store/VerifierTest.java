package org.rialto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.store.Events.bank;
import static org.rialto.store.Events.issuance;
import static org.rialto.store.Events.transfer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rialto.ledger.BatchCodec;
import org.rialto.ledger.LedgerEvent;

class VerifierTest {
  @TempDir Path dir;

  /** A store with 10 journal rows: accounts, then 9 batches of transfers. */
  private StoreUrl journalOfTenRows(Dialect dialect) {
    StoreUrl url = dialect == Dialect.SQLITE
        ? StoreUrl.parse(dir.resolve("verify-" + System.nanoTime() + ".db").toString())
        : StoreUrl.parse(TestPostgres.newDatabase("verify"));
    try (Store store = Store.open(url, List.of())) {
      long ts = 1_000;
      store.commit(List.of(new JournalEntry(ts, List.of(issuance(1, "RUB"), bank(2, "RUB"), bank(3, "RUB")))), TxWork.NONE);
      for (int b = 0; b < 9; b++) {
        ts += 1_000;
        List<LedgerEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          long id = 100 + b * 10L + i;
          events.add(i % 2 == 0 ? transfer(id, 1, 2, 1_000) : transfer(id, 2, 3, 300));
        }
        store.commit(List.of(new JournalEntry(ts, events)), TxWork.NONE);
      }
      assertThat(store.tail().seq()).isEqualTo(10);
    }
    assertThat(Verifier.verify(url).ok()).isTrue();
    return url;
  }

  private static Connection connect(StoreUrl url) throws SQLException {
    return DriverManager.getConnection(url.jdbcUrl());
  }

  private static void exec(StoreUrl url, String sql, Object... params) throws SQLException {
    try (Connection c = connect(url); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  private static Object[] row(StoreUrl url, long seq) throws SQLException {
    try (Connection c = connect(url);
        PreparedStatement ps = c.prepareStatement(
            "SELECT timestamp_nanos, event_count, events, prev_hash, hash FROM ledger_journal WHERE seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Object[] {rs.getLong(1), rs.getInt(2), rs.getBytes(3), rs.getBytes(4), rs.getBytes(5)};
      }
    }
  }

  private static void assertBadAt(StoreUrl url, long seq, String phrase) {
    Verifier.Report report = Verifier.verify(url);
    assertThat(report.ok()).isFalse();
    assertThat(report.firstBadSeq()).isEqualTo(seq);
    assertThat(report.problem()).contains(phrase);
    assertThat(report.headSeq()).isEqualTo(seq - 1);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void changedBlobIsReportedAtItsRow(Dialect dialect) throws Exception {
    StoreUrl url = journalOfTenRows(dialect);
    byte[] blob = (byte[]) row(url, 6)[2];
    blob[20] ^= 0x01;
    exec(url, "UPDATE ledger_journal SET events = ? WHERE seq = 6", (Object) blob);
    assertBadAt(url, 6, "does not match");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void reEncodedBlobWithAnotherAmountIsReportedAtItsRow(Dialect dialect) throws Exception {
    StoreUrl url = journalOfTenRows(dialect);
    // A valid batch (checksum and all) moving more money: only the hash chain catches it.
    var batch = BatchCodec.decode((byte[]) row(url, 4)[2]);
    List<LedgerEvent> forged = new ArrayList<>(batch.events());
    var t = (LedgerEvent.CreateTransfer) forged.get(0);
    forged.set(0, LedgerEvent.CreateTransfer.posted(t.id(), t.debitAccountId(), t.creditAccountId(), t.amountMinor() * 100));
    exec(url, "UPDATE ledger_journal SET events = ? WHERE seq = 4", (Object) BatchCodec.encode(batch.timestampNanos(), forged));
    assertBadAt(url, 4, "does not match");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void changedHashIsReportedAtItsRow(Dialect dialect) throws Exception {
    StoreUrl url = journalOfTenRows(dialect);
    byte[] hash = (byte[]) row(url, 3)[4];
    hash[0] ^= (byte) 0x80;
    exec(url, "UPDATE ledger_journal SET hash = ? WHERE seq = 3", (Object) hash);
    assertBadAt(url, 3, "does not match");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void deletedRowIsReportedAtTheMissingSeq(Dialect dialect) throws Exception {
    StoreUrl url = journalOfTenRows(dialect);
    exec(url, "DELETE FROM ledger_journal WHERE seq = 7");
    assertBadAt(url, 7, "row missing");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void reorderedRowsAreReportedAtTheFirstMovedRow(Dialect dialect) throws Exception {
    StoreUrl url = journalOfTenRows(dialect);
    Object[] five = row(url, 5);
    Object[] six = row(url, 6);
    String set = "UPDATE ledger_journal SET timestamp_nanos = ?, event_count = ?, events = ?, prev_hash = ?, hash = ? WHERE seq = ?";
    exec(url, set, six[0], six[1], six[2], six[3], six[4], 5L);
    exec(url, set, five[0], five[1], five[2], five[3], five[4], 6L);
    assertBadAt(url, 5, "prev_hash");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void rehashedForgeryIsCaughtByTheNextRow(Dialect dialect) throws Exception {
    StoreUrl url = journalOfTenRows(dialect);
    // The forger recomputes row 8's hash after changing it, but cannot fix row 9's prev_hash
    // without rewriting every later row.
    Object[] eight = row(url, 8);
    var batch = BatchCodec.decode((byte[]) eight[2]);
    byte[] blob = BatchCodec.encode(batch.timestampNanos(), batch.events().subList(0, 4));
    byte[] hash = JournalRow.computeHash((byte[]) eight[3], 8, (long) eight[0], blob);
    exec(url, "UPDATE ledger_journal SET events = ?, event_count = 4, hash = ? WHERE seq = 8", blob, hash);
    assertBadAt(url, 9, "prev_hash");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void replayRefusesATamperedJournal(Dialect dialect) throws Exception {
    StoreUrl url = journalOfTenRows(dialect);
    exec(url, "DELETE FROM ledger_journal WHERE seq = 2");
    try (Store store = Store.open(url, List.of())) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> LedgerWriter.start(store, LedgerWriter.Config.defaults()))
          .isInstanceOfSatisfying(JournalCorruptException.class, e -> assertThat(e.seq()).isEqualTo(2));
    }
  }
}

package org.rialto.store;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.rialto.ledger.CurrencyTotals;
import org.rialto.ledger.Ledger;
import org.rialto.ledger.BatchCodec;

/**
 * {@code rialto ledger verify}: reads a store's journal from the first row, recomputes the hash
 * chain, replays every batch through a fresh ledger (which checks invariants 1, 2 and 4 after each
 * batch), then recomputes every balance from the recorded transfers and checks each currency
 * balances. Reports the first bad row by seq. Never writes: SQLite is opened read-only and no
 * migration runs.
 *
 * <p>What the chain cannot show: rows removed from the end, or a journal rewritten wholesale with
 * fresh hashes. Comparing {@link Report#headHash()} with a copy kept elsewhere (a peer, an
 * operator's log) closes that gap.
 */
public final class Verifier {
  private Verifier() {}

  /**
   * @param firstBadSeq the first journal row that is wrong; 0 when every row is good (a failure of
   *     the final whole-ledger check, which no single row explains, is reported at the last seq + 1)
   * @param problem what is wrong, or null
   */
  public record Report(long rows, long events, int accounts, int transfers, long headSeq, String headHash,
      Map<String, CurrencyTotals> totals, long firstBadSeq, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  /** Verifies the store at {@code url}; a store that cannot be opened is a {@link StoreException}. */
  public static Report verify(String url) {
    return verify(StoreUrl.parse(url));
  }

  public static Report verify(StoreUrl url) {
    try (Connection c = connect(url)) {
      requireJournal(c, url);
      return verify(c, url.dialect());
    } catch (SQLException e) {
      throw new StoreException("cannot read store " + url.redacted() + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(StoreUrl url) throws SQLException {
    if (url.dialect() == Dialect.SQLITE) {
      if (!Files.isRegularFile(url.sqliteFile())) {
        throw new StoreException("no SQLite store at " + url.sqliteFile());
      }
      return Store.sqliteDataSource(url, true).getConnection();
    }
    return DriverManager.getConnection(url.jdbcUrl());
  }

  private static void requireJournal(Connection c, StoreUrl url) {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ledger_journal WHERE seq < 0")) {
      rs.next();
    } catch (SQLException e) {
      throw new StoreException("store " + url.redacted() + " has no ledger journal (was it ever opened by a node?): " + e.getMessage(), e);
    }
  }

  /** Thrown inside the row stream to stop at the first bad row. */
  private static final class Stop extends RuntimeException {
    final long seq;

    Stop(long seq, String problem, Throwable cause) {
      super(problem, cause, false, false);
      this.seq = seq;
    }
  }

  static Report verify(Connection c, Dialect dialect) throws SQLException {
    ChainCheck chain = new ChainCheck();
    Ledger ledger = new Ledger();
    long[] counts = new long[2];
    long badSeq = 0;
    String problem = null;
    try {
      Store.forEachRow(c, dialect, row -> {
        String broken = chain.check(row);
        if (broken != null) {
          throw new Stop(chain.problemSeq(), broken, null);
        }
        BatchCodec.DecodedBatch batch;
        try {
          batch = JournalCodec.decodeRow(row);
        } catch (JournalCorruptException e) {
          throw new Stop(e.seq(), e.getMessage(), e);
        }
        try {
          ledger.apply(row.timestampNanos(), batch.events());
        } catch (RuntimeException | AssertionError e) {
          throw new Stop(row.seq(), "replaying the batch failed: " + e.getMessage(), e);
        }
        counts[0]++;
        counts[1] += row.eventCount();
      });
    } catch (Stop stop) {
      badSeq = stop.seq;
      problem = stop.getMessage();
    } catch (JournalCorruptException e) {
      badSeq = e.seq();
      problem = e.getMessage();
    }
    if (problem == null) {
      try {
        ledger.verifyFully();
        for (CurrencyTotals t : ledger.currencyTotals().values()) {
          if (!t.balanced()) {
            throw new IllegalStateException(t.currency() + " does not balance: " + t);
          }
        }
      } catch (RuntimeException | AssertionError e) {
        badSeq = chain.lastSeq() + 1;
        problem = "after replaying every row: " + e.getMessage();
      }
    }
    return new Report(counts[0], counts[1], ledger.accountCount(), ledger.transferCount(), chain.lastSeq(),
        JournalRow.hex(chain.lastHash()), ledger.currencyTotals(), badSeq, problem);
  }
}

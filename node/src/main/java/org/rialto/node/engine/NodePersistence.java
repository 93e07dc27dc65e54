package org.rialto.node.engine;

import org.rialto.store.Store;

/** Makes a writer turn durable: its journal batches and its node rows in one transaction. */
final class NodePersistence {
  private final Store store;

  NodePersistence(Store store) {
    this.store = store;
  }

  void commit(Turn turn) {
    store.commit(turn.ledgerBatches, connection -> {
      NodeTables.write(connection, turn);
      for (var write : turn.operatorSql) write.run(connection);
    });
  }

  /**
   * Group commit: several consecutive turns in one transaction (one fsync), their journal
   * batches in turn order, then each turn's rows in turn order, exactly as if committed one by one.
   */
  void commitAll(java.util.List<Turn> turns) {
    if (turns.isEmpty()) throw new IllegalArgumentException("no turn to commit");
    if (turns.size() == 1) {
      commit(turns.get(0));
      return;
    }
    var entries = new java.util.ArrayList<org.rialto.store.JournalEntry>();
    for (Turn t : turns) entries.addAll(t.ledgerBatches);
    store.commit(entries, connection -> {
      NodeTables.write(connection, turns);
      // An operator's turn grouped with others keeps its own writes (they were dropped before).
      for (Turn t : turns) for (var write : t.operatorSql) write.run(connection);
    });
  }

  /** Between commits, when nobody waits on the committer: see {@link Store#afterCommit}. */
  long afterCommit() {
    store.afterCommit();
    return store.lastAfterCommitNanos();
  }

  /** The last commit's {@code [write, sync, catchUp, connection]} nanoseconds (committer thread only). */
  long[] lastCommitNanos() {
    return store.lastCommitNanos();
  }

  java.util.List<org.rialto.store.SlowCommitSampler.Sample> slowCommitSamples(long sinceNanos) {
    return store.slowCommitSamples(sinceNanos);
  }

  java.util.List<long[]> recentCheckpoints(long sinceNanos) {
    return store.recentCheckpoints(sinceNanos);
  }

  /** A payment's stored row, whole (for a payment the writer holds only in compact form). */
  java.util.Optional<org.rialto.node.payment.Payment> payment(long rowKey) {
    return store.read(c -> {
      try (var ps = c.prepareStatement("SELECT " + NodeTables.PAYMENT_COLUMNS + " FROM payment WHERE seq = ?")) {
        ps.setLong(1, rowKey);
        try (var rs = ps.executeQuery()) {
          return rs.next() ? java.util.Optional.of(NodeTables.readPayment(rs, 1)) : java.util.Optional.empty();
        }
      }
    });
  }

  /** Stored payments received in [fromMillis, toMillis], whole; the caller bounds the window. */
  java.util.List<org.rialto.node.payment.Payment> paymentsReceived(long fromMillis, long toMillis) {
    return store.read(c -> {
      try (var ps = c.prepareStatement("SELECT " + NodeTables.PAYMENT_COLUMNS
          + " FROM payment WHERE received_at_millis >= ? AND received_at_millis <= ?")) {
        ps.setLong(1, fromMillis);
        ps.setLong(2, toMillis);
        var out = new java.util.ArrayList<org.rialto.node.payment.Payment>();
        try (var rs = ps.executeQuery()) {
          while (rs.next()) out.add(NodeTables.readPayment(rs, 1));
        }
        return out;
      }
    });
  }

  /** What a day close needs from the bookings already committed. */
  record BookingSums(boolean alreadyClosed, java.util.Map<String, Long> previousClosing,
      java.util.Map<String, Long> netOnDate, java.util.Map<String, Long> countOnDate,
      java.util.Map<String, Long> netAfterDate) {}

  BookingSums bookingSums(String date) {
    return store.read(c -> {
      boolean closed;
      try (var ps = c.prepareStatement("SELECT COUNT(*) FROM balance_snapshot WHERE business_date = ?")) {
        ps.setString(1, date);
        try (var rs = ps.executeQuery()) {
          rs.next();
          closed = rs.getLong(1) > 0;
        }
      }
      var previous = new java.util.HashMap<String, Long>();
      try (var ps = c.prepareStatement("SELECT s.bic, s.closing_minor FROM balance_snapshot s WHERE s.business_date ="
          + " (SELECT MAX(business_date) FROM balance_snapshot t WHERE t.bic = s.bic AND t.business_date < ?)")) {
        ps.setString(1, date);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) previous.put(rs.getString(1), rs.getLong(2));
        }
      }
      var net = new java.util.HashMap<String, Long>();
      var count = new java.util.HashMap<String, Long>();
      var later = new java.util.HashMap<String, Long>();
      // Grouped by the date itself: PostgreSQL cannot match "GROUP BY value_date = ?" to the
      // select list's own "value_date = ?" (two parameters), so the split is done here.
      try (var ps = c.prepareStatement("SELECT bic, value_date, SUM(credits_minor - debits_minor), SUM(entries)"
          + " FROM booking_batch WHERE value_date >= ? GROUP BY bic, value_date")) {
        ps.setString(1, date);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            if (date.equals(rs.getString(2))) {
              net.merge(rs.getString(1), rs.getLong(3), Long::sum);
              count.merge(rs.getString(1), rs.getLong(4), Long::sum);
            } else {
              later.merge(rs.getString(1), rs.getLong(3), Long::sum);
            }
          }
        }
      }
      // A day is closed in order: the previous closing must account for every earlier booking.
      try (var ps = c.prepareStatement("SELECT bic, SUM(credits_minor - debits_minor)"
          + " FROM booking_batch WHERE value_date < ? AND value_date > COALESCE((SELECT MAX(business_date) FROM"
          + " balance_snapshot t WHERE t.bic = booking_batch.bic AND t.business_date < ?), '') GROUP BY bic")) {
        ps.setString(1, date);
        ps.setString(2, date);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) previous.merge(rs.getString(1), rs.getLong(2), Long::sum);
        }
      }
      return new BookingSums(closed, previous, net, count, later);
    });
  }
}

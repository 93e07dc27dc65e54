package org.rialto.node.console;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rialto.node.engine.InboxPack;
import org.rialto.node.engine.NodeTables;
import org.rialto.node.engine.PaymentHistory;
import org.rialto.node.payment.CrossBorder;
import org.rialto.node.payment.Payment;
import org.rialto.store.Store;

/**
 * What the console reads from the node's tables. Reads run on the caller's (HTTP) thread through
 * the store's read-only connections, never on the writer, so an operator's search cannot slow
 * settlement. Every read is bounded.
 */
final class ConsoleReads {
  static final int MAX_SEARCH_ROWS = 200;
  static final int MAX_HISTORY_ROWS = 1_000;
  static final int MAX_MESSAGES_PER_PAYMENT = 200;
  static final int MAX_SNAPSHOT_ROWS = 500;
  static final int MAX_FILTER_CHARS = 64;
  static final int HOURS_PER_DAY_MAX = 25; // a day that leaves summer time has 25 hours

  private static final String PAYMENT_COLUMNS = "p.uetr, p.sender_bic, p.msg_id, p.end_to_end_id, p.debtor_bic,"
      + " p.creditor_bic, p.amount_minor, p.currency, p.priority, p.state, p.reason_code, p.step, p.queue_seq,"
      + " p.reject_at_millis, p.value_date, p.content_hash, p.received_at_millis, p.updated_at_millis,"
      + " p.debtor_name, p.creditor_name, p.remittance, p.debtor_details, p.creditor_details";

  private final Store store;
  private final org.rialto.node.engine.PaymentIndex paymentIndex;

  /** @param paymentIndex where each payment's row is (the payment table has no UETR index) */
  ConsoleReads(Store store, org.rialto.node.engine.PaymentIndex paymentIndex) {
    this.store = store;
    this.paymentIndex = paymentIndex;
  }

  /** Settled today: how many and how much (sum of amounts in the node's currency). */
  record Settled(long count, long valueMinor) {}

  Settled settledBetween(long fromMillis, long toMillis, String currency) {
    return store.read(c -> {
      try (var ps = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(p.amount_minor), 0) FROM payment p"
          + " WHERE p.currency = ? AND p.settled_at_millis >= ? AND p.settled_at_millis < ?")) {
        ps.setString(1, currency);
        ps.setLong(2, fromMillis);
        ps.setLong(3, toMillis);
        try (var rs = ps.executeQuery()) {
          rs.next();
          return new Settled(rs.getLong(1), rs.getLong(2));
        }
      }
    });
  }

  long countInState(String state) {
    return store.read(c -> {
      try (var ps = c.prepareStatement("SELECT COUNT(*) FROM payment WHERE state = ?")) {
        ps.setString(1, state);
        try (var rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  /**
   * Payments that reached a final state per hour of the day starting at {@code dayStartMillis}:
   * {@code [hour][0]} settled, {@code [hour][1]} rejected.
   */
  long[][] throughputByHour(long dayStartMillis, int hours) {
    if (hours < 1 || hours > HOURS_PER_DAY_MAX) throw new IllegalArgumentException("hours " + hours);
    return store.read(c -> {
      var out = new long[hours][2];
      // Settled: when the payment first settled (a later return does not move it); rejected: a
      // rejection is final, so the payment's last change is when it was rejected.
      try (var ps = c.prepareStatement("SELECT (settled_at_millis - ?) / 3600000, 'SETTLED', COUNT(*) FROM payment"
          + " WHERE settled_at_millis >= ? AND settled_at_millis < ? GROUP BY 1"
          + " UNION ALL SELECT (updated_at_millis - ?) / 3600000, 'REJECTED', COUNT(*) FROM payment"
          + " WHERE state = 'REJECTED' AND updated_at_millis >= ? AND updated_at_millis < ?"
          + " GROUP BY 1")) {
        ps.setLong(1, dayStartMillis);
        ps.setLong(2, dayStartMillis);
        ps.setLong(3, dayStartMillis + hours * 3_600_000L);
        ps.setLong(4, dayStartMillis);
        ps.setLong(5, dayStartMillis);
        ps.setLong(6, dayStartMillis + hours * 3_600_000L);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            int hour = (int) rs.getLong(1);
            if (hour < 0 || hour >= hours) continue;
            out[hour]["SETTLED".equals(rs.getString(2)) ? 0 : 1] += rs.getLong(3);
          }
        }
      }
      return out;
    });
  }

  /**
   * Net movement of each settlement account per hour of the day starting at {@code dayStartMillis}
   * (credits minus debits, minor units), from the bookings; with today's closing balance this
   * gives the balance at the end of every hour. At most {@link #MAX_CHART_PARTICIPANTS} accounts.
   */
  java.util.Map<String, long[]> netByHour(long dayStartMillis, int hours) {
    if (hours < 1 || hours > HOURS_PER_DAY_MAX) throw new IllegalArgumentException("hours " + hours);
    return store.read(c -> {
      var out = new java.util.TreeMap<String, long[]>();
      try (var ps = c.prepareStatement("SELECT bic, (at_millis - ?) / 3600000,"
          + " SUM(credits_minor - debits_minor) FROM booking_batch"
          + " WHERE at_millis >= ? AND at_millis < ? GROUP BY bic, (at_millis - ?) / 3600000")) {
        ps.setLong(1, dayStartMillis);
        ps.setLong(2, dayStartMillis);
        ps.setLong(3, dayStartMillis + hours * 3_600_000L);
        ps.setLong(4, dayStartMillis);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            int hour = (int) rs.getLong(2);
            if (hour < 0 || hour >= hours) continue;
            long[] row = out.get(rs.getString(1));
            if (row == null) {
              if (out.size() >= MAX_CHART_PARTICIPANTS) continue;
              row = new long[hours];
              out.put(rs.getString(1), row);
            }
            row[hour] = Math.addExact(row[hour], rs.getLong(3));
          }
        }
      }
      return out;
    });
  }

  static final int MAX_CHART_PARTICIPANTS = 64;
  static final int MAX_AUDIT_ROWS = 300;

  /** An entry of the hash-chained audit trail, newest first in {@link #auditTrail}. */
  record Audit(long seq, long timeMicros, String actor, String action, String subject, String details) {}

  List<Audit> auditTrail(String actorOrAction) {
    return store.read(c -> {
      var out = new ArrayList<Audit>();
      String where = actorOrAction == null ? "" : " WHERE actor = ? OR action LIKE ? OR subject = ?";
      try (var ps = c.prepareStatement("SELECT seq, time_micros, actor, action, subject, details FROM security_audit" + where
          + " ORDER BY seq DESC")) {
        if (actorOrAction != null) {
          ps.setString(1, actorOrAction);
          ps.setString(2, actorOrAction.replace("%", "").replace("_", "") + "%");
          ps.setString(3, actorOrAction);
        }
        ps.setMaxRows(MAX_AUDIT_ROWS);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Audit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
          }
        }
      }
      return out;
    });
  }

  /**
   * An operator's payment search; each filter is optional, all given filters must match.
   *
   * @param bank matches the sender, debtor or creditor BIC (prefix, so "BMJIIR" finds branches)
   * @param amountMinor exact amount, in the node's currency
   * @param fromMillis received at or after (null for no bound)
   * @param toMillis received before (null for no bound)
   */
  record Search(String uetr, String msgId, String bank, Long amountMinor, String state, Long fromMillis, Long toMillis) {
    Search {
      for (String s : new String[] {uetr, msgId, bank, state}) {
        if (s != null && s.length() > MAX_FILTER_CHARS) throw new IllegalArgumentException("filter longer than " + MAX_FILTER_CHARS);
      }
    }
  }

  List<Payment> search(Search q) {
    var sql = new StringBuilder("SELECT ").append(PAYMENT_COLUMNS).append(" FROM payment p WHERE 1 = 1");
    var args = new ArrayList<Object>();
    if (q.uetr() != null) {
      sql.append(" AND p.uetr LIKE ? ESCAPE '\\'");
      args.add(likePrefix(q.uetr().toLowerCase(java.util.Locale.ROOT)));
    }
    if (q.msgId() != null) {
      sql.append(" AND (p.msg_id = ? OR p.end_to_end_id = ?)");
      args.add(q.msgId());
      args.add(q.msgId());
    }
    if (q.bank() != null) {
      sql.append(" AND (p.sender_bic LIKE ? ESCAPE '\\' OR p.debtor_bic LIKE ? ESCAPE '\\' OR p.creditor_bic LIKE ? ESCAPE '\\')");
      String b = likePrefix(q.bank().toUpperCase(java.util.Locale.ROOT));
      args.add(b);
      args.add(b);
      args.add(b);
    }
    if (q.amountMinor() != null) {
      sql.append(" AND p.amount_minor = ?");
      args.add(q.amountMinor());
    }
    if (q.state() != null) {
      sql.append(" AND p.state = ?");
      args.add(q.state());
    }
    if (q.fromMillis() != null) {
      sql.append(" AND p.received_at_millis >= ?");
      args.add(q.fromMillis());
    }
    if (q.toMillis() != null) {
      sql.append(" AND p.received_at_millis < ?");
      args.add(q.toMillis());
    }
    sql.append(" ORDER BY p.received_at_millis DESC, p.uetr LIMIT ").append(MAX_SEARCH_ROWS);
    return store.read(c -> {
      try (var ps = c.prepareStatement(sql.toString())) {
        bind(ps, args);
        var out = new ArrayList<Payment>();
        try (var rs = ps.executeQuery()) {
          while (rs.next()) out.add(NodeTables.readPayment(rs, 1));
        }
        return out;
      }
    });
  }

  /**
   * LIKE with the operator's text taken literally (no wildcards of their own). The ESCAPE clause
   * is explicit because SQLite has no default LIKE escape character (PostgreSQL's is backslash).
   */
  private static String likePrefix(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (a instanceof Long l) ps.setLong(i + 1, l);
      else ps.setString(i + 1, (String) a);
    }
  }

  Optional<Payment> payment(UUID uetr) {
    var key = paymentIndex.rowOf(uetr);
    if (key.isEmpty()) return Optional.empty();
    return store.read(c -> {
      try (var ps = c.prepareStatement("SELECT " + PAYMENT_COLUMNS + " FROM payment p WHERE p.seq = ?")) {
        ps.setLong(1, key.getAsLong());
        try (var rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(NodeTables.readPayment(rs, 1)) : Optional.<Payment>empty();
        }
      }
    });
  }

  record Event(long seq, long atMillis, String state, String step, String detail) {}

  List<Event> history(UUID uetr) {
    var key = paymentIndex.rowOf(uetr);
    if (key.isEmpty()) return new ArrayList<>();
    return store.read(c -> {
      try (var ps = c.prepareStatement("SELECT history FROM payment WHERE seq = ?")) {
        ps.setLong(1, key.getAsLong());
        var out = new ArrayList<Event>();
        try (var rs = ps.executeQuery()) {
          if (!rs.next()) return out;
          for (var e : PaymentHistory.decode(rs.getString(1), MAX_HISTORY_ROWS)) {
            out.add(new Event(e.seq(), e.atMillis(), e.state(), e.step(), e.detail()));
          }
        }
        return out;
      }
    });
  }

  Optional<CrossBorder> crossBorder(UUID uetr) {
    // Keyed like the payment row (V112): no UETR index there either.
    var key = paymentIndex.rowOf(uetr);
    if (key.isEmpty()) return Optional.empty();
    return store.read(c -> {
      // Since V114 in the payment's own row; before, and for a record added to a stored row, in cross_border.
      try (var ps = c.prepareStatement("SELECT cross_border FROM payment WHERE seq = ?")) {
        ps.setLong(1, key.getAsLong());
        try (var rs = ps.executeQuery()) {
          if (rs.next() && rs.getString(1) != null) return Optional.of(org.rialto.node.engine.NodeTables.crossBorder(rs.getString(1)));
        }
      }
      try (var ps = c.prepareStatement("SELECT role, peer_node, fxp_bic, quote_id, source_amount_minor, source_currency,"
          + " target_amount_minor, target_currency, rate, expires_at_millis FROM cross_border WHERE seq = ?")) {
        ps.setLong(1, key.getAsLong());
        try (var rs = ps.executeQuery()) {
          if (!rs.next()) return Optional.<CrossBorder>empty();
          return Optional.of(new CrossBorder(CrossBorder.Role.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
              rs.getString(4), rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getLong(10)));
        }
      }
    });
  }

  record BankMessage(long id, String bic, String kind, String uetr, String detail, long createdAtMillis) {}

  List<BankMessage> messagesFor(UUID uetr) {
    String key = uetr.toString();
    return store.read(c -> {
      // The packed rows are scanned for the UETR's text, then decoded to keep exact matches.
      try (var ps = c.prepareStatement("SELECT bic, first_id, created_at_millis, messages FROM bank_inbox"
          + " WHERE messages LIKE ? ORDER BY last_id")) {
        ps.setString(1, "%" + key + "%");
        var out = new ArrayList<BankMessage>();
        try (var rs = ps.executeQuery()) {
          while (rs.next() && out.size() < MAX_MESSAGES_PER_PAYMENT) {
            for (var m : InboxPack.decode(rs.getLong(2), rs.getString(4))) {
              if (key.equals(m.uetr()) && out.size() < MAX_MESSAGES_PER_PAYMENT) {
                out.add(new BankMessage(m.id(), rs.getString(1), m.kind(), m.uetr(), m.detail(), rs.getLong(3)));
              }
            }
          }
        }
        return out;
      }
    });
  }

  Optional<BankMessage> message(long id) {
    return store.read(c -> {
      // The row holding message id is the first whose last id is at or after it.
      try (var ps = c.prepareStatement("SELECT bic, first_id, created_at_millis, messages FROM bank_inbox"
          + " WHERE last_id >= ? ORDER BY last_id LIMIT 1")) {
        ps.setLong(1, id);
        try (var rs = ps.executeQuery()) {
          if (!rs.next() || rs.getLong(2) > id) return Optional.<BankMessage>empty();
          for (var m : InboxPack.decode(rs.getLong(2), rs.getString(4))) {
            if (m.id() == id) {
              return Optional.of(new BankMessage(m.id(), rs.getString(1), m.kind(), m.uetr(), m.detail(), rs.getLong(3)));
            }
          }
          return Optional.<BankMessage>empty();
        }
      }
    });
  }


  /** Peer-outbox rows for one payment: when it was forwarded and when the peer's answer was applied. */
  record Forward(long id, String peerNode, long createdAtMillis, Long doneAtMillis) {}

  List<Forward> forwards(UUID uetr) {
    return store.read(c -> {
      try (var ps = c.prepareStatement("SELECT id, peer_node, created_at_millis, done_at_millis FROM peer_outbox"
          + " WHERE uetr = ? ORDER BY id LIMIT " + MAX_MESSAGES_PER_PAYMENT)) {
        ps.setString(1, uetr.toString());
        var out = new ArrayList<Forward>();
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            long done = rs.getLong(4);
            out.add(new Forward(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.wasNull() ? null : done));
          }
        }
        return out;
      }
    });
  }

  record Snapshot(String businessDate, String bic, long openingMinor, long closingMinor, long entries, long closedAtMillis) {}

  List<Snapshot> snapshots() {
    return store.read(c -> {
      try (var ps = c.prepareStatement("SELECT business_date, bic, opening_minor, closing_minor, entries, closed_at_millis"
          + " FROM balance_snapshot ORDER BY business_date DESC, bic LIMIT " + MAX_SNAPSHOT_ROWS)) {
        var out = new ArrayList<Snapshot>();
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Snapshot(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
          }
        }
        return out;
      }
    });
  }

  /** Bookings today per participant: what moved through each settlement account. */
  record Turnover(String bic, long debitsMinor, long creditsMinor, long entries) {}

  List<Turnover> turnover(String valueDate) {
    return store.read(c -> {
      try (var ps = c.prepareStatement("SELECT bic,"
          + " COALESCE(SUM(debits_minor), 0), COALESCE(SUM(credits_minor), 0), COALESCE(SUM(entries), 0)"
          + " FROM booking_batch WHERE value_date = ? GROUP BY bic ORDER BY bic")) {
        ps.setString(1, valueDate);
        var out = new ArrayList<Turnover>();
        try (var rs = ps.executeQuery()) {
          while (rs.next()) out.add(new Turnover(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }
        return out;
      }
    });
  }

  /**
   * A payment held by sanctions screening and what operators decided (dual control: a release
   * needs two different operators, a reject one).
   *
   * @param hits the screening hits, one per line, as the screener reported them
   */
  record Case(String uetr, String kind, String quoteId, List<String> hits, String lists, long openedAtMillis,
      String firstApprover, long firstApprovedAtMillis, String decision, String decidedBy, long decidedAtMillis) {}

  static final int MAX_CASES = 200;
  private static final String CASE_COLUMNS = "uetr, kind, quote_id, hits, lists, opened_at_millis, first_approver,"
      + " first_approved_at_millis, decision, decided_by, decided_at_millis";

  /** Open cases (oldest first: they have waited longest) or decided ones (newest first). */
  List<Case> cases(boolean open) {
    String sql = "SELECT " + CASE_COLUMNS + " FROM compliance_case WHERE decision IS " + (open ? "NULL ORDER BY opened_at_millis, uetr"
        : "NOT NULL ORDER BY decided_at_millis DESC, uetr") + " LIMIT " + MAX_CASES;
    return store.read(c -> {
      try (var ps = c.prepareStatement(sql)) {
        var out = new ArrayList<Case>();
        try (var rs = ps.executeQuery()) {
          while (rs.next()) out.add(caseRow(rs));
        }
        return out;
      }
    });
  }

  Optional<Case> caseFor(UUID uetr) {
    return store.read(c -> {
      try (var ps = c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM compliance_case WHERE uetr = ?")) {
        ps.setString(1, uetr.toString());
        try (var rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(caseRow(rs)) : Optional.<Case>empty();
        }
      }
    });
  }

  private static Case caseRow(ResultSet rs) throws SQLException {
    return new Case(rs.getString(1), rs.getString(2), rs.getString(3), List.of(rs.getString(4).split("\n")), rs.getString(5),
        rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getLong(11));
  }
}

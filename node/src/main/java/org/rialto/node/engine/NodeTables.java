package org.rialto.node.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rialto.ledger.Id128;
import org.rialto.node.payment.Payment;
import org.rialto.node.payment.PaymentState;
import org.rialto.node.rtgs.Priority;

/**
 * The node's own tables (participants, payments, inbox, idempotency, history): written in the
 * same transaction as the ledger journal batch of the same turn, read back at start. Plain JDBC
 * with batched statements, the same SQL on SQLite and PostgreSQL.
 */
public final class NodeTables {
  private NodeTables() {}

  static void write(Connection c, Turn t) throws SQLException {
    write(c, List.of(t));
  }

  /**
   * The rows of consecutive turns, in turn order, one prepared statement and one batch per table
   * for all of them (a group commit of eight turns used to prepare every statement eight times).
   */
  static void write(Connection c, List<Turn> turns) throws SQLException {
    writeParticipants(c, turns);
    var crossBorderInRows = new java.util.HashSet<UUID>();
    writePayments(c, turns, crossBorderInRows);
    writeInbox(c, turns);
    writeCrossBorder(c, turns, crossBorderInRows);
    // No outbox rows (V114): an outgoing cross-border row whose payment is not final is the
    // durable "forwarded, not yet decided" mark (see inFlight).
    writeFxJournal(c, turns);
    writeHolds(c, turns);
    writeBookings(c, turns);
    writeSnapshots(c, turns);
    // A repeat (same sender and message id) was refused at the gate; one that slips past a
    // restart is kept once: the primary key is the forever check.
    for (Turn t : turns) for (var e : t.evidence) e.record(c);
    // Last, so every row the audit entries speak of is already written in this transaction.
    for (Turn t : turns) for (var entry : t.audit) org.rialto.security.audit.AuditLog.append(c, entry);
    writeInbound(c, turns);
  }

  private static void writeParticipants(Connection c, List<Turn> turns) throws SQLException {
    if (!any(turns, t -> !t.participantRows.isEmpty())) return;
    try (var ps = c.prepareStatement(
        "INSERT INTO participant (bic, name, country, account_high, account_low, credit_line_minor, created_at_millis)"
            + " VALUES (?,?,?,?,?,?,?) ON CONFLICT (bic) DO UPDATE SET name = excluded.name,"
            + " country = excluded.country, credit_line_minor = excluded.credit_line_minor")) {
      for (Turn t : turns) for (var row : t.participantRows) {
        var p = row.participant();
        ps.setString(1, p.bic());
        ps.setString(2, p.name());
        ps.setString(3, p.country());
        ps.setLong(4, p.accountId().high());
        ps.setLong(5, p.accountId().low());
        ps.setLong(6, p.creditLineMinor());
        ps.setLong(7, row.atMillis());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** @param crossBorderInRows filled with the payments whose cross-border record went into their row (V114) */
  private static void writePayments(Connection c, List<Turn> turns, java.util.Set<UUID> crossBorderInRows) throws SQLException {
    if (!any(turns, t -> !t.changedPayments.isEmpty() || !t.paymentEvents.isEmpty())) return;
    try (var ps = c.prepareStatement(
        "INSERT INTO payment (seq, uetr, sender_bic, msg_id, end_to_end_id, debtor_bic, creditor_bic, amount_minor,"
            + " currency, priority, state, reason_code, step, queue_seq, reject_at_millis, value_date, content_hash,"
            + " received_at_millis, updated_at_millis, debtor_name, creditor_name, remittance, history, last_event_seq,"
            + " settled_at_millis, debtor_details, creditor_details, cross_border)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (seq) DO UPDATE SET"
            + " priority = excluded.priority, state = excluded.state, reason_code = excluded.reason_code,"
            + " step = excluded.step, queue_seq = excluded.queue_seq, value_date = excluded.value_date,"
            + " updated_at_millis = excluded.updated_at_millis, history = payment.history || excluded.history,"
            + " last_event_seq = CASE WHEN excluded.last_event_seq > payment.last_event_seq"
            + " THEN excluded.last_event_seq ELSE payment.last_event_seq END,"
            + " settled_at_millis = COALESCE(payment.settled_at_millis, excluded.settled_at_millis),"
            + " cross_border = COALESCE(payment.cross_border, excluded.cross_border)");
        var update = c.prepareStatement("UPDATE payment SET priority = ?, state = ?, reason_code = ?, step = ?,"
            + " queue_seq = ?, value_date = ?, updated_at_millis = ?, history = history || ?,"
            + " last_event_seq = CASE WHEN ? > last_event_seq THEN ? ELSE last_event_seq END,"
            + " settled_at_millis = COALESCE(settled_at_millis, ?) WHERE seq = ?");
        var append = c.prepareStatement("UPDATE payment SET history = history || ?, last_event_seq = ? WHERE seq = ?")) {
      var keys = turns.get(0).s.paymentIndex;
      // Keys handed out in this write: their rows are still in the insert batch, so a later turn
      // of the group that changes them again goes through the upsert too, in order behind it.
      var fresh = new java.util.HashSet<Long>();
      int updates = 0;
      for (Turn t : turns) {
        // The turn's events by payment, in seq order: they go into the payment's row.
        var events = new java.util.HashMap<UUID, List<Turn.PaymentEventRow>>();
        for (var e : t.paymentEvents) events.computeIfAbsent(e.uetr(), k -> new ArrayList<>(2)).add(e);
        for (Payment p : t.changedPayments.values()) {
          var mine = events.remove(p.uetr());
          var history = new StringBuilder(mine == null ? 0 : mine.size() * 64);
          long lastSeq = 0;
          long settledAt = -1;
          if (mine != null) {
            for (var e : mine) {
              PaymentHistory.append(history, e);
              lastSeq = e.seq();
              if (e.state() == PaymentState.SETTLED && settledAt < 0) settledAt = e.atMillis();
            }
          }
          long known = keys.committedKeyOrNew(p.uetr());
          long key = Math.abs(known);
          if (known > 0 && !fresh.contains(key)) {
            // Its row is in the store (a key is handed out only as a row is written, and a failed
            // commit stops the node): only what can change is written, not the whole row again.
            bindChange(update, key, p, history.toString(), lastSeq, settledAt);
            updates++;
          } else {
            fresh.add(key);
            // A cross-border record made in the turn that writes its payment's first row goes
            // into that row; one added to a row already stored (a held payment released) goes to
            // the cross_border table, read as well.
            var cb = t.changedCrossBorder.get(p.uetr());
            if (cb != null) crossBorderInRows.add(p.uetr());
            bindRow(ps, key, p, history.toString(), lastSeq, settledAt, cb == null ? null : CrossBorderPack.encode(cb));
          }
          keys.written(p.uetr(), key, p.state());
        }
        if (!events.isEmpty()) {
          // Events of payments the turn did not otherwise change (an operator's first approval
          // of a release): appended in place, after every earlier turn's rows are written so the
          // history keeps its order. Rare, so not batched.
          ps.executeBatch();
          checkUpdated(update.executeBatch(), updates);
          updates = 0;
          var sorted = new ArrayList<>(events.values());
          sorted.sort(java.util.Comparator.comparingLong(l -> l.get(0).seq()));
          for (var mine : sorted) {
            var history = new StringBuilder();
            for (var e : mine) PaymentHistory.append(history, e);
            append.setString(1, history.toString());
            append.setLong(2, mine.get(mine.size() - 1).seq());
            var uetr = mine.get(0).uetr();
            append.setLong(3, keys.rowOf(uetr).orElseThrow(
                () -> new IllegalStateException("history event for a payment not in the store: " + uetr)));
            if (append.executeUpdate() != 1) {
              throw new IllegalStateException("history event for a payment not in the store: " + mine.get(0).uetr());
            }
          }
        }
      }
      ps.executeBatch();
      checkUpdated(update.executeBatch(), updates);
    }
  }

  private static void bindRow(PreparedStatement ps, long key, Payment p, String history, long lastSeq, long settledAt,
      String crossBorder) throws SQLException {
    ps.setLong(1, key);
    ps.setString(2, p.uetr().toString());
    ps.setString(3, p.senderBic());
    ps.setString(4, p.msgId());
    ps.setString(5, p.endToEndId());
    ps.setString(6, p.debtorBic());
    ps.setString(7, p.creditorBic());
    ps.setLong(8, p.amountMinor());
    ps.setString(9, p.currency());
    ps.setString(10, p.priority().name());
    ps.setString(11, p.state().name());
    ps.setString(12, p.reasonCode());
    ps.setString(13, p.step());
    ps.setLong(14, p.queueSeq());
    ps.setLong(15, p.rejectAtMillis());
    ps.setString(16, p.valueDate());
    ps.setString(17, p.contentHash());
    ps.setLong(18, p.receivedAtMillis());
    ps.setLong(19, p.updatedAtMillis());
    ps.setString(20, p.debtorName());
    ps.setString(21, p.creditorName());
    ps.setString(22, p.remittance());
    ps.setString(23, history);
    ps.setLong(24, lastSeq);
    if (settledAt < 0) ps.setNull(25, java.sql.Types.BIGINT);
    else ps.setLong(25, settledAt);
    ps.setString(26, details(p.debtorDetails()));
    ps.setString(27, details(p.creditorDetails()));
    ps.setString(28, crossBorder);
    ps.addBatch();
  }

  /** The columns a payment's later changes touch, as the upsert's DO UPDATE sets them. */
  private static void bindChange(PreparedStatement ps, long key, Payment p, String history, long lastSeq, long settledAt)
      throws SQLException {
    ps.setString(1, p.priority().name());
    ps.setString(2, p.state().name());
    ps.setString(3, p.reasonCode());
    ps.setString(4, p.step());
    ps.setLong(5, p.queueSeq());
    ps.setString(6, p.valueDate());
    ps.setLong(7, p.updatedAtMillis());
    ps.setString(8, history);
    ps.setLong(9, lastSeq);
    ps.setLong(10, lastSeq);
    if (settledAt < 0) ps.setNull(11, java.sql.Types.BIGINT);
    else ps.setLong(11, settledAt);
    ps.setLong(12, key);
    ps.addBatch();
  }

  private static void checkUpdated(int[] counts, int expected) {
    if (counts.length != expected) throw new IllegalStateException(counts.length + " payment updates of " + expected);
    for (int n : counts) {
      // SUCCESS_NO_INFO (-2) is allowed by JDBC for batches; both drivers here report counts.
      if (n != 1 && n != java.sql.Statement.SUCCESS_NO_INFO) throw new IllegalStateException("a payment update changed " + n + " rows");
    }
  }
  private static void writeInbox(Connection c, List<Turn> turns) throws SQLException {
    if (!any(turns, t -> !t.bankMessages.isEmpty())) return;
    try (var ps = c.prepareStatement(
        "INSERT INTO bank_inbox (last_id, bic, first_id, created_at_millis, messages) VALUES (?,?,?,?,?)")) {
      for (Turn t : turns) {
        // One row per bank per turn: a turn's messages share its clock, and each bank's are in
        // id order because ids are handed out in order.
        var byBank = new java.util.LinkedHashMap<String, List<Turn.BankMessageRow>>();
        for (var m : t.bankMessages) {
          if (m.createdAtMillis() != t.nowMillis) throw new IllegalStateException("inbox message " + m.id() + " not of its turn");
          var rows = byBank.computeIfAbsent(m.bic(), k -> new ArrayList<>());
          if (rows.size() == InboxPack.MAX_MESSAGES_PER_ROW) {
            addInboxRow(ps, m.bic(), t.nowMillis, rows);
            rows.clear();
          }
          rows.add(m);
        }
        for (var e : byBank.entrySet()) addInboxRow(ps, e.getKey(), t.nowMillis, e.getValue());
      }
      ps.executeBatch();
    }
  }

  private static void writeCrossBorder(Connection c, List<Turn> turns, java.util.Set<UUID> inRows) throws SQLException {
    if (!any(turns, t -> {
      for (var uetr : t.changedCrossBorder.keySet()) if (!inRows.contains(uetr)) return true;
      return false;
    })) return;
    // Keyed by the payment's row key, written in this same transaction: one B-tree append per
    // row, where a key on the random UETR took every payment to a random leaf page (V112).
    try (var ps = c.prepareStatement(
        "INSERT INTO cross_border (seq, uetr, role, peer_node, fxp_bic, quote_id, source_amount_minor, source_currency,"
            + " target_amount_minor, target_currency, rate, expires_at_millis) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
            + " ON CONFLICT (seq) DO NOTHING")) {
      var keys = turns.get(0).s.paymentIndex;
      for (Turn t : turns) for (var e : t.changedCrossBorder.entrySet()) {
        var cb = e.getValue();
        var uetr = e.getKey();
        if (inRows.contains(uetr)) continue;
        ps.setLong(1, keys.rowOf(uetr).orElseThrow(
            () -> new IllegalStateException("cross-border record of a payment not in the store: " + uetr)));
        ps.setString(2, uetr.toString());
        ps.setString(3, cb.role().name());
        ps.setString(4, cb.peerNode());
        ps.setString(5, cb.fxpBic());
        ps.setString(6, cb.quoteId());
        ps.setLong(7, cb.sourceAmountMinor());
        ps.setString(8, cb.sourceCurrency());
        ps.setLong(9, cb.targetAmountMinor());
        ps.setString(10, cb.targetCurrency());
        ps.setString(11, cb.rate());
        ps.setLong(12, cb.expiresAtMillis());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeFxJournal(Connection c, List<Turn> turns) throws SQLException {
    if (!any(turns, t -> !t.fxEvents.isEmpty())) return;
    try (var ps = c.prepareStatement("INSERT INTO fx_journal (last_seq, first_seq, at_millis, events) VALUES (?,?,?,?)")) {
      // Packed per turn (V113): a row per entry was three rows per cross-border payment.
      for (Turn t : turns) for (var row : FxJournalPack.pack(t.fxEvents)) {
        ps.setLong(1, row.lastSeq());
        ps.setLong(2, row.firstSeq());
        ps.setLong(3, row.atMillis());
        ps.setString(4, row.events());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeHolds(Connection c, List<Turn> turns) throws SQLException {
    if (!any(turns, t -> !t.changedHolds.isEmpty())) return;
    try (var ps = c.prepareStatement("INSERT INTO compliance_case (uetr, kind, quote_id, hits, lists, opened_at_millis,"
        + " first_approver, first_approved_at_millis, decision, decided_by, decided_at_millis) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        + " ON CONFLICT (uetr) DO UPDATE SET first_approver = excluded.first_approver,"
        + " first_approved_at_millis = excluded.first_approved_at_millis, decision = excluded.decision,"
        + " decided_by = excluded.decided_by, decided_at_millis = excluded.decided_at_millis"
        + " WHERE compliance_case.decision IS NULL")) {
      for (Turn t : turns) for (var h : t.changedHolds.values()) {
        ps.setString(1, h.uetr().toString());
        ps.setString(2, h.kind().name());
        ps.setString(3, h.quoteId());
        ps.setString(4, String.join("\n", h.hits()));
        ps.setString(5, h.lists());
        ps.setLong(6, h.openedAtMillis());
        ps.setString(7, h.firstApprover());
        ps.setLong(8, h.firstApprovedAtMillis());
        ps.setString(9, h.decision());
        ps.setString(10, h.decidedBy());
        ps.setLong(11, h.decidedAtMillis());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeBookings(Connection c, List<Turn> turns) throws SQLException {
    if (!any(turns, t -> !t.bookings.isEmpty())) return;
    try (var ps = c.prepareStatement("INSERT INTO booking_batch (last_seq, bic, value_date, first_seq, at_millis,"
        + " debits_minor, credits_minor, entries, lines) VALUES (?,?,?,?,?,?,?,?,?)")) {
      for (Turn t : turns) {
        // One row per account and value date per turn; its totals serve the day close and the
        // console without reading the lines.
        var byAccount = new java.util.LinkedHashMap<String, List<Turn.BookingRow>>();
        for (var b : t.bookings) {
          var rows = byAccount.computeIfAbsent(b.bic() + "\u0000" + b.valueDate(), k -> new ArrayList<>());
          if (rows.size() == BookingPack.MAX_BOOKINGS_PER_ROW) {
            addBookingRow(ps, rows);
            rows.clear();
          }
          rows.add(b);
        }
        for (var rows : byAccount.values()) addBookingRow(ps, rows);
      }
      ps.executeBatch();
    }
  }

  private static void writeSnapshots(Connection c, List<Turn> turns) throws SQLException {
    if (!any(turns, t -> !t.snapshots.isEmpty())) return;
    try (var ps = c.prepareStatement("INSERT INTO balance_snapshot (business_date, bic, opening_minor, closing_minor,"
        + " entries, closed_at_millis) VALUES (?,?,?,?,?,?)")) {
      for (Turn t : turns) for (var r : t.snapshots) {
        ps.setString(1, r.businessDate());
        ps.setString(2, r.bic());
        ps.setLong(3, r.openingMinor());
        ps.setLong(4, r.closingMinor());
        ps.setLong(5, r.entries());
        ps.setLong(6, t.nowMillis);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void writeInbound(Connection c, List<Turn> turns) throws SQLException {
    if (!any(turns, t -> !t.inboundMessages.isEmpty())) return;
    try (var ps = c.prepareStatement(
        "INSERT INTO inbound_message (sender_bic, msg_id, content_hash, response, received_at_millis) VALUES (?,?,?,?,?)")) {
      for (Turn t : turns) for (var m : t.inboundMessages) {
        ps.setString(1, m.senderBic());
        ps.setString(2, m.msgId());
        ps.setString(3, m.contentHash());
        ps.setString(4, encodeOutcomes(m.result().outcomes()));
        ps.setLong(5, m.atMillis());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void addInboxRow(PreparedStatement ps, String bic, long atMillis, List<Turn.BankMessageRow> rows)
      throws SQLException {
    long first = rows.get(0).id();
    ps.setLong(1, rows.get(rows.size() - 1).id());
    ps.setString(2, bic);
    ps.setLong(3, first);
    ps.setLong(4, atMillis);
    ps.setString(5, InboxPack.encode(first, rows));
    ps.addBatch();
  }

  private static void addBookingRow(PreparedStatement ps, List<Turn.BookingRow> rows) throws SQLException {
    var first = rows.get(0);
    long debits = 0;
    long credits = 0;
    for (var b : rows) {
      if (b.atMillis() != first.atMillis()) throw new IllegalStateException("booking " + b.seq() + " not of its turn");
      switch (b.side()) {
        case "DBIT" -> debits = Math.addExact(debits, b.amountMinor());
        case "CRDT" -> credits = Math.addExact(credits, b.amountMinor());
        default -> throw new IllegalStateException("booking " + b.seq() + " has side " + b.side());
      }
    }
    ps.setLong(1, rows.get(rows.size() - 1).seq());
    ps.setString(2, first.bic());
    ps.setString(3, first.valueDate());
    ps.setLong(4, first.seq());
    ps.setLong(5, first.atMillis());
    ps.setLong(6, debits);
    ps.setLong(7, credits);
    ps.setLong(8, rows.size());
    ps.setString(9, BookingPack.encode(first.seq(), rows));
    ps.addBatch();
  }

  private static boolean any(List<Turn> turns, java.util.function.Predicate<Turn> has) {
    for (Turn t : turns) if (has.test(t)) return true;
    return false;
  }

  /** Loads what the ledger journal does not hold: participants, payments, queues, idempotency. */
  static void load(Connection c, NodeState s) throws SQLException {
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT bic, name, country, account_high, account_low, credit_line_minor FROM participant")) {
      while (rs.next()) {
        s.participants.put(new Participants.Participant(rs.getString(1), rs.getString(2), rs.getString(3),
            new Id128(rs.getLong(4), rs.getLong(5)), rs.getLong(6)));
      }
    }
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT uetr, role, peer_node, fxp_bic, quote_id, source_amount_minor, source_currency,"
            + " target_amount_minor, target_currency, rate, expires_at_millis FROM cross_border")) {
      while (rs.next()) {
        s.crossBorder.put(UUID.fromString(rs.getString(1)), new org.rialto.node.payment.CrossBorder(
            org.rialto.node.payment.CrossBorder.Role.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10),
            rs.getLong(11)));
      }
    }
    // A final payment is loaded in compact form only (what idempotency, returns and the
    // ledger cross-check need): the other columns of its row are never decoded.
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT state, uetr, seq, reason_code, amount_minor, sender_bic, debtor_bic, creditor_bic,"
            + " content_hash, cross_border, " + PAYMENT_COLUMNS + " FROM payment")) {
      while (rs.next()) {
        var state = PaymentState.valueOf(rs.getString(1));
        UUID uetr = UUID.fromString(rs.getString(2));
        s.paymentIndex.restore(uetr, rs.getLong(3));
        String packed = rs.getString(10);
        if (packed != null && s.crossBorder.put(uetr, CrossBorderPack.decode(packed)) != null) {
          throw new IllegalStateException("payment " + uetr + " has a cross-border record in its row and in cross_border");
        }
        if (state.isFinal()) {
          // As the writer compacts a final payment: its cross-border record is not kept in memory.
          var cb = s.crossBorder.remove(uetr);
          s.paymentIndex.compact(uetr, state, rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
              rs.getString(8), rs.getString(9), cb == null ? null : cb.role(), cb == null ? null : cb.peerNode());
          continue;
        }
        Payment p = readPayment(rs, 11);
        s.payments.put(p.uetr(), p);
        if (p.state() == PaymentState.QUEUED) {
          s.queues.restore(new org.rialto.node.rtgs.QueuedPayment(Id128.fromUuid(p.uetr()), p.debtorBic(),
              p.creditorBic(), p.amountMinor(), p.priority(), p.queueSeq()));
          if (p.rejectAtMillis() > 0) {
            s.rejectTimes.computeIfAbsent(p.rejectAtMillis(), k -> new java.util.HashSet<>()).add(p.uetr());
          }
        }
      }
      s.queues.sortAfterRestore();
    }
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT uetr, kind, quote_id, hits, lists, opened_at_millis, first_approver,"
            + " first_approved_at_millis, decision, decided_by, decided_at_millis FROM compliance_case")) {
      while (rs.next()) {
        var h = new Hold(UUID.fromString(rs.getString(1)), Hold.Kind.valueOf(rs.getString(2)), rs.getString(3),
            List.of(rs.getString(4).split("\n")), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getLong(8),
            rs.getString(9), rs.getString(10), rs.getLong(11));
        s.holds.put(h.uetr(), h);
      }
    }
    // The dispatcher's row ids live only in memory now: rows restored at start take their
    // payment's row key (inFlight), new ones a number above every key stored.
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM payment")) {
      rs.next();
      s.restoreOutboxNext(rs.getLong(1));
    }
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT sender_bic, msg_id, content_hash, response FROM inbound_message")) {
      while (rs.next()) {
        s.inbound.add(rs.getString(1), rs.getString(2), rs.getString(3), decodeOutcomes(rs.getString(4)));
      }
    }
  }

  /**
   * Outgoing payments still waiting for the peer's decision after a restart: those the peer has
   * not yet answered are forwarded again; those it answered PENDING (step "awaiting-decision",
   * written with that answer) are asked about (pacs.028). Either way is safe, the split only
   * saves a message: the peer answers a transfer it already holds with its decision, and one
   * it never got a question about with UNKNOWN, on which the dispatcher forwards it again.
   */
  public record InFlight(List<org.rialto.node.peer.OutboxRow> resend, List<org.rialto.node.peer.OutboxRow> ask) {}

  /** The states not final, as an SQL list. */
  private static final String OPEN_STATES = java.util.Arrays.stream(PaymentState.values()).filter(st -> !st.isFinal())
      .map(st -> "'" + st.name() + "'").collect(java.util.stream.Collectors.joining(", "));

  /** The payment step a PENDING answer records on the sending node (Turn.peerReplies). */
  static final String AWAITING_DECISION = "awaiting-decision";

  /**
   * Since V114 the outgoing cross-border record is the outbox: it is written (in its payment's
   * row, or in cross_border for older payments) in the transaction that reserves leg 1 and
   * forwards the payment, and its payment is final once the peer's decision has been applied,
   * so "outgoing and not final" is exactly "forwarded, not decided".
   * Rows of peer_outbox written before V114 are read only for a transfer kept as JSON (before
   * session 4); every such row's payment has its cross-border row too.
   *
   * @param fromPayment the transfer a payment forwards, built from its payment and cross-border
   *     rows, for payments with no older outbox row keeping it as JSON
   */
  public static InFlight inFlight(Connection c, java.util.function.Function<UUID, org.rialto.node.peer.PeerMessage.Transfer> fromPayment)
      throws SQLException {
    var legacyBodies = new java.util.HashMap<UUID, String>();
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT o.uetr, o.body FROM peer_outbox o JOIN payment p ON p.uetr = o.uetr"
            + " WHERE p.state NOT IN ('SETTLED', 'REJECTED', 'RETURNED') AND o.body <> '' ORDER BY o.id")) {
      while (rs.next()) legacyBodies.put(UUID.fromString(rs.getString(1)), rs.getString(2));
    }
    var resend = new ArrayList<org.rialto.node.peer.OutboxRow>();
    var ask = new ArrayList<org.rialto.node.peer.OutboxRow>();
    // The record in the payment's row (since V114) or in cross_border (before, or added to a
    // stored row); the states listed are the ones not final, so the state index serves.
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT p.seq, p.uetr, p.step, p.received_at_millis, p.cross_border, cb.role, cb.peer_node"
            + " FROM payment p LEFT JOIN cross_border cb ON cb.seq = p.seq"
            + " WHERE p.state IN (" + OPEN_STATES + ") AND (p.cross_border IS NOT NULL OR cb.seq IS NOT NULL)"
            + " ORDER BY p.seq")) {
      while (rs.next()) {
        String packed = rs.getString(5);
        var record = packed == null ? null : CrossBorderPack.decode(packed);
        var role = record != null ? record.role() : org.rialto.node.payment.CrossBorder.Role.valueOf(rs.getString(6));
        if (role != org.rialto.node.payment.CrossBorder.Role.OUTGOING) continue;
        String peerNode = record != null ? record.peerNode() : rs.getString(7);
        UUID uetr = UUID.fromString(rs.getString(2));
        String body = legacyBodies.get(uetr);
        var row = body == null
            ? new org.rialto.node.peer.OutboxRow(rs.getLong(1), peerNode, uetr,
                org.rialto.node.peer.OutboxRow.FROM_PAYMENT, rs.getLong(4), fromPayment.apply(uetr))
            : new org.rialto.node.peer.OutboxRow(rs.getLong(1), peerNode, uetr, body, rs.getLong(4));
        (AWAITING_DECISION.equals(rs.getString(3)) ? ask : resend).add(row);
      }
    }
    return new InFlight(resend, ask);
  }

  static long maxBookingSeq(Connection c) throws SQLException {
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(last_seq), 0) FROM booking_batch")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long maxEventSeq(Connection c) throws SQLException {
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(last_event_seq), 0) FROM payment")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long bankMessageHighWater(Connection c) throws SQLException {
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(last_id), 0) FROM bank_inbox")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The columns {@link #readPayment(ResultSet, int)} reads, in its order. */
  /** A cross-border record as stored in its payment's row (V114), for readers outside the engine. */
  public static org.rialto.node.payment.CrossBorder crossBorder(String packed) {
    return CrossBorderPack.decode(packed);
  }

  public static final String PAYMENT_COLUMNS = "uetr, sender_bic, msg_id, end_to_end_id, debtor_bic, creditor_bic,"
      + " amount_minor, currency, priority, state, reason_code, step, queue_seq, reject_at_millis, value_date, content_hash,"
      + " received_at_millis, updated_at_millis, debtor_name, creditor_name, remittance, debtor_details, creditor_details";

  static Payment readPayment(ResultSet rs) throws SQLException {
    return readPayment(rs, 1);
  }

  /** Reads the payment columns (with the two details columns last) starting at column {@code first}. */
  public static Payment readPayment(ResultSet rs, int first) throws SQLException {
    int c = first - 1;
    return new Payment(UUID.fromString(rs.getString(c + 1)), rs.getString(c + 2), rs.getString(c + 3), rs.getString(c + 4),
        rs.getString(c + 5), rs.getString(c + 6), rs.getLong(c + 7), rs.getString(c + 8), Priority.valueOf(rs.getString(c + 9)),
        PaymentState.valueOf(rs.getString(c + 10)), rs.getString(c + 11), rs.getString(c + 12), rs.getLong(c + 13),
        rs.getLong(c + 14), rs.getString(c + 15), rs.getString(c + 16), rs.getLong(c + 17), rs.getLong(c + 18),
        rs.getString(c + 19), rs.getString(c + 20), rs.getString(c + 21), details(rs.getString(c + 22)),
        details(rs.getString(c + 23)));
  }

  // Plain JSON of the record, read back (with Jackson) only when a payment is loaded.
  private static final com.fasterxml.jackson.databind.ObjectMapper DETAILS_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * The same JSON Jackson writes for the record (every component in order, nulls included), by
   * hand: Jackson's reflective writer was a fifth of the committer's Java time for pacs.008
   * batches, whose transactions carry their parties' details.
   */
  static String details(org.rialto.node.payment.PartyDetails d) {
    if (d == null) return null;
    var b = new StringBuilder(256);
    b.append("{\"iban\":");
    org.rialto.node.log.Logs.quote(b, d.iban());
    b.append(",\"accountId\":");
    org.rialto.node.log.Logs.quote(b, d.accountId());
    b.append(",\"country\":");
    org.rialto.node.log.Logs.quote(b, d.country());
    b.append(",\"townName\":");
    org.rialto.node.log.Logs.quote(b, d.townName());
    b.append(",\"postCode\":");
    org.rialto.node.log.Logs.quote(b, d.postCode());
    b.append(",\"streetName\":");
    org.rialto.node.log.Logs.quote(b, d.streetName());
    b.append(",\"buildingNumber\":");
    org.rialto.node.log.Logs.quote(b, d.buildingNumber());
    b.append(",\"addressLines\":");
    if (d.addressLines() == null) {
      b.append("null");
    } else {
      b.append('[');
      for (int i = 0; i < d.addressLines().size(); i++) {
        if (i > 0) b.append(',');
        org.rialto.node.log.Logs.quote(b, d.addressLines().get(i));
      }
      b.append(']');
    }
    b.append(",\"countryOfResidence\":");
    org.rialto.node.log.Logs.quote(b, d.countryOfResidence());
    b.append(",\"organisation\":").append(d.organisation());
    b.append(",\"lei\":");
    org.rialto.node.log.Logs.quote(b, d.lei());
    b.append(",\"anyBic\":");
    org.rialto.node.log.Logs.quote(b, d.anyBic());
    b.append(",\"birthDate\":");
    org.rialto.node.log.Logs.quote(b, d.birthDate());
    b.append(",\"birthCity\":");
    org.rialto.node.log.Logs.quote(b, d.birthCity());
    b.append(",\"birthCountry\":");
    org.rialto.node.log.Logs.quote(b, d.birthCountry());
    b.append(",\"ids\":");
    if (d.ids() == null) {
      b.append("null");
    } else {
      b.append('[');
      for (int i = 0; i < d.ids().size(); i++) {
        var id = d.ids().get(i);
        if (i > 0) b.append(',');
        b.append("{\"id\":");
        org.rialto.node.log.Logs.quote(b, id.id());
        b.append(",\"scheme\":");
        org.rialto.node.log.Logs.quote(b, id.scheme());
        b.append(",\"issuer\":");
        org.rialto.node.log.Logs.quote(b, id.issuer());
        b.append('}');
      }
      b.append(']');
    }
    return b.append('}').toString();
  }

  static org.rialto.node.payment.PartyDetails details(String json) {
    if (json == null) return null;
    try {
      return DETAILS_JSON.readValue(json, org.rialto.node.payment.PartyDetails.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored party details unreadable: " + e.getOriginalMessage(), e);
    }
  }

  /** Compact text form of a message's answer: uetr:STATE:REASON per transaction. */
  static String encodeOutcomes(List<NodeEngine.Outcome> outcomes) {
    var sb = new StringBuilder(outcomes.size() * 50);
    for (var o : outcomes) {
      if (sb.length() > 0) sb.append(';');
      sb.append(o.uetr()).append(':').append(o.state().name()).append(':').append(o.reasonCode() == null ? "" : o.reasonCode());
    }
    return sb.toString();
  }

  static List<NodeEngine.Outcome> decodeOutcomes(String text) {
    var out = new ArrayList<NodeEngine.Outcome>();
    if (text.isEmpty()) return out;
    for (String part : text.split(";")) {
      String[] f = part.split(":", -1);
      if (f.length != 3) throw new IllegalStateException("corrupt stored answer: " + part);
      out.add(new NodeEngine.Outcome(UUID.fromString(f[0]), PaymentState.valueOf(f[1]), f[2].isEmpty() ? null : f[2]));
    }
    return out;
  }

  /** Used by readers on other threads (inbox, history), with their own connection. */
  static PreparedStatement prepare(Connection c, String sql) throws SQLException {
    return c.prepareStatement(sql);
  }
}

package org.rialto.node.http;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rialto.store.Store;

/**
 * Reads the banks' durable inboxes and payment histories from the store, on the caller's thread:
 * the writer only appends rows, readers never block it. Delivery is at least once: a bank
 * acknowledges by asking for messages after the last id it processed.
 */
public final class Inbox {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("rialto.inbox");
  public static final int MAX_PAGE = 1_000;

  /**
   * One message addressed to a bank; {@code id} is stable, so a bank can dedupe redeliveries.
   * {@code xml} is the ISO 20022 message itself (null for kinds without one).
   */
  public record InboxMessage(long id, String kind, String uetr, String detail, long createdAtMillis, String xml) {}

  private InboxRenderer renderer;

  /** Turns rows into ISO 20022 messages; set once at start. */
  public void renderWith(String nodeBic, String currency, int minorUnits) {
    this.renderer = new InboxRenderer(nodeBic, currency, minorUnits);
  }

  private final Store store;
  private final org.rialto.node.engine.PaymentIndex paymentIndex;

  /** @param paymentIndex where each payment's row is (the payment table has no UETR index) */
  public Inbox(Store store, org.rialto.node.engine.PaymentIndex paymentIndex) {
    this.store = store;
    this.paymentIndex = paymentIndex;
  }

  public org.rialto.node.engine.PaymentIndex paymentIndex() {
    return paymentIndex;
  }

  public List<InboxMessage> read(String bic, long afterId, int limit) {
    return store.read(c -> readPage(c, bic, afterId, limit));
  }

  /**
   * The same page without the ISO 20022 documents ({@code xml} null): for a bank that follows
   * its payments' states through the JSON API. Rendering each message's XML costs the node more
   * than everything else it does for a payment, so a bank that does not read it should not pay.
   */
  public List<InboxMessage> readStatuses(String bic, long afterId, int limit) {
    return store.read(c -> readStatusPage(c, bic, afterId, limit));
  }

  private static List<InboxMessage> readStatusPage(Connection c, String bic, long afterId, int limit) throws SQLException {
    return page(c, bic, afterId, limit);
  }

  /**
   * A bank's messages after {@code afterId}, at most {@code limit}, without XML. Rows pack a
   * turn's messages for the bank; a row is read if its last message is past the cursor, and
   * messages at or before the cursor are skipped, so the cursor may point inside a row.
   */
  private static List<InboxMessage> page(Connection c, String bic, long afterId, int limit) throws SQLException {
    int max = Math.max(0, Math.min(limit, MAX_PAGE));
    var out = new ArrayList<InboxMessage>();
    if (max == 0) return out;
    // Every row holds at least one message, so max rows always fill the page.
    try (var ps = c.prepareStatement("SELECT first_id, created_at_millis, messages FROM bank_inbox"
        + " WHERE bic = ? AND last_id > ? ORDER BY last_id LIMIT ?")) {
      ps.setString(1, bic);
      ps.setLong(2, afterId);
      ps.setInt(3, max);
      try (var rs = ps.executeQuery()) {
        while (rs.next() && out.size() < max) {
          long created = rs.getLong(2);
          for (var m : org.rialto.node.engine.InboxPack.decode(rs.getLong(1), rs.getString(3))) {
            if (m.id() <= afterId) continue;
            if (out.size() == max) break;
            out.add(new InboxMessage(m.id(), m.kind(), m.uetr(), m.detail(), created, null));
          }
        }
      }
    }
    return out;
  }

  private List<InboxMessage> readPage(Connection c, String bic, long afterId, int limit) throws SQLException {
    var rows = page(c, bic, afterId, limit);
    if (renderer == null) return rows;
    var out = new ArrayList<InboxMessage>(rows.size());
    try (var ps = c.prepareStatement("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE seq = ?")) {
      for (var row : rows) {
        String xml = null;
        try {
          if ("camt.053".equals(row.kind())) {
            xml = renderer.statement(c, bic, row);
          } else if (row.uetr() != null) {
            var key = paymentIndex.rowOf(UUID.fromString(row.uetr()));
            if (key.isPresent()) {
              ps.setLong(1, key.getAsLong());
              try (var rs = ps.executeQuery()) {
                if (rs.next()) xml = renderer.render(row, org.rialto.node.engine.NodeTables.readPayment(rs, 1));
              }
            }
          }
        } catch (RuntimeException e) {
          // One message that cannot be rendered must not hide the rest of the inbox; the row
          // (kind, UETR, detail) still tells the bank what happened.
          if (row.uetr() != null) org.slf4j.MDC.put(org.rialto.node.log.Logs.UETR, row.uetr());
          try {
            LOG.error("cannot render inbox message {}: {}", row.id(), e.getMessage(), e);
          } finally {
            if (row.uetr() != null) org.slf4j.MDC.remove(org.rialto.node.log.Logs.UETR);
          }
        }
        out.add(new InboxMessage(row.id(), row.kind(), row.uetr(), row.detail(), row.createdAtMillis(), xml));
      }
    }
    return out;
  }

  private static final String PAYMENT_COLUMNS = "uetr, sender_bic, msg_id, end_to_end_id, debtor_bic, creditor_bic,"
      + " amount_minor, currency, priority, state, reason_code, step, queue_seq, reject_at_millis, value_date, content_hash,"
      + " received_at_millis, updated_at_millis, debtor_name, creditor_name, remittance, debtor_details, creditor_details";

  public List<Map<String, Object>> history(UUID uetr) {
    var key = paymentIndex.rowOf(uetr);
    if (key.isEmpty()) return new ArrayList<>();
    return store.read(c -> readHistory(c, key.getAsLong()));
  }

  private static List<Map<String, Object>> readHistory(Connection c, long paymentKey) throws SQLException {
    try (var ps = c.prepareStatement("SELECT history FROM payment WHERE seq = ?")) {
      ps.setLong(1, paymentKey);
      var out = new ArrayList<Map<String, Object>>();
      try (var rs = ps.executeQuery()) {
        if (!rs.next()) return out;
        for (var e : org.rialto.node.engine.PaymentHistory.decode(rs.getString(1), MAX_PAGE)) {
          var m = new LinkedHashMap<String, Object>();
          m.put("at", java.time.Instant.ofEpochMilli(e.atMillis()).toString());
          m.put("state", e.state());
          m.put("step", e.step());
          if (e.detail() != null) m.put("detail", e.detail());
          out.add(m);
        }
      }
      return out;
    }
  }
}

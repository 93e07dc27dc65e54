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

  public Inbox(Store store) {
    this.store = store;
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
    try (var ps = c.prepareStatement(
            "SELECT id, kind, uetr, detail, created_at_millis FROM bank_message WHERE bic = ? AND id > ? ORDER BY id LIMIT ?")) {
      ps.setString(1, bic);
      ps.setLong(2, afterId);
      ps.setInt(3, Math.min(limit, MAX_PAGE));
      var out = new ArrayList<InboxMessage>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new InboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), null));
        }
      }
      return out;
    }
  }

  private List<InboxMessage> readPage(Connection c, String bic, long afterId, int limit) throws SQLException {
    try (var ps = c.prepareStatement(
            "SELECT m.id, m.kind, m.uetr, m.detail, m.created_at_millis, p.uetr, p.sender_bic, p.msg_id, p.end_to_end_id,"
                + " p.debtor_bic, p.creditor_bic, p.amount_minor, p.currency, p.priority, p.state, p.reason_code, p.step,"
                + " p.queue_seq, p.reject_at_millis, p.value_date, p.content_hash, p.received_at_millis,"
                + " p.updated_at_millis, p.debtor_name, p.creditor_name, p.remittance"
                + " FROM bank_message m LEFT JOIN payment p ON p.uetr = m.uetr WHERE m.bic = ? AND m.id > ?"
                + " ORDER BY m.id LIMIT ?")) {
      ps.setString(1, bic);
      ps.setLong(2, afterId);
      ps.setInt(3, Math.min(limit, MAX_PAGE));
      var out = new ArrayList<InboxMessage>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          var row = new InboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), null);
          String xml = null;
          if (renderer != null && (rs.getString(6) != null || "camt.053".equals(row.kind()))) {
            try {
              xml = "camt.053".equals(row.kind())
                  ? renderer.statement(c, bic, row)
                  : renderer.render(row, org.rialto.node.engine.NodeTables.readPayment(rs, 6));
            } catch (RuntimeException e) {
              // One message that cannot be rendered must not hide the rest of the inbox; the row
              // (kind, UETR, detail) still tells the bank what happened.
              System.err.println("rialto: cannot render inbox message " + row.id() + ": " + e.getMessage());
            }
          }
          out.add(new InboxMessage(row.id(), row.kind(), row.uetr(), row.detail(), row.createdAtMillis(), xml));
        }
      }
      return out;
    }
  }

  public List<Map<String, Object>> history(UUID uetr) {
    return store.read(c -> readHistory(c, uetr));
  }

  private static List<Map<String, Object>> readHistory(Connection c, UUID uetr) throws SQLException {
    try (var ps = c.prepareStatement(
            "SELECT at_millis, state, step, detail FROM payment_event WHERE uetr = ? ORDER BY seq")) {
      ps.setString(1, uetr.toString());
      var out = new ArrayList<Map<String, Object>>();
      try (var rs = ps.executeQuery()) {
        while (rs.next() && out.size() < MAX_PAGE) {
          var m = new LinkedHashMap<String, Object>();
          m.put("at", java.time.Instant.ofEpochMilli(rs.getLong(1)).toString());
          m.put("state", rs.getString(2));
          m.put("step", rs.getString(3));
          if (rs.getString(4) != null) m.put("detail", rs.getString(4));
          out.add(m);
        }
      }
      return out;
    }
  }
}

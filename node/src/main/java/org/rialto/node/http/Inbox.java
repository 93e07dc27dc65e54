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

  /** One message addressed to a bank; {@code id} is stable, so a bank can dedupe redeliveries. */
  public record InboxMessage(long id, String kind, String uetr, String detail, long createdAtMillis) {}

  private final Store store;

  public Inbox(Store store) {
    this.store = store;
  }

  public List<InboxMessage> read(String bic, long afterId, int limit) {
    return store.read(c -> readPage(c, bic, afterId, limit));
  }

  private static List<InboxMessage> readPage(Connection c, String bic, long afterId, int limit) throws SQLException {
    try (var ps = c.prepareStatement(
            "SELECT id, kind, uetr, detail, created_at_millis FROM bank_message WHERE bic = ? AND id > ?"
                + " ORDER BY id LIMIT ?")) {
      ps.setString(1, bic);
      ps.setLong(2, afterId);
      ps.setInt(3, Math.min(limit, MAX_PAGE));
      var out = new ArrayList<InboxMessage>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new InboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
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

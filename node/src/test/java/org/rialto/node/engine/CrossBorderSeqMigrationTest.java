package org.rialto.node.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V112 keys the cross-border record by its payment's row key on SQLite: records written before
 * keep every column and sit under their payment's key, and the outbox keeps its rows without the
 * (done_at_millis, id) index.
 */
class CrossBorderSeqMigrationTest {
  @TempDir Path dir;

  @Test
  void existingRecordsMoveUnderTheirPaymentKey() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("node.db");
    SqliteMigrations.migrate(url, "111");
    var first = UUID.randomUUID();
    var second = UUID.randomUUID();
    try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
      long seq = 0;
      for (var u : new UUID[] {first, second}) {
        seq++;
        st.executeUpdate("INSERT INTO payment (seq, uetr, sender_bic, msg_id, debtor_bic, creditor_bic, amount_minor, currency,"
            + " priority, state, step, queue_seq, reject_at_millis, content_hash, received_at_millis, updated_at_millis)"
            + " VALUES (" + (seq * 10) + ", '" + u + "', 'BANKAAAA', 'M" + seq + "', 'BANKAAAA', 'BANKBBBB', 1234, 'RUB',"
            + " 'NORMAL', 'RECEIVED', 'prepared', 0, 0, 'h', 10, 11)");
      }
      // Written in the opposite order of the payments: the new table is in payment order.
      for (var u : new UUID[] {second, first}) {
        st.executeUpdate("INSERT INTO cross_border (uetr, role, peer_node, fxp_bic, quote_id, source_amount_minor,"
            + " source_currency, target_amount_minor, target_currency, rate, expires_at_millis) VALUES ('" + u
            + "', 'OUTGOING', 'IR-NODE', 'FXPAAAAA', 'Q-" + u + "', 1234, 'RUB', 5678, 'IRR', '4.6', 99)");
      }
      st.executeUpdate("INSERT INTO peer_outbox (id, peer_node, uetr, body, created_at_millis) VALUES (1, 'IR-NODE', '"
          + first + "', '', 10)");
    }
    SqliteMigrations.migrate(url, null);
    try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
      try (var rs = st.executeQuery("SELECT seq, uetr, role, peer_node, fxp_bic, quote_id, source_amount_minor,"
          + " source_currency, target_amount_minor, target_currency, rate, expires_at_millis FROM cross_border ORDER BY seq")) {
        assertTrue(rs.next());
        assertEquals(10, rs.getLong(1));
        assertEquals(first.toString(), rs.getString(2));
        assertEquals("OUTGOING", rs.getString(3));
        assertEquals("IR-NODE", rs.getString(4));
        assertEquals("FXPAAAAA", rs.getString(5));
        assertEquals("Q-" + first, rs.getString(6));
        assertEquals(1234, rs.getLong(7));
        assertEquals("RUB", rs.getString(8));
        assertEquals(5678, rs.getLong(9));
        assertEquals("IRR", rs.getString(10));
        assertEquals("4.6", rs.getString(11));
        assertEquals(99, rs.getLong(12));
        assertTrue(rs.next());
        assertEquals(20, rs.getLong(1));
        assertEquals(second.toString(), rs.getString(2));
        assertFalse(rs.next());
      }
      try (var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cross_border'")) {
        rs.next();
        assertEquals(0, rs.getLong(1), "no index on the UETR is left");
      }
      try (var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'peer_outbox_open'")) {
        rs.next();
        assertEquals(0, rs.getLong(1));
      }
      try (var rs = st.executeQuery("SELECT uetr FROM peer_outbox WHERE id = 1")) {
        assertTrue(rs.next());
        assertEquals(first.toString(), rs.getString(1));
      }
    }
  }
}

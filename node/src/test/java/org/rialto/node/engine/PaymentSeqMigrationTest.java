package org.rialto.node.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V110 moves the payment row from its UETR key to a node sequence on SQLite: rows written before
 * keep every column and their order of arrival, and the UETR-to-row map refuses a second row for
 * one UETR (there is no unique index left to do it).
 */
class PaymentSeqMigrationTest {
  @TempDir Path dir;

  @Test
  void existingPaymentsKeepTheirColumnsAndOrder() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("node.db");
    SqliteMigrations.migrate(url, "109");
    var first = UUID.randomUUID();
    var second = UUID.randomUUID();
    try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
      for (var u : new UUID[] {first, second}) {
        st.executeUpdate("INSERT INTO payment (uetr, sender_bic, msg_id, debtor_bic, creditor_bic, amount_minor, currency,"
            + " priority, state, step, queue_seq, reject_at_millis, content_hash, received_at_millis, updated_at_millis,"
            + " history, last_event_seq, settled_at_millis, debtor_details) VALUES ('" + u + "', 'BANKAAAA', 'M1', 'BANKAAAA',"
            + " 'BANKBBBB', 1234, 'RUB', 'NORMAL', 'SETTLED', 'settled', 0, 0, 'h', 10, 11, 'line\n', 7, 11, '{\"a\":1}')");
      }
    }
    SqliteMigrations.migrate(url, null);
    var keys = new PaymentIndex(100);
    try (var c = DriverManager.getConnection(url); var st = c.createStatement();
        var rs = st.executeQuery("SELECT seq, uetr, amount_minor, history, last_event_seq, settled_at_millis, debtor_details"
            + " FROM payment ORDER BY seq")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getLong(1));
      assertEquals(first.toString(), rs.getString(2));
      assertEquals(1234, rs.getLong(3));
      assertEquals("line\n", rs.getString(4));
      assertEquals(7, rs.getLong(5));
      assertEquals(11, rs.getLong(6));
      assertEquals("{\"a\":1}", rs.getString(7));
      keys.restore(first, rs.getLong(1));
      assertTrue(rs.next());
      assertEquals(2, rs.getLong(1));
      assertEquals(second.toString(), rs.getString(2));
      keys.restore(second, rs.getLong(1));
      assertFalse(rs.next());
    }
    assertEquals(2, keys.rowOf(second).getAsLong());
    assertEquals(3, keys.keyFor(UUID.randomUUID()), "a new payment goes after the rows read back");
    assertEquals(1, keys.keyFor(first), "a payment keeps its row");
    assertThrows(IllegalStateException.class, () -> keys.restore(first, 9));
  }
}

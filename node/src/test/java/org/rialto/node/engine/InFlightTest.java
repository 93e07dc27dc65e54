package org.rialto.node.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.payment.CrossBorder;
import org.rialto.node.peer.OutboxRow;
import org.rialto.node.peer.PeerMessage;

/**
 * Since V114 no outbox row is written and the cross-border record is in its payment's row: what a restart forwards again or asks about is read from
 * the outgoing cross-border rows whose payment is not final, split by the step a PENDING answer
 * records; an older outbox row keeping its transfer as JSON still gives that body.
 */
class InFlightTest {
  @TempDir Path dir;

  private static long seq;

  private static void payment(Statement st, UUID u, String state, String step, String role) throws Exception {
    seq++;
    st.executeUpdate("INSERT INTO payment (seq, uetr, sender_bic, msg_id, debtor_bic, creditor_bic, amount_minor, currency,"
        + " priority, state, reason_code, step, queue_seq, reject_at_millis, content_hash, received_at_millis, updated_at_millis)"
        + " VALUES (" + seq + ", '" + u + "', 'BANKAAAA', 'M" + seq + "', 'BANKAAAA', 'BANKBBBB', 1234, 'RUB', 'NORMAL', '"
        + state + "', " + ("REJECTED".equals(state) ? "'AM04'" : "NULL") + ", '" + step + "', 0, 0, 'h', " + (100 + seq) + ", 200)");
    st.executeUpdate("INSERT INTO cross_border (seq, uetr, role, peer_node, fxp_bic, quote_id, source_amount_minor,"
        + " source_currency, target_amount_minor, target_currency, rate, expires_at_millis) VALUES (" + seq + ", '" + u
        + "', '" + role + "', 'IR-NODE', 'FXPAAAAA', 'Q-" + u + "', 1234, 'RUB', 5678, 'IRR', '4.6', 99)");
  }

  /** A payment written since V114: its cross-border record in its own row. */
  private static void paymentWithRecord(Statement st, UUID u, String state, String step, CrossBorder.Role role) throws Exception {
    seq++;
    var cb = new CrossBorder(role, "IR-NODE", "FXPAAAAA", "Q-" + u, 1234, "RUB", 5678, "IRR", "4.6", 99);
    st.executeUpdate("INSERT INTO payment (seq, uetr, sender_bic, msg_id, debtor_bic, creditor_bic, amount_minor, currency,"
        + " priority, state, reason_code, step, queue_seq, reject_at_millis, content_hash, received_at_millis, updated_at_millis,"
        + " cross_border) VALUES (" + seq + ", '" + u + "', 'BANKAAAA', 'M" + seq + "', 'BANKAAAA', 'BANKBBBB', 1234, 'RUB', 'NORMAL', '"
        + state + "', NULL, '" + step + "', 0, 0, 'h', " + (100 + seq) + ", 200, '" + CrossBorderPack.encode(cb) + "')");
  }

  private static PeerMessage.Transfer transfer(UUID u) {
    return new PeerMessage.Transfer(u.toString(), "RU-NODE", "M", "E", "BANKAAAA", "BANKBBBB", "FXPAAAAA", "Q-" + u,
        1234, "RUB", 5678, "IRR", "4.6", 99, null, null, null, null, null);
  }

  @Test
  void forwardedAndUndecidedPaymentsAreResentOrAskedAbout() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("node.db");
    SqliteMigrations.migrate(url, null);
    var unanswered = UUID.randomUUID();
    var pending = UUID.randomUUID();
    var settled = UUID.randomUUID();
    var rejected = UUID.randomUUID();
    var heldIncoming = UUID.randomUUID();
    var oldJson = UUID.randomUUID();
    var oldFinal = UUID.randomUUID();
    var newUnanswered = UUID.randomUUID();
    var newPending = UUID.randomUUID();
    var newSettled = UUID.randomUUID();
    var newHeldIncoming = UUID.randomUUID();
    try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
      payment(st, unanswered, "RECEIVED", "prepared", "OUTGOING");
      payment(st, pending, "RECEIVED", NodeTables.AWAITING_DECISION, "OUTGOING");
      payment(st, settled, "SETTLED", "settled-both-legs", "OUTGOING");
      payment(st, rejected, "REJECTED", "rejected-by-peer", "OUTGOING");
      payment(st, heldIncoming, "HELD", "held", "INCOMING");
      payment(st, oldJson, "RECEIVED", "prepared", "OUTGOING");
      payment(st, oldFinal, "SETTLED", "settled-both-legs", "OUTGOING");
      paymentWithRecord(st, newUnanswered, "RECEIVED", "prepared", CrossBorder.Role.OUTGOING);
      paymentWithRecord(st, newPending, "RECEIVED", NodeTables.AWAITING_DECISION, CrossBorder.Role.OUTGOING);
      paymentWithRecord(st, newSettled, "SETTLED", "settled-both-legs", CrossBorder.Role.OUTGOING);
      paymentWithRecord(st, newHeldIncoming, "HELD", "held", CrossBorder.Role.INCOMING);
      // Outbox rows written before V114: one kept its transfer as JSON (before session 4).
      st.executeUpdate("INSERT INTO peer_outbox (id, peer_node, uetr, body, created_at_millis) VALUES (1, 'IR-NODE', '"
          + oldJson + "', '{\"uetr\":\"" + oldJson + "\"}', 10)");
      st.executeUpdate("INSERT INTO peer_outbox (id, peer_node, uetr, body, created_at_millis) VALUES (2, 'IR-NODE', '"
          + oldFinal + "', '{\"uetr\":\"" + oldFinal + "\"}', 10)");
    }
    var built = new ArrayList<UUID>();
    NodeTables.InFlight inFlight;
    try (var c = DriverManager.getConnection(url)) {
      inFlight = NodeTables.inFlight(c, u -> {
        built.add(u);
        return transfer(u);
      });
    }
    assertEquals(List.of(unanswered, oldJson, newUnanswered), inFlight.resend().stream().map(OutboxRow::uetr).toList());
    assertEquals(List.of(pending, newPending), inFlight.ask().stream().map(OutboxRow::uetr).toList());
    assertEquals(List.of(unanswered, pending, newUnanswered, newPending), built,
        "only rows without a JSON body are built from the payment");
    assertEquals("IR-NODE", inFlight.resend().get(2).peerNode());
    OutboxRow fresh = inFlight.resend().get(0);
    assertEquals(OutboxRow.FROM_PAYMENT, fresh.body());
    assertEquals(unanswered.toString(), fresh.forwarded().uetr());
    assertEquals("IR-NODE", fresh.peerNode());
    assertEquals(1, fresh.id(), "the dispatcher's id is the payment's row key");
    OutboxRow old = inFlight.resend().get(1);
    assertEquals("{\"uetr\":\"" + oldJson + "\"}", old.body());
    assertNull(old.transfer());
    assertEquals(List.of(1L, 6L, 8L, 2L, 9L), java.util.stream.Stream.concat(inFlight.resend().stream(), inFlight.ask().stream())
        .map(OutboxRow::id).toList(), "ids are the payments' row keys, unique, below those handed out next");
  }
}

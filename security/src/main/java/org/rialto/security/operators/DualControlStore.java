package org.rialto.security.operators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Dual-control actions in the store, inside the caller's transaction. */
public final class DualControlStore {
  private DualControlStore() {}

  public static void insert(Connection c, DualAction a) throws SQLException {
    if (a.state() != DualAction.State.PENDING) {
      throw new IllegalArgumentException("only a pending action is inserted");
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO security_dual_action (id, kind, subject, details, proposed_by, proposed_micros, expires_micros, state)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')")) {
      p.setString(1, a.id());
      p.setString(2, a.kind().name());
      p.setString(3, a.subject());
      p.setString(4, a.details());
      p.setString(5, a.proposedBy());
      p.setLong(6, OperatorStore.micros(a.proposedAt()));
      p.setLong(7, OperatorStore.micros(a.expiresAt()));
      p.executeUpdate();
    }
  }

  /**
   * Stores a decision. The update only matches a still-pending row, so two concurrent approvals of
   * one action cannot both complete it.
   */
  public static void decide(Connection c, DualAction a) throws SQLException {
    if (a.state() == DualAction.State.PENDING) {
      throw new IllegalArgumentException("a decision is COMPLETED or REJECTED");
    }
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE security_dual_action SET state = ?, decided_by = ?, decided_micros = ? WHERE id = ? AND state = 'PENDING' AND proposed_by <> ?")) {
      p.setString(1, a.state().name());
      p.setString(2, a.decidedBy());
      p.setLong(3, OperatorStore.micros(a.decidedAt()));
      p.setString(4, a.id());
      p.setString(5, a.decidedBy());
      if (p.executeUpdate() != 1) {
        throw new IllegalStateException("action " + a.id() + " is no longer pending (or the decider proposed it)");
      }
    }
  }

  public static Optional<DualAction> find(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT kind, subject, details, proposed_by, proposed_micros, expires_micros, state, decided_by, decided_micros"
            + " FROM security_dual_action WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long decided = rs.getLong(9);
        boolean decidedNull = rs.wasNull();
        return Optional.of(new DualAction(id, ActionKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
            OperatorStore.fromMicros(rs.getLong(5)), OperatorStore.fromMicros(rs.getLong(6)), DualAction.State.valueOf(rs.getString(7)),
            rs.getString(8), decidedNull ? null : OperatorStore.fromMicros(decided)));
      }
    }
  }
}

package org.rialto.security.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.Optional;

/**
 * Appends to the hash-chained audit trail inside the caller's transaction (the node's writer
 * transaction), so an action and its audit entry become durable together or not at all. Never
 * commits, rolls back or changes auto-commit. Two concurrent appenders collide on the primary key
 * and one transaction fails: the chain never forks.
 */
public final class AuditLog {
  private AuditLog() {}

  public static AuditRecord append(Connection c, AuditEntry e) throws SQLException {
    long seq;
    byte[] prev;
    long lastMicros;
    Optional<AuditRecord> tail = tail(c);
    if (tail.isPresent()) {
      seq = Math.addExact(tail.get().seq(), 1);
      prev = tail.get().hash();
      lastMicros = tail.get().timeMicros();
    } else {
      seq = 1;
      prev = AuditRecord.GENESIS;
      lastMicros = Long.MIN_VALUE;
    }
    // Time never runs backwards in the trail, even if the caller's clock does.
    long micros = Math.max(ChronoUnit.MICROS.between(Instant.EPOCH, e.time()), lastMicros);
    byte[] hash = AuditRecord.hash(seq, micros, e.actor(), e.action(), e.subject(), e.detailsJson(), prev);
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO security_audit (seq, time_micros, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setLong(1, seq);
      p.setLong(2, micros);
      p.setString(3, e.actor());
      p.setString(4, e.action());
      p.setString(5, e.subject());
      p.setString(6, e.detailsJson());
      p.setBytes(7, prev);
      p.setBytes(8, hash);
      if (p.executeUpdate() != 1) {
        throw new IllegalStateException("audit insert of seq " + seq + " wrote no row");
      }
    }
    return new AuditRecord(seq, micros, e.actor(), e.action(), e.subject(), e.detailsJson(), prev, hash);
  }

  /** The last entry, the anchor to publish (seq and hash) so truncation can be detected too. */
  public static Optional<AuditRecord> tail(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT seq, time_micros, actor, action, subject, details, prev_hash, hash FROM security_audit ORDER BY seq DESC LIMIT 1")) {
      return rs.next() ? Optional.of(read(rs)) : Optional.empty();
    }
  }

  static AuditRecord read(ResultSet rs) throws SQLException {
    return new AuditRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getBytes(7), rs.getBytes(8));
  }
}

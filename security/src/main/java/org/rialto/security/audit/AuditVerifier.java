package org.rialto.security.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import org.rialto.security.Crypto;

/**
 * Walks the audit trail in storage order and names the first entry that breaks the chain: an edited
 * row (its hash no longer matches its fields), a removed row (a gap in seq, or the next row's
 * prev_hash points at a row that is not there), a reordered row (seq out of order, or a prev_hash
 * that is not its predecessor's hash). Removing the newest rows leaves a shorter valid chain: that
 * is caught only by comparing with a published {@link Anchor}.
 */
public final class AuditVerifier {
  private AuditVerifier() {}

  /** A (seq, hash) published elsewhere, e.g. in the day-close report. */
  public record Anchor(long seq, byte[] hash) {}

  public sealed interface Result {}

  public record Intact(long entries, byte[] tipHash) implements Result {}

  public record Broken(long seq, String reason) implements Result {}

  public static Result verify(Connection c, Optional<Anchor> anchor) throws SQLException {
    long expectedSeq = 1;
    byte[] prev = AuditRecord.GENESIS;
    boolean anchorSeen = false;
    // By seq: a reordering has to rewrite seq values, and seq is inside every hash.
    String sql = "SELECT seq, time_micros, actor, action, subject, details, prev_hash, hash FROM security_audit ORDER BY seq";
    try (Statement s = c.createStatement()) {
      s.setFetchSize(1000);
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          AuditRecord r = AuditLog.read(rs);
          if (r.seq() != expectedSeq) {
            return new Broken(r.seq() > expectedSeq ? expectedSeq : r.seq(), r.seq() > expectedSeq
                ? "entry " + expectedSeq + " is missing (next stored entry is " + r.seq() + ")"
                : "entry " + r.seq() + " is out of order (expected " + expectedSeq + ")");
          }
          byte[] recomputed = AuditRecord.hash(r.seq(), r.timeMicros(), r.actor(), r.action(), r.subject(), r.details(),
              r.prevHash() == null || r.prevHash().length != AuditRecord.HASH_BYTES ? AuditRecord.GENESIS : r.prevHash());
          if (r.hash() == null || !Arrays.equals(recomputed, r.hash())) {
            return new Broken(r.seq(), "entry " + r.seq() + " was edited: its hash does not match its fields");
          }
          if (!Arrays.equals(r.prevHash(), prev)) {
            return new Broken(r.seq(), "entry " + r.seq() + " does not follow entry " + (r.seq() - 1)
                + ": prev_hash differs (an entry was removed, replaced or reordered before it)");
          }
          if (anchor.isPresent() && anchor.get().seq() == r.seq()) {
            if (!Arrays.equals(anchor.get().hash(), r.hash())) {
              return new Broken(r.seq(), "entry " + r.seq() + " differs from the published anchor");
            }
            anchorSeen = true;
          }
          prev = r.hash();
          expectedSeq++;
        }
      }
    }
    if (anchor.isPresent() && !anchorSeen) {
      return new Broken(anchor.get().seq(), "entry " + anchor.get().seq() + " of the published anchor is missing (trail truncated after "
          + (expectedSeq - 1) + ")");
    }
    return new Intact(expectedSeq - 1, prev);
  }

  public static String describe(Result r) {
    return switch (r) {
      case Intact i -> "audit trail intact: " + i.entries() + " entries, tip " + Crypto.hex(i.tipHash());
      case Broken b -> "audit trail BROKEN at entry " + b.seq() + ": " + b.reason();
    };
  }
}

package org.rialto.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.security.db.TestDb;

class AuditTrailTest {
  static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  @TempDir Path tmp;
  String url;

  @BeforeEach
  void fiveEntries() throws SQLException {
    url = TestDb.create(tmp);
    try (Connection c = TestDb.connect(url)) {
      for (int i = 1; i <= 5; i++) {
        AuditLog.append(c, new AuditEntry(T0.plusSeconds(i), "alice", "limit.change", "SABRRUMM", "{\"limitMinor\":" + (i * 1000) + "}"));
      }
      c.commit();
    }
  }

  AuditVerifier.Result verify() throws SQLException {
    try (Connection c = TestDb.connect(url)) {
      return AuditVerifier.verify(c, Optional.empty());
    }
  }

  /** What an attacker with raw database access does: lift the append-only triggers first. */
  void tamper(String... sql) throws SQLException {
    try (Connection c = TestDb.connect(url); Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER security_audit_no_update");
      s.execute("DROP TRIGGER security_audit_no_delete");
      for (String q : sql) {
        s.execute(q);
      }
      c.commit();
    }
  }

  @Test
  void intactTrailVerifies() throws SQLException {
    assertThat(verify()).isInstanceOf(AuditVerifier.Intact.class);
    assertThat(((AuditVerifier.Intact) verify()).entries()).isEqualTo(5);
  }

  @Test
  void appendIsPartOfTheCallersTransaction() throws SQLException {
    try (Connection c = TestDb.connect(url)) {
      AuditLog.append(c, new AuditEntry(T0.plusSeconds(9), "bob", "payment.release", "UETR-1", "{}"));
      c.rollback();
    }
    assertThat(((AuditVerifier.Intact) verify()).entries()).isEqualTo(5);
  }

  @Test
  void databaseRefusesEditsAndDeletes() throws SQLException {
    try (Connection c = TestDb.connect(url); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("UPDATE security_audit SET actor = 'mallory' WHERE seq = 2")).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.execute("DELETE FROM security_audit WHERE seq = 2")).hasMessageContaining("append-only");
    }
  }

  @Test
  void editedRowIsNamed() throws SQLException {
    tamper("UPDATE security_audit SET details = '{\"limitMinor\":999999}' WHERE seq = 3");
    AuditVerifier.Result r = verify();
    assertThat(r).isEqualTo(new AuditVerifier.Broken(3, "entry 3 was edited: its hash does not match its fields"));
  }

  @Test
  void editedRowWithRecomputedHashIsCaughtByItsSuccessor() throws SQLException {
    // The attacker recomputes row 3's hash; row 4's prev_hash still points at the original.
    tamper("UPDATE security_audit SET actor = 'mallory' WHERE seq = 3");
    try (Connection c = TestDb.connect(url); Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT seq, time_micros, actor, action, subject, details, prev_hash FROM security_audit WHERE seq = 3");
      rs.next();
      byte[] h = AuditRecord.hash(3, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBytes(7));
      rs.close();
      var p = c.prepareStatement("UPDATE security_audit SET hash = ? WHERE seq = 3");
      p.setBytes(1, h);
      p.executeUpdate();
      c.commit();
    }
    assertThat(verify()).isInstanceOf(AuditVerifier.Broken.class).extracting("seq").isEqualTo(4L);
  }

  @Test
  void deletedRowIsNamed() throws SQLException {
    tamper("DELETE FROM security_audit WHERE seq = 2");
    AuditVerifier.Result r = verify();
    assertThat(r).isInstanceOf(AuditVerifier.Broken.class).extracting("seq").isEqualTo(2L);
    assertThat(AuditVerifier.describe(r)).contains("entry 2 is missing");
  }

  @Test
  void reorderedRowsAreNamed() throws SQLException {
    // Swap the contents of entries 2 and 4 (seq stays, everything else moves).
    tamper(
        "UPDATE security_audit SET seq = -2 WHERE seq = 2",
        "UPDATE security_audit SET seq = 2 WHERE seq = 4",
        "UPDATE security_audit SET seq = 4 WHERE seq = -2");
    assertThat(verify()).isInstanceOf(AuditVerifier.Broken.class).extracting("seq").isEqualTo(2L);
  }

  @Test
  void truncationIsCaughtAgainstThePublishedAnchor() throws SQLException {
    AuditRecord tip;
    try (Connection c = TestDb.connect(url)) {
      tip = AuditLog.tail(c).orElseThrow();
    }
    tamper("DELETE FROM security_audit WHERE seq = 5");
    assertThat(verify()).isInstanceOf(AuditVerifier.Intact.class);
    try (Connection c = TestDb.connect(url)) {
      assertThat(AuditVerifier.verify(c, Optional.of(new AuditVerifier.Anchor(tip.seq(), tip.hash()))))
          .isInstanceOf(AuditVerifier.Broken.class).extracting("seq").isEqualTo(5L);
    }
  }

  @Test
  void entriesAreValidated() {
    assertThatThrownBy(() -> new AuditEntry(T0, "", "a", "s", "{}")).hasMessageContaining("actor");
    assertThatThrownBy(() -> new AuditEntry(T0, "a", "a", "s", "not json")).hasMessageContaining("JSON object");
  }
}

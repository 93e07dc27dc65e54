package org.rialto.security.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rialto.security.audit.AuditEntry;
import org.rialto.security.audit.AuditLog;
import org.rialto.security.audit.AuditVerifier;
import org.rialto.security.jws.DetachedJws;
import org.rialto.security.jws.Evidence;
import org.rialto.security.jws.JwsAlgorithm;
import org.rialto.security.operators.ActionKind;
import org.rialto.security.operators.DualAction;
import org.rialto.security.operators.DualControl;
import org.rialto.security.operators.DualControlStore;
import org.rialto.security.operators.Operator;
import org.rialto.security.operators.OperatorStore;
import org.rialto.security.operators.Role;
import org.rialto.security.pki.KeyAlgorithm;
import org.rialto.store.LocalPostgres;
import org.rialto.store.Store;
import org.rialto.store.StoreUrl;

/** The PostgreSQL migrations, applied by the store, carry the same doors as the SQLite ones. */
class PostgresMigrationsTest {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static LocalPostgres server;
  static String url;

  @BeforeAll
  static void start() {
    server = LocalPostgres.start();
    url = server.createDatabase("security");
    try (Store s = Store.open(StoreUrl.parse(url), List.of("db/security"))) {
      assertThat(s.failed()).isFalse();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Connection connect() throws Exception {
    Connection c = DriverManager.getConnection(url);
    c.setAutoCommit(false);
    return c;
  }

  @Test
  void auditEvidenceOperatorsAndDualControlOnPostgres() throws Exception {
    try (Connection c = connect()) {
      for (int i = 1; i <= 3; i++) {
        AuditLog.append(c, new AuditEntry(NOW.plusSeconds(i), "alice", "participant.add", "BIC" + i, "{}"));
      }
      var keys = KeyAlgorithm.EC_P256.generate();
      byte[] body = "<Document/>".getBytes(StandardCharsets.UTF_8);
      String jws = DetachedJws.sign(body, keys.getPrivate(), JwsAlgorithm.ES256, "k", "M1", NOW);
      var h = DetachedJws.verify(jws, body, keys.getPublic(), EnumSet.allOf(JwsAlgorithm.class));
      assertThat(Evidence.of("SABRRUMM", h, jws, body, NOW).record(c)).isTrue();
      assertThat(Evidence.of("SABRRUMM", h, jws, body, NOW).record(c)).isFalse();
      Operator alice = new Operator("alice", Role.SUPERVISOR, "$argon2id$v=19$m=8,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA", 0, Instant.EPOCH, false);
      OperatorStore.insert(c, alice);
      DualAction a = DualControl.propose("L1", ActionKind.CHANGE_LIMIT, "SABRRUMM", "{}", alice, NOW, Duration.ofHours(1));
      DualControlStore.insert(c, a);
      c.commit();
      assertThat(DualControlStore.find(c, "L1")).contains(a);
      assertThat(Evidence.find(c, "SABRRUMM", "M1").orElseThrow().body()).isEqualTo(body);
      assertThat(AuditVerifier.verify(c, Optional.empty())).isInstanceOf(AuditVerifier.Intact.class);
    }
    try (Connection c = connect(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("UPDATE security_audit SET actor = 'mallory' WHERE seq = 2")).hasMessageContaining("append-only");
      c.rollback();
      assertThatThrownBy(() -> s.execute("DELETE FROM security_audit WHERE seq = 2")).hasMessageContaining("append-only");
      c.rollback();
      // An owner who lifts the trigger is still caught by the chain.
      s.execute("ALTER TABLE security_audit DISABLE TRIGGER security_audit_no_change");
      s.execute("UPDATE security_audit SET actor = 'mallory' WHERE seq = 2");
      assertThat(AuditVerifier.verify(c, Optional.empty())).isEqualTo(new AuditVerifier.Broken(2, "entry 2 was edited: its hash does not match its fields"));
      c.rollback();
    }
  }
}

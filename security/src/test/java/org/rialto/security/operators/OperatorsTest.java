package org.rialto.security.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.security.audit.AuditVerifier;
import org.rialto.security.db.TestDb;

class OperatorsTest {
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final char[] PW = "a long operator passphrase".toCharArray();
  // Hashing is deliberately slow (Argon2id, 46 MiB): hash once, share between accounts.
  static String hash;

  @BeforeAll
  static void hashOnce() {
    hash = PasswordHasher.hash(PW);
  }

  static Operator op(String name, Role role) {
    return new Operator(name, role, hash, 0, Instant.EPOCH, false);
  }

  @Test
  void passwordsAreArgon2idAndVerifyOnlyTheRightPassword() {
    assertThat(hash).startsWith("$argon2id$v=19$m=47104,t=1,p=1$");
    assertThat(PasswordHasher.verify(PW, hash)).isTrue();
    assertThat(PasswordHasher.verify("a long operator passphrasE".toCharArray(), hash)).isFalse();
    assertThat(PasswordHasher.verify(PW, hash.replace("m=47104", "m=47105"))).isFalse();
    assertThat(PasswordHasher.verify(PW, "$argon2id$v=19$m=99999999,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")).isFalse();
    assertThatThrownBy(() -> PasswordHasher.hash("short".toCharArray())).hasMessageContaining("12..128");
  }

  @Test
  void lockoutAfterRepeatedFailuresThenUnlockAfterThePeriod() {
    LoginPolicy policy = new LoginPolicy(3, Duration.ofMinutes(15), Duration.ofHours(8));
    Operator o = op("alice", Role.OPERATOR);
    char[] wrong = "not the passphrase!".toCharArray();
    for (int i = 1; i <= 2; i++) {
      var r = (OperatorAuth.Refused) OperatorAuth.login(o, wrong, NOW, policy);
      assertThat(r.refusal()).isEqualTo(OperatorAuth.Refusal.BAD_PASSWORD);
      o = r.operator();
      assertThat(o.failedAttempts()).isEqualTo(i);
    }
    var third = (OperatorAuth.Refused) OperatorAuth.login(o, wrong, NOW, policy);
    assertThat(third.refusal()).isEqualTo(OperatorAuth.Refusal.LOCKED);
    o = third.operator();
    // Even the right password is refused while locked.
    assertThat(OperatorAuth.login(o, PW, NOW.plus(Duration.ofMinutes(14)), policy))
        .isInstanceOf(OperatorAuth.Refused.class).extracting("refusal").isEqualTo(OperatorAuth.Refusal.LOCKED);
    assertThat(OperatorAuth.login(o, PW, NOW.plus(Duration.ofMinutes(15)), policy)).isInstanceOf(OperatorAuth.LoggedIn.class);
  }

  @Test
  void operatorWithoutTheRoleIsRefused() {
    assertThatThrownBy(() -> op("victor", Role.VIEWER).require(Role.OPERATOR)).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("VIEWER");
    assertThatThrownBy(() -> DualControl.propose("A1", ActionKind.RELEASE_HELD_PAYMENT, "UETR-1", "{}", op("victor", Role.VIEWER), NOW, Duration.ofHours(1)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> new Operator("dora", Role.ADMINISTRATOR, hash, 0, Instant.EPOCH, true).require(Role.VIEWER))
        .hasMessageContaining("disabled");
  }

  @Test
  void aSingleOperatorCannotCompleteADualControlAction() {
    Operator sue = op("sue", Role.ADMINISTRATOR);
    DualAction a = DualControl.propose("A1", ActionKind.RELEASE_HELD_PAYMENT, "UETR-1", "{}", sue, NOW, Duration.ofHours(1));
    assertThat(DualControl.approve(a, sue, NOW.plusSeconds(1)))
        .isEqualTo(new DualControl.Refused(DualControl.Refusal.SAME_OPERATOR,
            "operator sue proposed action A1 and cannot also complete it: a second person must"));
  }

  @Test
  void secondOperatorNeedsTheRoleAndTime() {
    Operator olga = op("olga", Role.OPERATOR);
    DualAction a = DualControl.propose("A2", ActionKind.RELEASE_HELD_PAYMENT, "UETR-2", "{}", olga, NOW, Duration.ofHours(1));
    assertThat(DualControl.approve(a, op("oscar", Role.OPERATOR), NOW)).extracting("refusal").isEqualTo(DualControl.Refusal.ROLE_TOO_LOW);
    assertThat(DualControl.approve(a, op("sam", Role.SUPERVISOR), NOW.plus(Duration.ofHours(1)))).extracting("refusal").isEqualTo(DualControl.Refusal.EXPIRED);
    var done = (DualControl.Completed) DualControl.approve(a, op("sam", Role.SUPERVISOR), NOW.plusSeconds(5));
    assertThat(done.action().state()).isEqualTo(DualAction.State.COMPLETED);
    assertThat(done.action().decidedBy()).isEqualTo("sam");
    assertThat(DualControl.approve(done.action(), op("sara", Role.SUPERVISOR), NOW.plusSeconds(6))).extracting("refusal").isEqualTo(DualControl.Refusal.NOT_PENDING);
    // Adding a participant needs an administrator to complete it.
    DualAction p = DualControl.propose("A3", ActionKind.ADD_PARTICIPANT, "SABRRUMM", "{}", op("sam", Role.SUPERVISOR), NOW, Duration.ofHours(1));
    assertThat(DualControl.approve(p, op("sara", Role.SUPERVISOR), NOW)).extracting("refusal").isEqualTo(DualControl.Refusal.ROLE_TOO_LOW);
    assertThat(DualControl.approve(p, op("ada", Role.ADMINISTRATOR), NOW)).isInstanceOf(DualControl.Completed.class);
  }

  @Test
  void storeBackedLoginSessionCsrfAndDualControl(@TempDir Path tmp) throws Exception {
    String url = TestDb.create(tmp);
    OperatorService service = new OperatorService(LoginPolicy.DEFAULT);
    try (Connection c = TestDb.connect(url)) {
      OperatorStore.insert(c, op("alice", Role.OPERATOR));
      OperatorStore.insert(c, op("bob", Role.SUPERVISOR));
      c.commit();
      assertThatThrownBy(() -> service.login(c, "alice", "not the passphrase!".toCharArray(), NOW)).isInstanceOf(AccessDeniedException.class);
      c.commit();
      assertThat(OperatorStore.find(c, "alice").orElseThrow().failedAttempts()).isEqualTo(1);
      assertThatThrownBy(() -> service.login(c, "nobody", PW, NOW)).hasMessage("wrong operator name or password");
      Session.Issued s = service.login(c, "alice", PW, NOW);
      c.commit();
      assertThat(OperatorStore.find(c, "alice").orElseThrow().failedAttempts()).isZero();
      assertThat(service.authenticate(c, s.token(), NOW.plusSeconds(60)).name()).isEqualTo("alice");
      assertThatThrownBy(() -> service.authenticate(c, s.token(), NOW.plus(Duration.ofHours(8)))).hasMessageContaining("expired");
      assertThatThrownBy(() -> service.authenticate(c, s.csrfToken(), NOW)).hasMessageContaining("no such session");
      assertThatThrownBy(() -> service.authenticateChange(c, s.token(), null, NOW)).hasMessageContaining("missing CSRF");
      assertThatThrownBy(() -> service.authenticateChange(c, s.token(), s.token(), NOW)).hasMessageContaining("CSRF token does not match");
      assertThat(service.authenticateChange(c, s.token(), s.csrfToken(), NOW).name()).isEqualTo("alice");

      DualAction a = DualControl.propose("REL-1", ActionKind.RELEASE_HELD_PAYMENT, "UETR-9", "{\"reason\":\"false positive\"}",
          OperatorStore.find(c, "alice").orElseThrow(), NOW, Duration.ofHours(4));
      DualControlStore.insert(c, a);
      c.commit();
      DualAction stored = DualControlStore.find(c, "REL-1").orElseThrow();
      assertThat(stored).isEqualTo(a);
      // Even if a caller skipped DualControl.approve, the store refuses the proposer as decider.
      DualAction selfApproved = new DualAction(a.id(), a.kind(), a.subject(), a.details(), a.proposedBy(), a.proposedAt(), a.expiresAt(),
          DualAction.State.COMPLETED, "alice", NOW);
      assertThatThrownBy(() -> DualControlStore.decide(c, selfApproved)).hasMessageContaining("no longer pending");
      var done = (DualControl.Completed) DualControl.approve(stored, OperatorStore.find(c, "bob").orElseThrow(), NOW.plusSeconds(30));
      DualControlStore.decide(c, done.action());
      c.commit();
      assertThat(DualControlStore.find(c, "REL-1").orElseThrow().state()).isEqualTo(DualAction.State.COMPLETED);
      assertThatThrownBy(() -> DualControlStore.decide(c, done.action())).hasMessageContaining("no longer pending");
      service.logout(c, s.token(), NOW.plusSeconds(90));
      c.commit();
      assertThatThrownBy(() -> service.authenticate(c, s.token(), NOW.plusSeconds(91))).hasMessageContaining("no such session");
      assertThat(AuditVerifier.verify(c, Optional.empty())).isInstanceOf(AuditVerifier.Intact.class).extracting("entries").isEqualTo(3L);
    }
  }
}

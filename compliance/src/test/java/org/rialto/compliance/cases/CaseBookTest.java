package org.rialto.compliance.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.compliance.aml.AmlAction;
import org.rialto.compliance.aml.AmlHit;
import org.rialto.compliance.aml.AmlResult;
import org.rialto.compliance.aml.AmlRuleType;
import org.rialto.compliance.cases.CaseOutcome.Accepted;
import org.rialto.compliance.cases.CaseOutcome.Refusal;
import org.rialto.compliance.cases.CaseOutcome.Refused;

class CaseBookTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final List<HoldReason> REASONS = HoldReason.from(null, new AmlResult(List.of(
      new AmlHit("large-rub", AmlRuleType.AMOUNT_THRESHOLD, AmlAction.HOLD, "payment p1 of 2000000.00 RUB ..."))));

  @TempDir Path dir;

  private static CaseEvent accepted(CaseOutcome o) {
    assertThat(o).isInstanceOf(Accepted.class);
    return ((Accepted) o).event();
  }

  private static Refusal refused(CaseOutcome o) {
    assertThat(o).isInstanceOf(Refused.class);
    return ((Refused) o).refusal();
  }

  private static JournaledCaseBook bookWithOpenCase(CaseJournal journal) {
    JournaledCaseBook book = JournaledCaseBook.open(journal);
    accepted(book.submit(new CaseCommand.Open("case-1", "uetr-1", T0, REASONS)));
    return book;
  }

  @Test
  void releaseNeedsTwoDifferentOperators() {
    JournaledCaseBook book = bookWithOpenCase(new InMemoryCaseJournal());
    CaseEvent first = accepted(book.submit(new CaseCommand.Approve("case-1", "alice", T0.plusSeconds(60), "known customer, false positive")));
    assertThat(first).isInstanceOf(CaseEvent.ReleaseApproved.class);
    assertThat(book.get("case-1").orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_SECOND_APPROVAL);

    assertThat(refused(book.submit(new CaseCommand.Approve("case-1", "alice", T0.plusSeconds(90), "again"))))
        .isEqualTo(Refusal.SAME_OPERATOR);
    assertThat(book.get("case-1").orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_SECOND_APPROVAL);

    CaseEvent second = accepted(book.submit(new CaseCommand.Approve("case-1", "bob", T0.plusSeconds(120), "agree, release")));
    assertThat(second).isInstanceOfSatisfying(CaseEvent.Released.class, r -> {
      assertThat(r.operator()).isEqualTo("bob");
      assertThat(r.firstApprover()).isEqualTo("alice");
      assertThat(r.at()).isEqualTo(T0.plusSeconds(120));
      assertThat(r.comment()).isEqualTo("agree, release");
    });
    ComplianceCase c = book.get("case-1").orElseThrow();
    assertThat(c.status()).isEqualTo(CaseStatus.RELEASED);
    assertThat(c.history()).extracting(CaseEvent::sequence).containsExactly(1L, 2L, 3L);
    assertThat(refused(book.submit(new CaseCommand.Reject("case-1", "carol", T0.plusSeconds(200), RejectReason.RR04, "late"))))
        .isEqualTo(Refusal.CASE_CLOSED);
  }

  @Test
  void rejectionNeedsOneOperatorAndAReasonCode() {
    JournaledCaseBook book = bookWithOpenCase(new InMemoryCaseJournal());
    assertThat(refused(book.submit(new CaseCommand.Reject("case-1", "alice", T0.plusSeconds(10), null, "sanctioned"))))
        .isEqualTo(Refusal.INVALID_INPUT);
    CaseEvent e = accepted(book.submit(new CaseCommand.Reject("case-1", "alice", T0.plusSeconds(10), RejectReason.RR04, "UN listed")));
    assertThat(e).isInstanceOfSatisfying(CaseEvent.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.RR04));
    assertThat(book.get("case-1").orElseThrow().status()).isEqualTo(CaseStatus.REJECTED);
    assertThat(refused(book.submit(new CaseCommand.Approve("case-1", "bob", T0.plusSeconds(20), "release")))).isEqualTo(Refusal.CASE_CLOSED);
  }

  @Test
  void aFirstApprovalCanStillBeOverruledByARejection() {
    JournaledCaseBook book = bookWithOpenCase(new InMemoryCaseJournal());
    accepted(book.submit(new CaseCommand.Approve("case-1", "alice", T0.plusSeconds(1), "looks fine")));
    accepted(book.submit(new CaseCommand.Reject("case-1", "bob", T0.plusSeconds(2), RejectReason.FRAD, "documents forged")));
    assertThat(book.get("case-1").orElseThrow().status()).isEqualTo(CaseStatus.REJECTED);
  }

  @Test
  void refusesWhatIsInvalidWithoutChangingAnything() {
    JournaledCaseBook book = bookWithOpenCase(new InMemoryCaseJournal());
    assertThat(refused(book.submit(new CaseCommand.Open("case-1", "uetr-2", T0, REASONS)))).isEqualTo(Refusal.DUPLICATE_CASE);
    assertThat(refused(book.submit(new CaseCommand.Open("case-2", "uetr-2", T0, List.of())))).isEqualTo(Refusal.INVALID_INPUT);
    assertThat(refused(book.submit(new CaseCommand.Approve("nope", "alice", T0, "x")))).isEqualTo(Refusal.UNKNOWN_CASE);
    assertThat(refused(book.submit(new CaseCommand.Approve("case-1", "", T0, "x")))).isEqualTo(Refusal.INVALID_INPUT);
    assertThat(refused(book.submit(new CaseCommand.Approve("case-1", "alice", T0, " ")))).isEqualTo(Refusal.INVALID_INPUT);
    assertThat(refused(book.submit(new CaseCommand.Approve("case-1", "alice", T0.minusSeconds(1), "why"))))
        .isEqualTo(Refusal.TIME_BEFORE_CASE);
    assertThat(book.get("case-1").orElseThrow().history()).hasSize(1);
  }

  @Test
  void decisionsAreRecordedBeforeTheyTakeEffectAndReplayToTheSameBook() throws IOException {
    Path file = dir.resolve("cases.jsonl");
    JournaledCaseBook book = bookWithOpenCase(JsonLinesCaseJournal.open(file));
    accepted(book.submit(new CaseCommand.Approve("case-1", "alice", T0.plusSeconds(60), "first")));
    accepted(book.submit(new CaseCommand.Open("case-2", "uetr-2", T0.plusSeconds(70), REASONS)));
    assertThat(Files.readAllLines(file)).hasSize(3);

    JournaledCaseBook replayed = JournaledCaseBook.open(JsonLinesCaseJournal.open(file));
    assertThat(replayed.all()).isEqualTo(book.all());
    // Dual control survives a restart: alice still cannot complete her own approval.
    assertThat(refused(replayed.submit(new CaseCommand.Approve("case-1", "alice", T0.plusSeconds(80), "again"))))
        .isEqualTo(Refusal.SAME_OPERATOR);
    accepted(replayed.submit(new CaseCommand.Approve("case-1", "bob", T0.plusSeconds(90), "second")));
    assertThat(replayed.get("case-1").orElseThrow().reasons()).isEqualTo(REASONS);
  }

  @Test
  void recordsAreImmutableAndTamperingIsDetected() throws IOException {
    Path file = dir.resolve("cases.jsonl");
    JournaledCaseBook book = bookWithOpenCase(JsonLinesCaseJournal.open(file));
    accepted(book.submit(new CaseCommand.Reject("case-1", "alice", T0.plusSeconds(60), RejectReason.RR04, "UN listed")));
    ComplianceCase c = book.get("case-1").orElseThrow();
    assertThatThrownBy(() -> c.history().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.reasons().add(REASONS.get(0))).isInstanceOf(UnsupportedOperationException.class);

    String text = Files.readString(file);
    Files.writeString(file, text.replace("\"alice\"", "\"mallory\""));
    assertThatThrownBy(() -> JsonLinesCaseJournal.open(file)).hasMessageContaining("hash chain broken");
  }

  @Test
  void aBookRefusesAJournalThatBreaksTheRules() {
    CaseBook book = new CaseBook();
    book.apply(new CaseEvent.Opened(1, "c", "p", T0, REASONS));
    book.apply(new CaseEvent.ReleaseApproved(2, "c", "alice", T0, "ok"));
    assertThatThrownBy(() -> book.apply(new CaseEvent.Released(3, "c", "alice", "alice", T0, "ok")))
        .hasMessageContaining("another operator");
    assertThatThrownBy(() -> book.apply(new CaseEvent.Rejected(5, "c", "bob", T0, RejectReason.RR04, "x")))
        .hasMessageContaining("out of order");
  }

  @Test
  void holdReasonsCarryScreeningAndAmlEvidence() {
    assertThat(REASONS).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(HoldReason.Kind.AML);
      assertThat(r.source()).isEqualTo("large-rub");
      assertThat(r.evidence()).startsWith("hold: payment p1");
    });
    assertThat(RejectReason.parse("rr04")).isEqualTo(RejectReason.RR04);
    assertThatThrownBy(() -> RejectReason.parse("XX99")).hasMessageContaining("RR01..RR12");
  }
}

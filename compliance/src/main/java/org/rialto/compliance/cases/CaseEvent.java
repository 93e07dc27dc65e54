package org.rialto.compliance.cases;

import java.time.Instant;
import java.util.List;

/**
 * A decision recorded in a case book: immutable, numbered by a gap-free sequence over the whole
 * book, appended to the journal before it takes effect.
 */
public sealed interface CaseEvent
    permits CaseEvent.Opened, CaseEvent.ReleaseApproved, CaseEvent.Released, CaseEvent.Rejected {
  long sequence();

  String caseId();

  Instant at();

  /** The payment's case was opened. */
  record Opened(long sequence, String caseId, String paymentRef, Instant at, List<HoldReason> reasons) implements CaseEvent {
    public Opened {
      reasons = List.copyOf(reasons);
    }
  }

  /** First of the two approvals a release needs. */
  record ReleaseApproved(long sequence, String caseId, String operator, Instant at, String comment) implements CaseEvent {}

  /** Second approval, by another operator: the payment is released. */
  record Released(long sequence, String caseId, String operator, String firstApprover, Instant at, String comment)
      implements CaseEvent {}

  /** The payment is rejected. */
  record Rejected(long sequence, String caseId, String operator, Instant at, RejectReason reason, String comment)
      implements CaseEvent {}
}

package org.rialto.compliance.cases;

/** The answer to a command: the event to record, or why it was refused. */
public sealed interface CaseOutcome permits CaseOutcome.Accepted, CaseOutcome.Refused {
  /** The command is valid: record {@code event} (journal first, then apply). */
  record Accepted(CaseEvent event) implements CaseOutcome {}

  /** The command is refused; nothing changes. */
  record Refused(String caseId, Refusal refusal, String message) implements CaseOutcome {}

  enum Refusal {
    INVALID_INPUT,
    UNKNOWN_CASE,
    DUPLICATE_CASE,
    CASE_CLOSED,
    /** Dual control: the second approval must come from another operator. */
    SAME_OPERATOR,
    TIME_BEFORE_CASE,
    TOO_MANY_CASES
  }
}

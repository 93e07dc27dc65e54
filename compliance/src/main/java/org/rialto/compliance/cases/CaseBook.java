package org.rialto.compliance.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rialto.compliance.cases.CaseOutcome.Accepted;
import org.rialto.compliance.cases.CaseOutcome.Refusal;
import org.rialto.compliance.cases.CaseOutcome.Refused;

/**
 * The cases of held payments: a pure state machine. Commands come in with their time;
 * {@link #decide} validates a command completely and returns the event to record (or a
 * refusal) without changing anything; {@link #apply} applies a recorded event. The caller
 * persists the event between the two (see {@link JournaledCaseBook}), so nothing is decided
 * that is not durable, and a book replayed from its journal is the same book.
 *
 * <p>Rules: a release needs two approvals by two different operators (the same operator twice
 * is refused); a rejection needs one operator and an ISO 20022 reason code; a closed case
 * accepts nothing more; every decision names its operator, time and reason, and is never
 * changed.
 *
 * <p>Not thread-safe: one writer owns a book.
 */
public final class CaseBook {
  public static final int MAX_ID_CHARS = 64;
  public static final int MAX_COMMENT_CHARS = 1000;
  public static final int MAX_REASONS = 256;
  public static final int DEFAULT_MAX_CASES = 1_000_000;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");

  private final int maxCases;
  private final Map<String, State> cases = new LinkedHashMap<>();
  private long nextSequence = 1;

  public CaseBook() {
    this(DEFAULT_MAX_CASES);
  }

  public CaseBook(int maxCases) {
    if (maxCases < 1) {
      throw new IllegalArgumentException("maxCases must be positive");
    }
    this.maxCases = maxCases;
  }

  /** A book rebuilt from its recorded events, in order. */
  public static CaseBook replay(Iterable<CaseEvent> events, int maxCases) {
    CaseBook book = new CaseBook(maxCases);
    for (CaseEvent e : events) {
      book.apply(e);
    }
    return book;
  }

  private static final class State {
    final String caseId;
    final String paymentRef;
    final Instant openedAt;
    final List<HoldReason> reasons;
    final List<CaseEvent> history = new ArrayList<>();
    CaseStatus status = CaseStatus.OPEN;
    String firstApprover;

    State(CaseEvent.Opened o) {
      this.caseId = o.caseId();
      this.paymentRef = o.paymentRef();
      this.openedAt = o.at();
      this.reasons = o.reasons();
    }

    ComplianceCase view() {
      return new ComplianceCase(caseId, paymentRef, openedAt, reasons, status, firstApprover, history);
    }
  }

  /** Validates {@code command} against the current state; changes nothing. */
  public CaseOutcome decide(CaseCommand command) {
    if (command == null || !validId(command.caseId()) || command.at() == null) {
      return new Refused(command == null ? "" : String.valueOf(command.caseId()), Refusal.INVALID_INPUT,
          "a command needs a case id (1-64 letters, digits, '.', '_', ':', '@', '-') and a time");
    }
    String id = command.caseId();
    return switch (command) {
      case CaseCommand.Open o -> decideOpen(o);
      case CaseCommand.Approve a -> decideApprove(id, a);
      case CaseCommand.Reject r -> decideReject(id, r);
    };
  }

  private CaseOutcome decideOpen(CaseCommand.Open o) {
    if (cases.containsKey(o.caseId())) {
      return new Refused(o.caseId(), Refusal.DUPLICATE_CASE, "case " + o.caseId() + " already exists");
    }
    if (o.paymentRef() == null || o.paymentRef().isBlank() || o.paymentRef().length() > 128) {
      return new Refused(o.caseId(), Refusal.INVALID_INPUT, "a case needs the reference of the held payment (1-128 chars)");
    }
    if (o.reasons() == null || o.reasons().isEmpty() || o.reasons().size() > MAX_REASONS) {
      return new Refused(o.caseId(), Refusal.INVALID_INPUT,
          "a case needs 1.." + MAX_REASONS + " hold reasons (screening or AML hits with evidence)");
    }
    if (cases.size() >= maxCases) {
      return new Refused(o.caseId(), Refusal.TOO_MANY_CASES, "the case book holds its maximum of " + maxCases + " cases");
    }
    return new Accepted(new CaseEvent.Opened(nextSequence, o.caseId(), o.paymentRef(), o.at(), o.reasons()));
  }

  private CaseOutcome decideApprove(String id, CaseCommand.Approve a) {
    Refused invalid = checkDecision(id, a.operator(), a.comment(), a.at());
    if (invalid != null) {
      return invalid;
    }
    State s = cases.get(id);
    if (s.status == CaseStatus.OPEN) {
      return new Accepted(new CaseEvent.ReleaseApproved(nextSequence, id, a.operator(), a.at(), a.comment()));
    }
    if (a.operator().equals(s.firstApprover)) {
      return new Refused(id, Refusal.SAME_OPERATOR, "dual control: " + a.operator()
          + " gave the first approval; the release must be completed by a different operator");
    }
    return new Accepted(new CaseEvent.Released(nextSequence, id, a.operator(), s.firstApprover, a.at(), a.comment()));
  }

  private CaseOutcome decideReject(String id, CaseCommand.Reject r) {
    Refused invalid = checkDecision(id, r.operator(), r.comment(), r.at());
    if (invalid != null) {
      return invalid;
    }
    if (r.reason() == null) {
      return new Refused(id, Refusal.INVALID_INPUT, "a rejection needs a reason code (RR01..RR12, FRAD)");
    }
    return new Accepted(new CaseEvent.Rejected(nextSequence, id, r.operator(), r.at(), r.reason(), r.comment()));
  }

  private Refused checkDecision(String id, String operator, String comment, Instant at) {
    State s = cases.get(id);
    if (s == null) {
      return new Refused(id, Refusal.UNKNOWN_CASE, "no case " + id);
    }
    if (s.status.closed()) {
      return new Refused(id, Refusal.CASE_CLOSED, "case " + id + " is " + s.status + " and accepts no more decisions");
    }
    if (!validId(operator)) {
      return new Refused(id, Refusal.INVALID_INPUT, "a decision needs the operator's id (1-64 letters, digits, '.', '_', ':', '@', '-')");
    }
    if (comment == null || comment.isBlank() || comment.length() > MAX_COMMENT_CHARS) {
      return new Refused(id, Refusal.INVALID_INPUT, "a decision needs a reason in words (1-" + MAX_COMMENT_CHARS + " chars)");
    }
    Instant last = s.history.get(s.history.size() - 1).at();
    if (at.isBefore(last)) {
      return new Refused(id, Refusal.TIME_BEFORE_CASE, "decision time " + at + " precedes the case's last event at " + last);
    }
    return null;
  }

  /**
   * Applies a recorded event. Events must come in sequence and be valid for the current state:
   * anything else means the journal is corrupt, and this throws rather than guess.
   */
  public void apply(CaseEvent event) {
    if (event.sequence() != nextSequence) {
      throw new IllegalStateException("case event " + event.sequence() + " out of order: expected " + nextSequence);
    }
    switch (event) {
      case CaseEvent.Opened o -> {
        if (cases.containsKey(o.caseId())) {
          throw new IllegalStateException("case " + o.caseId() + " opened twice (event " + o.sequence() + ")");
        }
        State s = new State(o);
        s.history.add(o);
        cases.put(o.caseId(), s);
      }
      case CaseEvent.ReleaseApproved a -> {
        State s = openState(a);
        if (s.status != CaseStatus.OPEN) {
          throw new IllegalStateException("first approval of case " + a.caseId() + " in status " + s.status);
        }
        s.status = CaseStatus.AWAITING_SECOND_APPROVAL;
        s.firstApprover = a.operator();
        s.history.add(a);
      }
      case CaseEvent.Released r -> {
        State s = openState(r);
        if (s.status != CaseStatus.AWAITING_SECOND_APPROVAL || r.operator().equals(s.firstApprover)
            || !r.firstApprover().equals(s.firstApprover)) {
          throw new IllegalStateException("release of case " + r.caseId() + " without a first approval by another operator");
        }
        s.status = CaseStatus.RELEASED;
        s.history.add(r);
      }
      case CaseEvent.Rejected r -> {
        State s = openState(r);
        s.status = CaseStatus.REJECTED;
        s.history.add(r);
      }
    }
    nextSequence++;
  }

  private State openState(CaseEvent e) {
    State s = cases.get(e.caseId());
    if (s == null || s.status.closed()) {
      throw new IllegalStateException("event " + e.sequence() + " for " + (s == null ? "unknown" : "closed") + " case " + e.caseId());
    }
    return s;
  }

  public Optional<ComplianceCase> get(String caseId) {
    State s = cases.get(caseId);
    return s == null ? Optional.empty() : Optional.of(s.view());
  }

  /** All cases in the order they were opened. */
  public List<ComplianceCase> all() {
    return cases.values().stream().map(State::view).toList();
  }

  /** Cases waiting for a decision. */
  public List<ComplianceCase> pending() {
    return cases.values().stream().filter(s -> !s.status.closed()).map(State::view).toList();
  }

  public long nextSequence() {
    return nextSequence;
  }

  private static boolean validId(String id) {
    return id != null && id.length() <= MAX_ID_CHARS && ID.matcher(id).matches();
  }
}

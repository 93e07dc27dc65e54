package org.rialto.security.operators;

import java.time.Duration;
import java.time.Instant;

/**
 * The four-eyes rule as pure functions of the action, the operators (as they are now) and the time.
 * The caller performs the action itself only on {@link Completed}, in the same transaction that
 * stores the completed action and its audit entry.
 */
public final class DualControl {
  public static final Duration MAX_TTL = Duration.ofDays(7);

  private DualControl() {}

  /** First approval: the proposer needs the kind's proposer role. */
  public static DualAction propose(
      String id, ActionKind kind, String subject, String detailsJson, Operator proposer, Instant now, Duration ttl) {
    proposer.require(kind.proposer);
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("an action stays open for (0, " + MAX_TTL + "], got " + ttl);
    }
    return new DualAction(id, kind, subject, detailsJson, proposer.name(), now, now.plus(ttl), DualAction.State.PENDING, null, null);
  }

  public sealed interface Decision {}

  public record Completed(DualAction action) implements Decision {}

  public enum Refusal {
    SAME_OPERATOR,
    ROLE_TOO_LOW,
    OPERATOR_DISABLED,
    NOT_PENDING,
    EXPIRED
  }

  public record Refused(Refusal refusal, String message) implements Decision {}

  /** Second approval: a different operator with the kind's approver role completes the action. */
  public static Decision approve(DualAction action, Operator approver, Instant now) {
    Refused r = check(action, approver, now);
    if (r != null) {
      return r;
    }
    if (!approver.role().atLeast(action.kind().approver)) {
      return new Refused(Refusal.ROLE_TOO_LOW,
          "operator " + approver.name() + " is " + approver.role() + "; completing " + action.kind() + " needs " + action.kind().approver);
    }
    return new Completed(decide(action, approver, now, DualAction.State.COMPLETED));
  }

  /** A second operator (any role able to approve) turns the action down. */
  public static Decision reject(DualAction action, Operator approver, Instant now) {
    Refused r = check(action, approver, now);
    if (r != null) {
      return r;
    }
    if (!approver.role().atLeast(action.kind().approver)) {
      return new Refused(Refusal.ROLE_TOO_LOW, "operator " + approver.name() + " may not decide " + action.kind());
    }
    return new Completed(decide(action, approver, now, DualAction.State.REJECTED));
  }

  private static Refused check(DualAction action, Operator approver, Instant now) {
    if (action.state() != DualAction.State.PENDING) {
      return new Refused(Refusal.NOT_PENDING, "action " + action.id() + " is already " + action.state());
    }
    if (!now.isBefore(action.expiresAt())) {
      return new Refused(Refusal.EXPIRED, "action " + action.id() + " expired at " + action.expiresAt() + ": propose it again");
    }
    if (approver.disabled()) {
      return new Refused(Refusal.OPERATOR_DISABLED, "operator " + approver.name() + " is disabled");
    }
    if (approver.name().equals(action.proposedBy())) {
      return new Refused(Refusal.SAME_OPERATOR,
          "operator " + approver.name() + " proposed action " + action.id() + " and cannot also complete it: a second person must");
    }
    return null;
  }

  private static DualAction decide(DualAction a, Operator approver, Instant now, DualAction.State state) {
    return new DualAction(a.id(), a.kind(), a.subject(), a.details(), a.proposedBy(), a.proposedAt(), a.expiresAt(), state, approver.name(), now);
  }
}

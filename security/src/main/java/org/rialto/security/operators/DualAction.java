package org.rialto.security.operators;

import java.time.Instant;
import java.util.Objects;

/** A dual-control action and where it stands. {@code decidedBy}/{@code decidedAt} are null while pending. */
public record DualAction(
    String id, ActionKind kind, String subject, String details, String proposedBy, Instant proposedAt, Instant expiresAt,
    State state, String decidedBy, Instant decidedAt) {
  public static final int MAX_ID_CHARS = 64;
  public static final int MAX_SUBJECT_CHARS = 256;
  public static final int MAX_DETAILS_CHARS = 16_384;

  public enum State {
    PENDING,
    COMPLETED,
    REJECTED
  }

  public DualAction {
    if (id == null || id.isEmpty() || id.length() > MAX_ID_CHARS) {
      throw new IllegalArgumentException("action id must be 1.." + MAX_ID_CHARS + " characters");
    }
    Objects.requireNonNull(kind, "kind");
    if (subject == null || subject.isEmpty() || subject.length() > MAX_SUBJECT_CHARS) {
      throw new IllegalArgumentException("subject must be 1.." + MAX_SUBJECT_CHARS + " characters");
    }
    if (details == null || details.length() > MAX_DETAILS_CHARS || !details.strip().startsWith("{")) {
      throw new IllegalArgumentException("details must be a JSON object of at most " + MAX_DETAILS_CHARS + " characters");
    }
    Objects.requireNonNull(proposedBy, "proposedBy");
    Objects.requireNonNull(state, "state");
    if (!expiresAt.isAfter(proposedAt)) {
      throw new IllegalArgumentException("an action must expire after it is proposed");
    }
    if ((state == State.PENDING) != (decidedBy == null) || (decidedBy == null) != (decidedAt == null)) {
      throw new IllegalArgumentException("a pending action has no decider; a decided one has one");
    }
  }
}

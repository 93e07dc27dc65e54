package org.rialto.node.engine;

import java.util.List;
import java.util.UUID;

/**
 * A compliance case: a payment held by screening, waiting for operators. Decisions are final
 * and recorded with who and when; a release needs two different operators.
 *
 * @param kind where the payment resumes once released
 * @param quoteId the quote an outgoing cross-border payment named (checked again on release)
 * @param hits the screening explanations the operators decide on
 * @param firstApprover the operator who approved the release first, or null
 * @param decision RELEASED, REJECTED or CANCELLED once decided, else null
 */
public record Hold(
    UUID uetr,
    Kind kind,
    String quoteId,
    List<String> hits,
    String lists,
    long openedAtMillis,
    String firstApprover,
    long firstApprovedAtMillis,
    String decision,
    String decidedBy,
    long decidedAtMillis) {

  public enum Kind {
    DOMESTIC,
    OUTGOING,
    INCOMING
  }

  public Hold(UUID uetr, Kind kind, String quoteId, List<String> hits, String lists, long openedAtMillis,
      String firstApprover, long firstApprovedAtMillis, String decision) {
    this(uetr, kind, quoteId, List.copyOf(hits), lists, openedAtMillis, firstApprover, firstApprovedAtMillis, decision, null, 0);
  }

  Hold approvedBy(String operator, long nowMillis) {
    if (firstApprover != null || decision != null) throw new IllegalStateException("case " + uetr + " already approved or decided");
    return new Hold(uetr, kind, quoteId, hits, lists, openedAtMillis, operator, nowMillis, null, null, 0);
  }

  Hold decided(String newDecision, String operator, long nowMillis) {
    if (decision != null) throw new IllegalStateException("case " + uetr + " is already " + decision);
    return new Hold(uetr, kind, quoteId, hits, lists, openedAtMillis, firstApprover, firstApprovedAtMillis, newDecision,
        operator, nowMillis);
  }
}

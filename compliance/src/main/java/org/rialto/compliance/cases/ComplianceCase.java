package org.rialto.compliance.cases;

import java.time.Instant;
import java.util.List;

/**
 * A held payment's case as operators see it.
 *
 * @param caseId the case id
 * @param paymentRef the held payment (UETR or internal id)
 * @param openedAt when it was held
 * @param reasons why
 * @param status where it stands
 * @param firstApprover the operator who gave the first release approval, or null
 * @param history every decision, oldest first
 */
public record ComplianceCase(String caseId, String paymentRef, Instant openedAt, List<HoldReason> reasons,
    CaseStatus status, String firstApprover, List<CaseEvent> history) {
  public ComplianceCase {
    reasons = List.copyOf(reasons);
    history = List.copyOf(history);
  }
}

package org.rialto.compliance.cases;

import java.time.Instant;
import java.util.List;

/** What can be asked of a case book. Times are given by the caller. */
public sealed interface CaseCommand permits CaseCommand.Open, CaseCommand.Approve, CaseCommand.Reject {
  String caseId();

  Instant at();

  /** A payment was held: open its case. */
  record Open(String caseId, String paymentRef, Instant at, List<HoldReason> reasons) implements CaseCommand {
    public Open {
      reasons = reasons == null ? null : List.copyOf(reasons);
    }
  }

  /** An operator approves release: the first approval, or the second that releases. */
  record Approve(String caseId, String operator, Instant at, String comment) implements CaseCommand {}

  /** An operator rejects the payment with a regulatory reason code. */
  record Reject(String caseId, String operator, Instant at, RejectReason reason, String comment) implements CaseCommand {}
}

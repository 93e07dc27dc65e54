package org.rialto.compliance.cases;

/** Where a held payment's case stands. */
public enum CaseStatus {
  /** Held; no decision yet. */
  OPEN,
  /** One operator approved release; a second, different operator must complete it. */
  AWAITING_SECOND_APPROVAL,
  /** Released by two operators: the payment proceeds. Final. */
  RELEASED,
  /** Rejected with a reason code: the payment is rejected. Final. */
  REJECTED;

  public boolean closed() {
    return this == RELEASED || this == REJECTED;
  }
}

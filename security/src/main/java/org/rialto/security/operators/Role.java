package org.rialto.security.operators;

/** Operator roles, each including everything the ones before it may do. */
public enum Role {
  /** Reads payments, queues, balances, the audit trail. */
  VIEWER,
  /** Also acts on payments (proposes releasing held ones, retries, inquiries). */
  OPERATOR,
  /** Also approves dual-control actions and changes limits and credit lines. */
  SUPERVISOR,
  /** Also manages operators, participants and FX providers. */
  ADMINISTRATOR;

  public boolean atLeast(Role required) {
    return compareTo(required) >= 0;
  }
}

package org.rialto.security.operators;

/**
 * Actions that need two different people: who may propose and who may complete each. Completing
 * needs a second operator; a single administrator cannot do both halves.
 */
public enum ActionKind {
  RELEASE_HELD_PAYMENT(Role.OPERATOR, Role.SUPERVISOR),
  CHANGE_LIMIT(Role.SUPERVISOR, Role.SUPERVISOR),
  CHANGE_CREDIT_LINE(Role.SUPERVISOR, Role.SUPERVISOR),
  ADD_PARTICIPANT(Role.SUPERVISOR, Role.ADMINISTRATOR),
  ADD_FX_PROVIDER(Role.SUPERVISOR, Role.ADMINISTRATOR);

  public final Role proposer;
  public final Role approver;

  ActionKind(Role proposer, Role approver) {
    this.proposer = proposer;
    this.approver = approver;
  }
}

package org.rialto.ledger;

/**
 * The ledger found its own state inconsistent (money created or destroyed, a limit breached, a
 * reservation settled twice). An Error on purpose: the only safe reaction is to stop the node and
 * rebuild from the journal, never to keep serving from corrupt state.
 */
public final class InvariantViolationError extends AssertionError {
  public InvariantViolationError(String message) {
    super("ledger invariant violated: " + message);
  }
}

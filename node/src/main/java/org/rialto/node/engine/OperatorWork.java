package org.rialto.node.engine;

/**
 * Work on operator accounts, sessions and dual-control actions that must run on the writer: it
 * checks against committed state (the writer is the only committer, so a read on its thread sees
 * everything before this turn), claims what it decides on for the rest of the turn, applies any
 * ledger change, and only then states the rows and audit entries to write with the turn.
 *
 * <p>Order inside {@link #run}: validate and apply through {@link OperatorTurn} first (those
 * throw {@link RejectException} before changing anything), add SQL and audit entries last, so a
 * refusal leaves the turn exactly as it was.
 */
@FunctionalInterface
public interface OperatorWork<T> {
  T run(OperatorTurn turn);
}

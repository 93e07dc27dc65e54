package org.rialto.store;

/**
 * The ledger writer no longer accepts work: it was closed, or a batch could not be made durable
 * (then the in-memory ledger is ahead of the store and the node must restart to rebuild from the
 * journal). Nothing submitted after that point was applied.
 */
public final class WriterStoppedException extends IllegalStateException {
  public WriterStoppedException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.rialto.store;

/** A journal row fails its checks: the store must not be served from until an operator looks. */
public final class JournalCorruptException extends StoreException {
  private final long seq;

  public JournalCorruptException(long seq, String problem) {
    super("journal row seq " + seq + ": " + problem);
    this.seq = seq;
  }

  public JournalCorruptException(long seq, String problem, Throwable cause) {
    super("journal row seq " + seq + ": " + problem, cause);
    this.seq = seq;
  }

  /** The first row that is wrong (for a missing row: the seq that should have been there). */
  public long seq() {
    return seq;
  }
}

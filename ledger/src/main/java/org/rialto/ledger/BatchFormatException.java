package org.rialto.ledger;

/** Bytes that are not a well-formed journaled batch (corruption, truncation, a foreign format). */
public final class BatchFormatException extends IllegalArgumentException {
  private final int offset;

  public BatchFormatException(String message, int offset) {
    super(message + " (at byte " + offset + ")");
    this.offset = offset;
  }

  /** Where in the batch the problem was found. */
  public int offset() {
    return offset;
  }
}

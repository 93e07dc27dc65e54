package org.rialto.ledger;

/** Bit flags of a transfer. */
public final class TransferFlags {
  /** This event and the next succeed or fail together; the chain ends at the first event without it. */
  public static final int LINKED = 1;
  /** Reserve the amount (debitsPending / creditsPending) until posted, voided or timed out. */
  public static final int PENDING = 1 << 1;
  public static final int POST_PENDING = 1 << 2;
  public static final int VOID_PENDING = 1 << 3;

  private TransferFlags() {}
}

package org.rialto.node.rtgs;

/**
 * Settlement priority, as in T2: urgent is reserved for the central bank (monetary policy,
 * ancillary systems), high and normal for participants. A debtor's queue is served strictly in
 * this order, and FIFO within a priority.
 */
public enum Priority {
  URGENT,
  HIGH,
  NORMAL;

  /** ISO 20022 InstrPrty (HIGH / NORM) to our priority; URGENT is never taken from a message. */
  public static Priority fromIso(String instructionPriority) {
    return "HIGH".equals(instructionPriority) ? HIGH : NORMAL;
  }
}

package org.rialto.iso20022;

/** Instruction priority (Priority2Code): HIGH payments jump the normal queue. */
public enum Priority {
  HIGH,
  NORM
}

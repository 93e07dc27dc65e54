package org.rialto.iso20022;

/** Settlement priority (Priority3Code). */
public enum SettlementPriority {
  URGT,
  HIGH,
  NORM
}

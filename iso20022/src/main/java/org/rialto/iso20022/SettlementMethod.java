package org.rialto.iso20022;

/** How the group settles (SettlementMethod1Code). Rialto nodes settle with CLRG. */
public enum SettlementMethod {
  INDA,
  INGA,
  COVE,
  CLRG
}

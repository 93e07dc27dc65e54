package org.rialto.iso20022;

/** Credit or debit (CreditDebitCode). */
public enum CreditDebit {
  CRDT,
  DBIT
}

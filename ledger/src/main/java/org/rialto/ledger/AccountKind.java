package org.rialto.ledger;

/** What an account is for; the ledger treats them alike, reports and rules tell them apart. */
public enum AccountKind {
  /** A participant's settlement account in central-bank money. */
  SETTLEMENT,
  /** An FX provider's account in this node's currency (one leg of a cross-border payment). */
  FX_PROVIDER,
  /** The central bank's issuance account: the only account whose credits may exceed debits without limit in the other direction. */
  CENTRAL_BANK_ISSUANCE,
  FEES,
  /** Holds funds whose final destination is not known yet (for example a return in progress). */
  SUSPENSE
}

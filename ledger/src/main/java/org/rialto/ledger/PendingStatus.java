package org.rialto.ledger;

/** Where a transfer stands in the two-phase life of a reservation. */
public enum PendingStatus {
  /** A plain transfer, or the post or void of a pending one: it has no life of its own. */
  NOT_PENDING,
  /** Reserved; may still be posted or voided, or lapse at its expiry. */
  PENDING,
  POSTED,
  VOIDED,
  /** Its timeout elapsed before anyone posted or voided it: the reservation was released. */
  EXPIRED
}

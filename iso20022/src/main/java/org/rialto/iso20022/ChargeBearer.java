package org.rialto.iso20022;

/** Who bears the charges (ChargeBearerType1Code). */
public enum ChargeBearer {
  /** Debtor bears all charges ("OUR"). */
  DEBT,
  /** Creditor bears all charges ("BEN"). */
  CRED,
  /** Shared ("SHA"). */
  SHAR,
  /** Following the service level. */
  SLEV
}

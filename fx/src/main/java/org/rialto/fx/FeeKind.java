package org.rialto.fx;

/** The kinds of FX provider fee; each is itemised in a quote. */
public enum FeeKind {
  /** A fixed amount in source-currency minor units per payment. */
  FIXED,
  /** Basis points of the amount debited (the source amount, fees included), rounded down. */
  PERCENTAGE
}

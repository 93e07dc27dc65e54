package org.rialto.fx;

/** Why an FX provider with a rate on the corridor gave no quote. */
public enum DeclineReason {
  /** No band of the provider's rates contains the source amount. */
  OUTSIDE_BANDS,
  /** The amount does not survive the fees, or converts to less than one target minor unit. */
  AMOUNT_TOO_SMALL,
  /** An amount would exceed {@link Conversion#MAX_AMOUNT_MINOR}. */
  AMOUNT_TOO_LARGE,
  /** No open-position limit is set for the provider in one of the two currencies. */
  NO_POSITION_LIMIT,
  /** The trade would take the provider's open position beyond its limit. */
  POSITION_LIMIT
}

package org.rialto.fx;

/** Why a quote cannot be used for a payment. The node rejects the pacs.008 with the reason. */
public enum QuoteFailure {
  /** The id is not a canonical lower-case UUID. */
  MALFORMED_ID,
  /** No such quote (never issued here, or evicted after expiry). */
  UNKNOWN,
  /** {@code now} is at or past the quote's expiry. */
  EXPIRED,
  /** The quote's rate was replaced or withdrawn and the grace period after that is over. */
  RATE_REPLACED,
  /** The quote was already reserved for a payment (one quote, one payment). */
  ALREADY_USED,
  /** Another bank asked for this quote. */
  WRONG_REQUESTER,
  /** The payment's currencies are not the quote's. */
  CURRENCY_MISMATCH,
  /** The payment debits a different amount than quoted. */
  SOURCE_AMOUNT_MISMATCH,
  /** The payment credits a different amount than quoted. */
  TARGET_AMOUNT_MISMATCH,
  /** Reserving now would take the provider beyond its open-position limit. */
  POSITION_LIMIT
}

package org.rialto.fx;

import java.time.Instant;

/** The result of checking (or reserving) a quote for a payment. */
public sealed interface QuoteCheck permits QuoteCheck.Valid, QuoteCheck.Invalid {

  /**
   * The quote may be used.
   *
   * @param validUntil the quote's effective expiry: its own, or earlier when its rate was replaced
   */
  record Valid(Quote quote, Instant validUntil) implements QuoteCheck {}

  /** The quote may not be used, and precisely why. */
  record Invalid(QuoteFailure failure, String detail) implements QuoteCheck {}

  default boolean isValid() {
    return this instanceof Valid;
  }
}

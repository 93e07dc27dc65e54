package org.rialto.node.engine;

/**
 * The outcome of checking a payment against the quote it names: either the quote's firm terms,
 * or the ISO 20022 reason to reject the payment.
 */
public sealed interface QuoteCheck {
  /** The quote holds: these are the amounts both legs settle. */
  record Valid(
      String quoteId,
      String fxpBic,
      long sourceAmountMinor,
      String sourceCurrency,
      long targetAmountMinor,
      String targetCurrency,
      String rate)
      implements QuoteCheck {}

  record Invalid(String reasonCode, String why) implements QuoteCheck {}
}

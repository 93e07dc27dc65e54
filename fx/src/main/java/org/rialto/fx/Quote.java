package org.rialto.fx;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An FX provider's firm quote. The creditor receives exactly {@code targetAmountMinor}; the
 * debtor is debited exactly {@code sourceAmountMinor}, which is {@code principalMinor} plus every
 * fee in {@code fees}.
 *
 * @param quoteId canonical lower-case UUID, carried in the pacs.008 (see {@link QuoteReference})
 * @param rate the published rate (target major units per source major unit), as published
 * @param rateId the published rate it was given on
 * @param expiresAt the quote is valid while {@code now < expiresAt}; earlier when its rate is
 *     replaced (see {@link QuoteBook})
 */
public record Quote(
    String quoteId,
    String fxpBic,
    String requesterBic,
    String sourceCurrency,
    String targetCurrency,
    BigDecimal rate,
    long rateId,
    QuoteBasis basis,
    long sourceAmountMinor,
    long principalMinor,
    long targetAmountMinor,
    List<Fee> fees,
    Instant issuedAt,
    Instant expiresAt) {

  public Quote {
    QuoteReference.requireId(quoteId);
    fees = List.copyOf(fees);
    long sum = principalMinor;
    for (Fee fee : fees) {
      sum = Math.addExact(sum, fee.amountMinor());
    }
    if (sum != sourceAmountMinor) {
      throw new IllegalStateException("quote " + quoteId + ": source " + sourceAmountMinor
          + " != principal " + principalMinor + " + fees " + fees);
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalStateException("quote " + quoteId + " expires before it is issued");
    }
  }

  public long totalFeesMinor() {
    return sourceAmountMinor - principalMinor;
  }
}

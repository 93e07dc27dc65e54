package org.rialto.fx;

import java.time.Duration;

/**
 * Limits and timings of a {@link QuoteBook}.
 *
 * @param quoteValidity how long a quote is valid after it is issued (default 600 s)
 * @param replacedRateGrace how long quotes on a replaced or withdrawn rate stay valid after the
 *     replacement (default 300 s), never beyond their own expiry
 * @param expiredQuoteRetention how long an expired quote is still remembered, so that a late
 *     payment is told EXPIRED rather than UNKNOWN (default 600 s); dropped earlier when the book
 *     is full
 * @param maxQuotes quotes held at most (live, reserved and remembered); beyond it quoting fails
 *     with {@link QuoteBookFullException}
 * @param maxBandsPerProviderCorridor active rate bands one provider may have on one corridor
 * @param maxProviders FX providers registered at most
 */
public record QuoteBookConfig(
    Duration quoteValidity,
    Duration replacedRateGrace,
    Duration expiredQuoteRetention,
    int maxQuotes,
    int maxBandsPerProviderCorridor,
    int maxProviders) {

  public static final Duration DEFAULT_QUOTE_VALIDITY = Duration.ofSeconds(600);
  public static final Duration DEFAULT_REPLACED_RATE_GRACE = Duration.ofSeconds(300);

  public QuoteBookConfig {
    if (quoteValidity == null || quoteValidity.isNegative() || quoteValidity.isZero()
        || quoteValidity.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("quoteValidity " + quoteValidity + " must be in (0, 1 day]");
    }
    if (replacedRateGrace == null || replacedRateGrace.isNegative()
        || replacedRateGrace.compareTo(quoteValidity) > 0) {
      throw new IllegalArgumentException("replacedRateGrace " + replacedRateGrace
          + " must be in [0, quoteValidity]");
    }
    if (expiredQuoteRetention == null || expiredQuoteRetention.isNegative()
        || expiredQuoteRetention.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("expiredQuoteRetention " + expiredQuoteRetention
          + " must be in [0, 1 day]");
    }
    if (maxQuotes < 1 || maxQuotes > 10_000_000) {
      throw new IllegalArgumentException("maxQuotes " + maxQuotes + " must be in 1..10,000,000");
    }
    if (maxBandsPerProviderCorridor < 1 || maxBandsPerProviderCorridor > 1_000) {
      throw new IllegalArgumentException("maxBandsPerProviderCorridor "
          + maxBandsPerProviderCorridor + " must be in 1..1,000");
    }
    if (maxProviders < 1 || maxProviders > 10_000) {
      throw new IllegalArgumentException("maxProviders " + maxProviders + " must be in 1..10,000");
    }
  }

  public static QuoteBookConfig defaults() {
    return new QuoteBookConfig(DEFAULT_QUOTE_VALIDITY, DEFAULT_REPLACED_RATE_GRACE,
        DEFAULT_QUOTE_VALIDITY, 100_000, 32, 1_000);
  }
}

package org.rialto.fx;

import java.math.BigDecimal;

/**
 * A rate an FX provider publishes for one corridor (source to target currency) and one band of
 * source amounts. Publishing replaces the provider's rates on the corridor whose bands overlap
 * this one.
 *
 * @param rate target major units per one source major unit, an exact decimal with its scale
 *     stated (for example {@code 0.012345} RUB per IRR); see {@link Conversion#requireRate}
 * @param minSourceAmountMinor inclusive, at least 1
 * @param maxSourceAmountMinor inclusive, at most {@link Conversion#MAX_AMOUNT_MINOR}
 */
public record Rate(
    String fxpBic,
    String sourceCurrency,
    String targetCurrency,
    long minSourceAmountMinor,
    long maxSourceAmountMinor,
    BigDecimal rate,
    FeeSchedule fees) {

  public Rate {
    Bic.require(fxpBic, "FX provider BIC");
    Currency.requireCode(sourceCurrency, "source currency");
    Currency.requireCode(targetCurrency, "target currency");
    if (sourceCurrency.equals(targetCurrency)) {
      throw new IllegalArgumentException("a rate converts between two currencies, got "
          + sourceCurrency + " to itself");
    }
    if (minSourceAmountMinor < 1 || maxSourceAmountMinor > Conversion.MAX_AMOUNT_MINOR
        || minSourceAmountMinor > maxSourceAmountMinor) {
      throw new IllegalArgumentException("band " + minSourceAmountMinor + ".."
          + maxSourceAmountMinor + " must satisfy 1 <= min <= max <= " + Conversion.MAX_AMOUNT_MINOR);
    }
    Conversion.requireRate(rate);
    if (fees == null) {
      throw new IllegalArgumentException("fees are missing (use FeeSchedule.NONE)");
    }
  }

  boolean overlaps(Rate other) {
    return minSourceAmountMinor <= other.maxSourceAmountMinor
        && other.minSourceAmountMinor <= maxSourceAmountMinor;
  }

  boolean covers(long sourceAmountMinor) {
    return minSourceAmountMinor <= sourceAmountMinor && sourceAmountMinor <= maxSourceAmountMinor;
  }
}

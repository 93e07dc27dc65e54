package org.rialto.fx;

import java.time.Instant;
import java.util.Objects;

/**
 * A bank asks for quotes: it fixes either the amount debited (source, fees included) or the
 * amount the creditor receives (target), never both.
 *
 * @param requesterBic the bank asking; only it may use the quotes
 * @param sourceAmountMinor the amount debited, or 0 when the target is fixed
 * @param targetAmountMinor the amount received, or 0 when the source is fixed
 * @param now the node's time for this request
 */
public record QuoteRequest(
    String requesterBic,
    String sourceCurrency,
    String targetCurrency,
    long sourceAmountMinor,
    long targetAmountMinor,
    Instant now) {

  public QuoteRequest {
    Bic.require(requesterBic, "requester BIC");
    Currency.requireCode(sourceCurrency, "source currency");
    Currency.requireCode(targetCurrency, "target currency");
    if (sourceCurrency.equals(targetCurrency)) {
      throw new IllegalArgumentException("source and target currency are both " + sourceCurrency);
    }
    boolean bySource = sourceAmountMinor != 0;
    boolean byTarget = targetAmountMinor != 0;
    if (bySource == byTarget) {
      throw new IllegalArgumentException("give exactly one of the source amount and the target "
          + "amount (the other 0); got " + sourceAmountMinor + " and " + targetAmountMinor);
    }
    long amount = bySource ? sourceAmountMinor : targetAmountMinor;
    if (amount < 1 || amount > Conversion.MAX_AMOUNT_MINOR) {
      throw new IllegalArgumentException((bySource ? "source" : "target") + " amount " + amount
          + " is not in 1.." + Conversion.MAX_AMOUNT_MINOR);
    }
    Objects.requireNonNull(now, "now");
  }

  public static QuoteRequest forSourceAmount(String requesterBic, String sourceCurrency,
      String targetCurrency, long sourceAmountMinor, Instant now) {
    return new QuoteRequest(requesterBic, sourceCurrency, targetCurrency, sourceAmountMinor, 0,
        now);
  }

  public static QuoteRequest forTargetAmount(String requesterBic, String sourceCurrency,
      String targetCurrency, long targetAmountMinor, Instant now) {
    return new QuoteRequest(requesterBic, sourceCurrency, targetCurrency, 0, targetAmountMinor,
        now);
  }

  public QuoteBasis basis() {
    return sourceAmountMinor != 0 ? QuoteBasis.SOURCE_AMOUNT : QuoteBasis.TARGET_AMOUNT;
  }
}

package org.rialto.fx;

/**
 * One itemised fee of a quote, always in the source currency and included in the source amount
 * debited.
 *
 * @param basisPoints for {@link FeeKind#PERCENTAGE}, the rate applied; 0 for {@link FeeKind#FIXED}
 */
public record Fee(FeeKind kind, String currency, long amountMinor, int basisPoints) {

  public Fee {
    if (kind == null) {
      throw new IllegalArgumentException("fee kind is missing");
    }
    Currency.requireCode(currency, "fee currency");
    if (amountMinor < 0) {
      throw new IllegalArgumentException("fee amount " + amountMinor + " is negative");
    }
    if (kind == FeeKind.FIXED && basisPoints != 0) {
      throw new IllegalArgumentException("a fixed fee has no basis points");
    }
  }
}

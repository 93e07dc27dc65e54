package org.rialto.iso20022;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount with its currency, as the XML carries it ({@code <IntrBkSttlmAmt Ccy="EUR">10.00}):
 * an exact decimal at the edge. {@link #minorUnits()} converts it to the integer minor units the
 * ledger uses, with the currency's ISO 4217 exponent.
 */
public record Amount(String currency, BigDecimal value) {
  public Amount {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(value, "value");
    if (currency.length() != 3 || !isUpper(currency)) {
      throw new IllegalArgumentException("currency must be 3 upper-case letters: '" + currency + "'");
    }
    if (value.signum() < 0) throw new IllegalArgumentException("amount must not be negative: " + value);
    if (value.scale() > 5) throw new IllegalArgumentException("amount has more than 5 decimals: " + value);
    if (value.scale() < 0) value = value.setScale(0, RoundingMode.UNNECESSARY);
    if (value.precision() - value.scale() > 18
        || (value.precision() > 18 && value.stripTrailingZeros().precision() > 18)) {
      // XSD totalDigits 18: the digits left once trailing fraction zeros are dropped.
      throw new IllegalArgumentException("amount has more than 18 digits: " + value.toPlainString());
    }
  }

  private static boolean isUpper(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'A' || c > 'Z') return false;
    }
    return true;
  }

  /** {@code decimal} as written in XML, e.g. Amount.of("RUB", "1500.00"). */
  public static Amount of(String currency, String decimal) {
    return new Amount(currency, Lexical.decimal(decimal));
  }

  /** An amount of {@code minorUnits} minor units of a national currency (scale = its exponent). */
  public static Amount ofMinor(String currency, long minorUnits) {
    if (minorUnits < 0) throw new IllegalArgumentException("minor units must not be negative: " + minorUnits);
    return new Amount(currency, BigDecimal.valueOf(minorUnits, Iso4217.minorUnits(currency)));
  }

  /**
   * The amount in minor units of its currency. Throws IllegalStateException when the currency is
   * not a national ISO 4217 currency, the amount has more decimals than the currency allows, or
   * it does not fit a long: the business rules report all three (AM03, CH20, AM02) first.
   */
  public long minorUnits() {
    Iso4217.Currency c = Iso4217.lookup(currency);
    if (c == null || !c.national()) throw new IllegalStateException("not a national currency: " + currency);
    try {
      return value.movePointRight(c.minorUnits()).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalStateException(
          "amount " + value.toPlainString() + " " + currency + " is not a whole number of minor units that fits a long");
    }
  }

  /** Whether {@link #minorUnits()} would succeed. */
  public boolean hasExactMinorUnits() {
    Iso4217.Currency c = Iso4217.lookup(currency);
    if (c == null || !c.national()) return false;
    BigDecimal minor = value.movePointRight(c.minorUnits());
    return minor.signum() == 0 || (minor.stripTrailingZeros().scale() <= 0 && minor.compareTo(MAX_LONG) <= 0);
  }

  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  @Override
  public String toString() {
    return value.toPlainString() + " " + currency;
  }
}

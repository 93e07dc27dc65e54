package org.rialto.node.console;

import java.util.Map;

/**
 * Amounts as operators read them: minor units turned into the currency's major unit, with digit
 * grouping and exactly the currency's decimals (IRR 0, RUB 2). Pure integer arithmetic: an amount
 * is never a double on its way to the screen either.
 */
final class Money {
  private final Map<String, Integer> minorUnits;

  Money(Map<String, Integer> minorUnits) {
    for (var e : minorUnits.entrySet()) {
      if (e.getValue() < 0 || e.getValue() > 18) throw new IllegalArgumentException("minor units of " + e.getKey() + ": " + e.getValue());
    }
    this.minorUnits = Map.copyOf(minorUnits);
  }

  int minorUnits(String currency) {
    Integer m = minorUnits.get(currency);
    if (m == null) throw new IllegalArgumentException("no node in this network settles " + currency);
    return m;
  }

  boolean knows(String currency) {
    return minorUnits.containsKey(currency);
  }

  /** {@code 1,234,567.89} for RUB, {@code 1,234,567} for IRR; no currency code. */
  String amount(long amountMinor, String currency) {
    return format(amountMinor, minorUnits(currency));
  }

  /** {@code 1,234,567.89 RUB}. */
  String withCode(long amountMinor, String currency) {
    return amount(amountMinor, currency) + " " + currency;
  }

  static String format(long amountMinor, int scale) {
    var digits = new StringBuilder(Long.toString(amountMinor));
    boolean negative = digits.charAt(0) == '-';
    if (negative) digits.deleteCharAt(0);
    while (digits.length() <= scale) digits.insert(0, '0');
    String whole = digits.substring(0, digits.length() - scale);
    String fraction = digits.substring(digits.length() - scale);
    var out = new StringBuilder(whole.length() + whole.length() / 3 + fraction.length() + 2);
    if (negative) out.append('\u2212');
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) out.append(',');
      out.append(whole.charAt(i));
    }
    if (scale > 0) out.append('.').append(fraction);
    return out.toString();
  }

  /**
   * An operator's typed amount in major units ("1,500.25", "1500") to minor units; null when it
   * is not a valid amount for the currency, so a search with a bad amount finds nothing rather
   * than something else.
   */
  static Long parseMajor(String text, int scale) {
    String t = text.replace(",", "").replace(" ", "").trim();
    if (t.isEmpty() || t.length() > 30) return null;
    try {
      var value = new java.math.BigDecimal(t);
      if (value.signum() <= 0 || value.scale() > scale) return null;
      return value.movePointRight(scale).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }
}

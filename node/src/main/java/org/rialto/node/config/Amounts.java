package org.rialto.node.config;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimal text at the edges to minor units inside, exactly or not at all. */
public final class Amounts {
  /** Amounts stay below 10^18 minor units so any sum of two fits a long. */
  public static final long MAX_AMOUNT_MINOR = 999_999_999_999_999_999L;

  private Amounts() {}

  public static long parseMinor(String text, int minorUnits, String field) {
    if (text == null || text.isBlank() || text.length() > 40) {
      throw new ConfigLoader.ConfigException(field + ": an amount such as 1000.00");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new ConfigLoader.ConfigException(field + ": '" + text + "' is not a decimal amount");
    }
    if (value.signum() < 0) throw new ConfigLoader.ConfigException(field + ": must not be negative");
    if (value.stripTrailingZeros().scale() > minorUnits) {
      throw new ConfigLoader.ConfigException(field + ": more than " + minorUnits + " decimals");
    }
    BigDecimal minor = value.movePointRight(minorUnits).setScale(0, RoundingMode.UNNECESSARY);
    if (minor.compareTo(BigDecimal.valueOf(MAX_AMOUNT_MINOR)) > 0) {
      throw new ConfigLoader.ConfigException(field + ": too large");
    }
    return minor.longValueExact();
  }

  public static String format(long amountMinor, int minorUnits) {
    return BigDecimal.valueOf(amountMinor, minorUnits).toPlainString();
  }
}

package org.rialto.fx;

import java.util.regex.Pattern;

/**
 * A currency as this module computes with it: its ISO 4217 code and how many decimal places its
 * minor unit has. Minor units are configuration, not a lookup in ISO 4217, because practice and
 * the standard differ: ISO 4217 gives IRR 2 decimals (the dinar), but no amount in rials is
 * written with dinars, and Rialto's ledger accounts use IRR with 0. Whatever a node configures
 * here must equal the minor units of the ledger accounts in that currency.
 *
 * @param code three upper-case letters
 * @param minorUnits 0 to {@link #MAX_MINOR_UNITS} (RUB 2, IRR 0 in Rialto's configuration)
 */
public record Currency(String code, int minorUnits) {

  /** ISO 4217 has nothing above 4; 8 leaves room without letting a typo scale amounts by 10^20. */
  public static final int MAX_MINOR_UNITS = 8;

  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

  public Currency {
    requireCode(code, "currency code");
    if (minorUnits < 0 || minorUnits > MAX_MINOR_UNITS) {
      throw new IllegalArgumentException("currency " + code + ": minorUnits " + minorUnits
          + " is not in 0.." + MAX_MINOR_UNITS);
    }
  }

  static String requireCode(String code, String what) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(what + " '" + code + "' is not three upper-case letters");
    }
    return code;
  }
}

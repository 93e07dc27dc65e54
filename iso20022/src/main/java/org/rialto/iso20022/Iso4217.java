package org.rialto.iso20022;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The ISO 4217 currency table: code, minor units (the exponent between an amount and its minor
 * units) and whether the code is a national currency a payment may be made in. Precious metals,
 * the SDR, bond-market units, testing and "no currency" codes and fund codes are listed as not
 * national, so a payment in them is rejected (AM03). Withdrawn codes (HRK, CUC, SLL, ZWL) are
 * absent and therefore unknown.
 */
public final class Iso4217 {
  /** One ISO 4217 entry; {@code minorUnits} is -1 where ISO gives "N.A." (metals, SDR, units). */
  public record Currency(String code, int minorUnits, boolean national) {
    public Currency {
      if (code == null || code.length() != 3) throw new IllegalArgumentException("currency code must have 3 letters: " + code);
      if (minorUnits < -1 || minorUnits > 4) throw new IllegalArgumentException("minor units out of range: " + minorUnits);
      if (national && minorUnits < 0) throw new IllegalArgumentException("a national currency has minor units: " + code);
    }
  }

  private static final Map<String, Currency> BY_CODE = new HashMap<>(512);

  static {
    // National currencies in circulation, by minor units.
    String zero = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF";
    String three = "BHD IQD JOD KWD LYD OMR TND";
    String two = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN"
        + " BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP"
        + " GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL"
        + " MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK"
        + " PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB"
        + " TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";
    add(zero, 0, true);
    add(three, 3, true);
    add(two, 2, true);
    // Fund codes: units of account, not currencies a payment is made in.
    add("BOV CHE CHW COU MXV USN", 2, false);
    add("UYI", 0, false);
    add("CLF UYW", 4, false);
    // Metals, SDR, bond-market units, Sucre, ADB unit, testing, no currency.
    add("XAG XAU XBA XBB XBC XBD XDR XPD XPT XSU XTS XUA XXX", -1, false);
  }

  private static void add(String codes, int minorUnits, boolean national) {
    for (String code : codes.split(" ")) {
      Currency previous = BY_CODE.put(code, new Currency(code, minorUnits, national));
      if (previous != null) throw new IllegalStateException("ISO 4217 table lists " + code + " twice");
    }
  }

  private Iso4217() {}

  /** The entry for {@code code}, or null when ISO 4217 does not list it (or no longer does). */
  public static Currency lookup(String code) {
    return code == null ? null : BY_CODE.get(code);
  }

  /** True when {@code code} is a national currency in circulation. */
  public static boolean isNational(String code) {
    Currency c = lookup(code);
    return c != null && c.national();
  }

  /** Minor units of a national currency; throws for unknown and non-national codes. */
  public static int minorUnits(String code) {
    Currency c = lookup(code);
    if (c == null || !c.national()) {
      throw new IllegalArgumentException("not a national ISO 4217 currency: " + code);
    }
    return c.minorUnits();
  }

  public static Collection<Currency> all() {
    return java.util.List.copyOf(BY_CODE.values());
  }
}

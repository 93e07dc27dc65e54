package org.rialto.iso20022;

import java.util.HashSet;
import java.util.Set;

/**
 * Checks of the identifiers payments carry: BIC (ISO 9362), IBAN (ISO 13616), LEI (ISO 17442),
 * UETR (a version 4 UUID, as SWIFT gpi defines it) and country codes (ISO 3166-1 alpha-2).
 * All methods are total: any string, including null, gives true or false.
 */
public final class Identifiers {
  private static final Set<String> COUNTRIES = new HashSet<>(512);
  /** The same set as a 26 x 26 table, so BIC and IBAN checks look a country up without a substring. */
  private static final boolean[] COUNTRY_TABLE = new boolean[26 * 26];

  static {
    String codes = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ"
        + " BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO"
        + " DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU"
        + " GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW"
        + " KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU"
        + " MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW"
        + " PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF"
        + " TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA"
        + " ZM ZW"
        // Kosovo: user-assigned in ISO 3166 but used by SWIFT BICs and the EU.
        + " XK";
    for (String c : codes.split(" ")) {
      if (!COUNTRIES.add(c)) throw new IllegalStateException("country table lists " + c + " twice");
      COUNTRY_TABLE[(c.charAt(0) - 'A') * 26 + (c.charAt(1) - 'A')] = true;
    }
  }

  private Identifiers() {}

  /** ISO 3166-1 alpha-2 country code in use (plus XK). */
  public static boolean isCountryCode(String s) {
    return s != null && s.length() == 2 && isCountryAt(s, 0);
  }

  /** Whether the two characters at {@code at} are a country code in use. */
  private static boolean isCountryAt(String s, int at) {
    char a = s.charAt(at);
    char b = s.charAt(at + 1);
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return false;
    return COUNTRY_TABLE[(a - 'A') * 26 + (b - 'A')];
  }

  /**
   * ISO 9362 BIC: 4 alphanumeric party prefix, 2-letter ISO 3166 country, 2 alphanumeric suffix,
   * optional 3 alphanumeric branch; 8 or 11 characters, upper case.
   */
  public static boolean isBic(String s) {
    if (s == null || (s.length() != 8 && s.length() != 11)) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = c >= 'A' && c <= 'Z';
      boolean digit = c >= '0' && c <= '9';
      if (i == 4 || i == 5) {
        if (!letter) return false;
      } else if (!letter && !digit) {
        return false;
      }
    }
    return isCountryAt(s, 4);
  }

  /**
   * ISO 13616 IBAN: country code in use, two check digits, up to 30 alphanumeric characters, and
   * the ISO 7064 MOD 97-10 check (rearranged number mod 97 == 1).
   */
  public static boolean isIban(String s) {
    if (s == null || s.length() < 5 || s.length() > 34) return false;
    if (!isCountryAt(s, 0)) return false;
    if (!isDigit(s.charAt(2)) || !isDigit(s.charAt(3))) return false;
    int remainder = 0;
    int n = s.length();
    for (int k = 0; k < n; k++) {
      // Rearranged: BBAN first, then country code and check digits.
      char c = s.charAt((k + 4) % n);
      int value = alnumValue(c);
      if (value < 0) return false;
      remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
    }
    return remainder == 1;
  }

  /** ISO 17442 LEI: 18 alphanumeric characters, 2 check digits, MOD 97-10 == 1. */
  public static boolean isLei(String s) {
    if (s == null || s.length() != 20) return false;
    int remainder = 0;
    for (int i = 0; i < 20; i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') return false;
      int value = alnumValue(c);
      if (value < 0 || (i >= 18 && value >= 10)) return false;
      remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
    }
    return remainder == 1;
  }

  /** A UETR: a lower-case RFC 4122 version 4 UUID, e.g. eb6305c9-1f7f-49de-aed0-16487c27b42d. */
  public static boolean isUuidV4(String s) {
    if (s == null || s.length() != 36) return false;
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') return false;
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    char variant = s.charAt(19);
    return s.charAt(14) == '4' && (variant == '8' || variant == '9' || variant == 'a' || variant == 'b');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** 0-9 for digits, 10-35 for letters of either case, -1 otherwise. */
  private static int alnumValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    return -1;
  }
}

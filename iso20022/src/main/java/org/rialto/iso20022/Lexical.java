package org.rialto.iso20022;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * The XML Schema lexical forms ISO 20022 uses (xs:decimal, xs:date, xs:dateTime, xs:time,
 * xs:boolean), parsed and written by hand: java.time's formatters cost microseconds per value on
 * the hot path and print "10:00" where XML needs "10:00:00". Every parse failure is an
 * IllegalArgumentException with the offending text.
 */
final class Lexical {
  private Lexical() {}

  static boolean isXmlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Removes leading and trailing XML white space (non-string types collapse it). */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isXmlSpace(s.charAt(start))) start++;
    while (end > start && isXmlSpace(s.charAt(end - 1))) end--;
    return (start == 0 && end == s.length()) ? s : s.substring(start, end);
  }

  /**
   * The longest decimal accepted, in characters: ISO 20022 decimals have at most 18 digits, so
   * this leaves room for sign, point and leading zeros while keeping BigDecimal parsing (which
   * is quadratic in the length) out of reach of a hostile million-digit number.
   */
  static final int MAX_DECIMAL_CHARS = 64;

  /** xs:decimal: optional sign, digits, optional fraction; no exponent. */
  static BigDecimal decimal(String raw) {
    String s = trim(raw);
    int n = s.length();
    if (n > MAX_DECIMAL_CHARS) {
      throw new IllegalArgumentException("a decimal number of " + n + " characters is longer than the " + MAX_DECIMAL_CHARS + " allowed");
    }
    int i = 0;
    boolean negative = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = 0;
    boolean seenPoint = false;
    boolean fits = true;
    int significant = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (seenPoint) throw new IllegalArgumentException("not a decimal number: '" + raw + "'");
        seenPoint = true;
        continue;
      }
      if (c < '0' || c > '9') throw new IllegalArgumentException("not a decimal number: '" + raw + "'");
      digits++;
      if (seenPoint) scale++;
      if (significant > 0 || c != '0') significant++;
      if (significant > 18) {
        fits = false;
      } else {
        unscaled = unscaled * 10 + (c - '0');
      }
    }
    if (digits == 0) throw new IllegalArgumentException("not a decimal number: '" + raw + "'");
    if (!fits) {
      return new BigDecimal(s.startsWith("+") ? s.substring(1) : s);
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
  }

  static String decimal(BigDecimal value) {
    return value.toPlainString();
  }

  /** xs:boolean: true, false, 1 or 0. */
  static boolean bool(String raw) {
    String s = trim(raw);
    return switch (s) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new IllegalArgumentException("not a boolean: '" + raw + "'");
    };
  }

  /** xs:date as YYYY-MM-DD; a time zone suffix, which ISODate allows but nobody uses, is dropped. */
  static LocalDate date(String raw) {
    String s = trim(raw);
    if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      throw new IllegalArgumentException("not an ISO date (YYYY-MM-DD): '" + raw + "'");
    }
    if (s.length() > 10) zone(s, 10, raw);
    try {
      return LocalDate.of(digits(s, 0, 4, raw), digits(s, 5, 2, raw), digits(s, 8, 2, raw));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid date: '" + raw + "'");
    }
  }

  /** True when an xs:dateTime or xs:time text carries a time zone (Z or +hh:mm). */
  static boolean hasZone(String raw) {
    String s = trim(raw);
    int n = s.length();
    if (n > 0 && s.charAt(n - 1) == 'Z') return true;
    return n >= 6 && (s.charAt(n - 6) == '+' || s.charAt(n - 6) == '-') && s.charAt(n - 3) == ':';
  }

  /** xs:dateTime; without a time zone the value is taken as UTC (and reported by the rules). */
  static OffsetDateTime dateTime(String raw) {
    String s = trim(raw);
    if (s.length() < 19 || s.charAt(10) != 'T') {
      throw new IllegalArgumentException("not an ISO date-time (YYYY-MM-DDThh:mm:ss): '" + raw + "'");
    }
    LocalDate date = date(s.substring(0, 10));
    long[] time = new long[4];
    int end = time(s, 11, time, raw);
    ZoneOffset offset = end < s.length() ? zone(s, end, raw) : ZoneOffset.UTC;
    try {
      return OffsetDateTime.of(date, LocalTime.of((int) time[0], (int) time[1], (int) time[2], (int) time[3]), offset);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid date-time: '" + raw + "'");
    }
  }

  /** xs:time; without a time zone the value is taken as UTC (and reported by the rules). */
  static OffsetTime time(String raw) {
    String s = trim(raw);
    long[] time = new long[4];
    int end = time(s, 0, time, raw);
    ZoneOffset offset = end < s.length() ? zone(s, end, raw) : ZoneOffset.UTC;
    try {
      return OffsetTime.of((int) time[0], (int) time[1], (int) time[2], (int) time[3], offset);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid time: '" + raw + "'");
    }
  }

  /** Parses hh:mm:ss(.f{1,9})? at {@code at} into hour, minute, second, nano; returns the end. */
  private static int time(String s, int at, long[] out, String raw) {
    if (s.length() < at + 8 || s.charAt(at + 2) != ':' || s.charAt(at + 5) != ':') {
      throw new IllegalArgumentException("not an ISO time (hh:mm:ss): '" + raw + "'");
    }
    out[0] = digits(s, at, 2, raw);
    out[1] = digits(s, at + 3, 2, raw);
    out[2] = digits(s, at + 6, 2, raw);
    int i = at + 8;
    long nanos = 0;
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      int count = 0;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        if (count == 9) throw new IllegalArgumentException("more than 9 fraction digits: '" + raw + "'");
        nanos = nanos * 10 + (s.charAt(i) - '0');
        count++;
        i++;
      }
      if (count == 0) throw new IllegalArgumentException("empty fraction of a second: '" + raw + "'");
      for (int k = count; k < 9; k++) nanos *= 10;
    }
    out[3] = nanos;
    return i;
  }

  private static ZoneOffset zone(String s, int at, String raw) {
    int n = s.length() - at;
    if (n == 1 && s.charAt(at) == 'Z') return ZoneOffset.UTC;
    if (n == 6 && (s.charAt(at) == '+' || s.charAt(at) == '-') && s.charAt(at + 3) == ':') {
      int hours = digits(s, at + 1, 2, raw);
      int minutes = digits(s, at + 4, 2, raw);
      if (hours > 14 || minutes > 59 || (hours == 14 && minutes != 0)) {
        throw new IllegalArgumentException("time zone out of range: '" + raw + "'");
      }
      int sign = s.charAt(at) == '-' ? -1 : 1;
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
    throw new IllegalArgumentException("not a time zone (Z or +hh:mm): '" + raw + "'");
  }

  private static int digits(String s, int at, int count, String raw) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') throw new IllegalArgumentException("not a number in '" + raw + "'");
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static void date(StringBuilder out, LocalDate d) {
    int year = d.getYear();
    if (year < 1 || year > 9999) throw new IllegalArgumentException("year out of range 1..9999: " + d);
    pad(out, year, 4).append('-');
    pad(out, d.getMonthValue(), 2).append('-');
    pad(out, d.getDayOfMonth(), 2);
  }

  static void dateTime(StringBuilder out, OffsetDateTime t) {
    date(out, t.toLocalDate());
    out.append('T');
    time(out, t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    zone(out, t.getOffset());
  }

  static void time(StringBuilder out, OffsetTime t) {
    time(out, t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    zone(out, t.getOffset());
  }

  private static void time(StringBuilder out, int h, int m, int sec, int nano) {
    pad(out, h, 2).append(':');
    pad(out, m, 2).append(':');
    pad(out, sec, 2);
    if (nano != 0) {
      int digits = 9;
      int n = nano;
      while (n % 10 == 0) {
        n /= 10;
        digits--;
      }
      out.append('.');
      pad(out, n, digits);
    }
  }

  private static void zone(StringBuilder out, ZoneOffset offset) {
    int total = offset.getTotalSeconds();
    if (total == 0) {
      out.append('Z');
      return;
    }
    if (total % 60 != 0) throw new IllegalArgumentException("XML cannot express offset " + offset);
    int minutes = Math.abs(total) / 60;
    out.append(total < 0 ? '-' : '+');
    pad(out, minutes / 60, 2).append(':');
    pad(out, minutes % 60, 2);
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    int limit = 1;
    for (int i = 1; i < width; i++) limit *= 10;
    while (limit > 1 && value < limit) {
      out.append('0');
      limit /= 10;
    }
    return out.append(value);
  }
}

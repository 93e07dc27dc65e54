package org.rialto.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Conversions between Gregorian dates and the Solar Hijri calendar, the official calendar of
 * Iran. ICU does the arithmetic; month names and digits are ours so that output does not change
 * with ICU's locale data.
 *
 * <p>ICU computes Solar Hijri years arithmetically (a 33-year leap cycle). The official Iranian
 * calendar is astronomical (the year starts on the day of the March equinox, or the next day when
 * the equinox falls after noon in Tehran). The two agree on the years around now, which the tests
 * pin (Nowruz 1403 to 1407); they can part by a day in some distant years, so dates far ahead
 * deserve a check against the official calendar.
 */
public final class SolarHijri {

  /** Supported Gregorian years: bounds every input; far wider than any payment's dates. */
  public static final int MIN_GREGORIAN_YEAR = 1700;

  public static final int MAX_GREGORIAN_YEAR = 2300;

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private static final String[] MONTHS_LATIN = {
    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
    "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"
  };

  private static final String[] MONTHS_PERSIAN = {
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"
  };

  /**
   * Never handed out or mutated: each call works on a clone, because ICU calendars are mutable
   * and not thread-safe, and building one from a locale is slow.
   */
  private static final Calendar PROTOTYPE = persianCalendar();

  private SolarHijri() {}

  private static Calendar persianCalendar() {
    // GMT so that a date maps to one day with no zone offset in between.
    Calendar calendar = Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale("en@calendar=persian"));
    if (!"persian".equals(calendar.getType())) {
      throw new IllegalStateException("ICU returned a '" + calendar.getType()
          + "' calendar for calendar=persian; check the icu4j version");
    }
    calendar.setLenient(false);
    return calendar;
  }

  /** The Solar Hijri date of {@code date}. */
  public static SolarHijriDate of(LocalDate date) {
    Objects.requireNonNull(date, "date");
    requireGregorianYear(date.getYear());
    Calendar calendar = (Calendar) PROTOTYPE.clone();
    calendar.setTimeInMillis(date.toEpochDay() * MILLIS_PER_DAY);
    SolarHijriDate result = new SolarHijriDate(
        calendar.get(Calendar.EXTENDED_YEAR),
        calendar.get(Calendar.MONTH) + 1,
        calendar.get(Calendar.DAY_OF_MONTH));
    return result;
  }

  /**
   * The Gregorian date of a Solar Hijri date.
   *
   * @throws IllegalArgumentException when the date does not exist (for example 30 Esfand of a
   *     common year) or is out of range
   */
  public static LocalDate toGregorian(int year, int month, int day) {
    SolarHijriDate wanted = new SolarHijriDate(year, month, day);
    if (day > monthLength(year, month)) {
      throw new IllegalArgumentException("Solar Hijri " + wanted + " does not exist: "
          + monthNameLatin(month) + " " + year + " has " + monthLength(year, month) + " days");
    }
    Calendar calendar = (Calendar) PROTOTYPE.clone();
    calendar.clear();
    calendar.set(Calendar.EXTENDED_YEAR, year);
    calendar.set(Calendar.MONTH, month - 1);
    calendar.set(Calendar.DAY_OF_MONTH, day);
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(calendar.getTimeInMillis(), MILLIS_PER_DAY));
    requireGregorianYear(date.getYear());
    // The round trip is the proof that ICU read the fields as meant (no lenient roll-over).
    SolarHijriDate back = of(date);
    if (!back.equals(wanted)) {
      throw new IllegalStateException("Solar Hijri conversion does not round-trip: " + wanted
          + " -> " + date + " -> " + back);
    }
    return date;
  }

  /** Days in {@code month} of Solar Hijri {@code year}: 31, 30, or 29/30 for Esfand. */
  public static int monthLength(int year, int month) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("Solar Hijri month " + month + " is not in 1..12");
    }
    if (month <= 6) {
      return 31;
    }
    if (month <= 11) {
      return 30;
    }
    return isLeapYear(year) ? 30 : 29;
  }

  /** Whether Solar Hijri {@code year} has 366 days (30 Esfand). */
  public static boolean isLeapYear(int year) {
    LocalDate nowruz = nowruz(year);
    LocalDate nextNowruz = nowruz(year + 1);
    long days = nextNowruz.toEpochDay() - nowruz.toEpochDay();
    if (days != 365 && days != 366) {
      throw new IllegalStateException("Solar Hijri year " + year + " has " + days + " days");
    }
    return days == 366;
  }

  /** 1 Farvardin of Solar Hijri {@code year}, in the Gregorian calendar. */
  public static LocalDate nowruz(int year) {
    Calendar calendar = (Calendar) PROTOTYPE.clone();
    calendar.clear();
    calendar.set(Calendar.EXTENDED_YEAR, year);
    calendar.set(Calendar.MONTH, 0);
    calendar.set(Calendar.DAY_OF_MONTH, 1);
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(calendar.getTimeInMillis(), MILLIS_PER_DAY));
    requireGregorianYear(date.getYear());
    return date;
  }

  /** Numeric form, {@code 1405-09-02}. */
  public static String format(LocalDate date) {
    return of(date).toString();
  }

  /** Long form in Latin script, {@code 2 Azar 1405}. */
  public static String formatLong(LocalDate date) {
    SolarHijriDate shDate = of(date);
    return shDate.day() + " " + monthNameLatin(shDate.month()) + " " + shDate.year();
  }

  /** Long form in Persian script with Persian digits, {@code ۲ آذر ۱۴۰۵}. */
  public static String formatLongPersian(LocalDate date) {
    SolarHijriDate shDate = of(date);
    return persianDigits(shDate.day()) + " " + monthNamePersian(shDate.month()) + " "
        + persianDigits(shDate.year());
  }

  static String monthNameLatin(int month) {
    return MONTHS_LATIN[month - 1];
  }

  static String monthNamePersian(int month) {
    return MONTHS_PERSIAN[month - 1];
  }

  private static String persianDigits(int value) {
    String ascii = Integer.toString(value);
    StringBuilder out = new StringBuilder(ascii.length());
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      out.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + (c - '0')) : c);
    }
    return out.toString();
  }

  private static void requireGregorianYear(int year) {
    if (year < MIN_GREGORIAN_YEAR || year > MAX_GREGORIAN_YEAR) {
      throw new IllegalArgumentException("year " + year + " is outside the supported range "
          + MIN_GREGORIAN_YEAR + ".." + MAX_GREGORIAN_YEAR);
    }
  }
}

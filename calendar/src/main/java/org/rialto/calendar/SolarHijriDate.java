package org.rialto.calendar;

/**
 * A date in the Solar Hijri (Iranian) calendar.
 *
 * @param year Solar Hijri year, for example 1405
 * @param month 1 (Farvardin) to 12 (Esfand)
 * @param day 1 to 31
 */
public record SolarHijriDate(int year, int month, int day) {

  public SolarHijriDate {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("Solar Hijri month " + month + " is not in 1..12");
    }
    if (day < 1 || day > 31) {
      throw new IllegalArgumentException("Solar Hijri day " + day + " is not in 1..31");
    }
  }

  /** The month's name in Latin script, for example {@code Azar}. */
  public String monthNameLatin() {
    return SolarHijri.monthNameLatin(month);
  }

  /** The month's name in Persian script, for example {@code آذر}. */
  public String monthNamePersian() {
    return SolarHijri.monthNamePersian(month);
  }

  /** ISO-like numeric form, {@code 1405-09-02}. */
  @Override
  public String toString() {
    return String.format("%04d-%02d-%02d", year, month, day);
  }
}

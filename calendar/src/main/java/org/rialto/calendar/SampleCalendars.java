package org.rialto.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sample calendars for the first corridor (RUB, IRR) with holiday data for 2026 and 2027. A
 * production node loads each year's official list into {@link CalendarConfig#holidays()}; these
 * exist for the demo, the tests and as a worked example of the data shape. Opening and cut-off
 * times are sample values, not the central banks' published operating hours.
 */
public final class SampleCalendars {

  /** Years for which this class has holiday data. */
  public static final List<Integer> YEARS = List.of(2026, 2027);

  private SampleCalendars() {}

  /** Russia: Europe/Moscow, Saturday and Sunday off, the federal holidays of 2026 and 2027. */
  public static CalendarConfig russia() {
    return new CalendarConfig(
        "Europe/Moscow",
        List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        LocalTime.of(7, 0),
        LocalTime.of(21, 0),
        Map.of("customer", LocalTime.of(19, 0)),
        false,
        datesOf(YEARS, SampleCalendars::russiaHolidays),
        List.of(),
        false);
  }

  /**
   * Iran: Asia/Tehran, Friday off (operators add Thursday or Saturday where that applies), the
   * official holidays of 2026 and 2027, dates also shown in the Solar Hijri calendar.
   */
  public static CalendarConfig iran() {
    return new CalendarConfig(
        "Asia/Tehran",
        List.of(DayOfWeek.FRIDAY),
        LocalTime.of(8, 0),
        LocalTime.of(16, 0),
        Map.of("customer", LocalTime.of(14, 0)),
        false,
        datesOf(YEARS, SampleCalendars::iranHolidays),
        List.of(),
        true);
  }

  /**
   * Russian non-working holidays of {@code year} (Labour Code art. 112) plus the days off the
   * government moves onto working days, in date order. Holidays falling on a weekend are listed
   * too: harmless for settlement, and the production calendar lists them.
   *
   * @throws IllegalArgumentException for a year without data
   */
  public static List<Holiday> russiaHolidays(int year) {
    List<Holiday> days = new ArrayList<>();
    switch (year) {
      case 2026 -> {
        // Government decree No. 1466 of 24 September 2025 (official production calendar 2026:
        // 247 working days on a five-day week): 3 January moves to 9 January, 4 January to
        // 31 December; 8 March (Sunday) and 9 May (Saturday) move to the next Monday by law.
        newYearHolidays(days, 2026);
        days.add(h(2026, 1, 9, "Day off transferred from Saturday 3 January"));
        days.add(h(2026, 2, 23, "Defender of the Fatherland Day"));
        days.add(h(2026, 3, 8, "International Women's Day"));
        days.add(h(2026, 3, 9, "Day off transferred from Sunday 8 March"));
        days.add(h(2026, 5, 1, "Spring and Labour Day"));
        days.add(h(2026, 5, 9, "Victory Day"));
        days.add(h(2026, 5, 11, "Day off transferred from Saturday 9 May"));
        days.add(h(2026, 6, 12, "Russia Day"));
        days.add(h(2026, 11, 4, "Unity Day"));
        days.add(h(2026, 12, 31, "Day off transferred from Sunday 4 January"));
      }
      case 2027 -> {
        // PROVISIONAL. The decree on 2027 transfers was not published when this was written.
        // Listed: the statutory holidays and the automatic moves of Labour Code art. 112 (a
        // holiday on a weekend moves to the next working day, except 1-8 January, whose weekend
        // days the government places by decree). Replace with the official production calendar.
        newYearHolidays(days, 2027);
        days.add(h(2027, 2, 23, "Defender of the Fatherland Day"));
        days.add(h(2027, 3, 8, "International Women's Day"));
        days.add(h(2027, 5, 1, "Spring and Labour Day"));
        days.add(h(2027, 5, 3, "Day off transferred from Saturday 1 May"));
        days.add(h(2027, 5, 9, "Victory Day"));
        days.add(h(2027, 5, 10, "Day off transferred from Sunday 9 May"));
        days.add(h(2027, 6, 12, "Russia Day"));
        days.add(h(2027, 6, 14, "Day off transferred from Saturday 12 June"));
        days.add(h(2027, 11, 4, "Unity Day"));
      }
      default -> throw noData("RU", year);
    }
    return sorted(days);
  }

  private static void newYearHolidays(List<Holiday> days, int year) {
    for (int day = 1; day <= 6; day++) {
      days.add(h(year, 1, day, "New Year holidays"));
    }
    days.add(h(year, 1, 7, "Orthodox Christmas"));
    days.add(h(year, 1, 8, "New Year holidays"));
  }

  /**
   * Iranian official holidays falling in Gregorian {@code year}: the fixed Solar Hijri ones
   * (computed) and the lunar Hijri ones (data), merged by date and in date order.
   *
   * @throws IllegalArgumentException for a year without lunar data
   */
  public static List<Holiday> iranHolidays(int year) {
    List<Holiday> days = new ArrayList<>(iranSolarHijriHolidays(year));
    days.addAll(iranLunarHolidays(year));
    return sorted(days);
  }

  /** The fixed-date Solar Hijri holidays of Iran falling in Gregorian {@code year} (any year). */
  public static List<Holiday> iranSolarHijriHolidays(int year) {
    // A Gregorian year overlaps two Solar Hijri years: the end of (year - 622) and the start of
    // (year - 621).
    List<Holiday> days = new ArrayList<>();
    for (int shYear = year - 622; shYear <= year - 621; shYear++) {
      addIfIn(days, year, shYear, 1, 1, "Nowruz (Persian New Year)");
      addIfIn(days, year, shYear, 1, 2, "Nowruz");
      addIfIn(days, year, shYear, 1, 3, "Nowruz");
      addIfIn(days, year, shYear, 1, 4, "Nowruz");
      addIfIn(days, year, shYear, 1, 12, "Islamic Republic Day");
      addIfIn(days, year, shYear, 1, 13, "Sizdah Bedar (Nature Day)");
      addIfIn(days, year, shYear, 3, 14, "Death of Imam Khomeini");
      addIfIn(days, year, shYear, 3, 15, "Uprising of 15 Khordad");
      addIfIn(days, year, shYear, 11, 22, "Victory of the Islamic Revolution");
      addIfIn(days, year, shYear, 12, 29, "Nationalisation of the oil industry");
    }
    return sorted(days);
  }

  private static void addIfIn(List<Holiday> days, int year, int shYear, int month, int day,
      String name) {
    LocalDate date = SolarHijri.toGregorian(shYear, month, day);
    if (date.getYear() == year) {
      days.add(new Holiday(date, name));
    }
  }

  /**
   * Lunar Hijri holidays as data. Their dates follow moon sighting: the official calendar
   * (approved by the Council for Public Culture from the University of Tehran Institute of
   * Geophysics' tables) fixes them each year, and a date can still move by a day during the year
   * when a month starts late. Load each year's official list; these are samples. Entries marked
   * "official" match the published 1405 calendar; "estimate" ones come from the Umm al-Qura
   * tabulation, which the Iranian calendar often leads or trails by one day.
   */
  private static List<Holiday> iranLunarHolidays(int year) {
    return switch (year) {
      case 2026 -> List.of(
          h(2026, 1, 3, "Birth of Imam Ali (13 Rajab)"), // estimate (reported as 13 Dey 1404)
          h(2026, 1, 17, "Mab'ath (27 Rajab)"), // estimate
          h(2026, 2, 4, "Birth of Imam Mahdi (15 Sha'ban)"), // estimate
          // official: the 1405 calendar states 29 Esfand 1404 = 30 Ramadan 1447.
          h(2026, 3, 11, "Martyrdom of Imam Ali (21 Ramadan)"),
          h(2026, 3, 21, "Eid al-Fitr (1 Shawwal)"), // official
          h(2026, 3, 22, "Eid al-Fitr holiday (2 Shawwal)"), // official
          // 25 Shawwal 1447 is absent: the published 1405 calendar has no holiday in Farvardin
          // after the 13th and none in Ordibehesht.
          h(2026, 5, 27, "Eid al-Adha (10 Dhu al-Hijjah)"), // official
          h(2026, 6, 4, "Eid al-Ghadir (18 Dhu al-Hijjah)"), // official
          h(2026, 6, 24, "Tasua (9 Muharram)"), // official
          h(2026, 6, 25, "Ashura (10 Muharram)"), // official
          h(2026, 8, 3, "Arbaeen (20 Safar)"), // estimate
          h(2026, 8, 11, "Death of the Prophet and martyrdom of Imam Hasan (28 Safar)"), // estimate
          h(2026, 8, 13, "Martyrdom of Imam Reza (end of Safar)"), // estimate
          h(2026, 8, 21, "Martyrdom of Imam Hasan Askari (8 Rabi al-Awwal)"), // estimate
          h(2026, 8, 30, "Birth of the Prophet and Imam Sadiq (17 Rabi al-Awwal)"), // estimate
          h(2026, 11, 13, "Martyrdom of Fatimah (3 Jumada al-Thani)"), // estimate
          h(2026, 12, 22, "Birth of Imam Ali (13 Rajab)")); // estimate
      case 2027 -> List.of(
          h(2027, 1, 5, "Mab'ath (27 Rajab)"), // estimate
          h(2027, 1, 23, "Birth of Imam Mahdi (15 Sha'ban)"), // estimate
          h(2027, 2, 28, "Martyrdom of Imam Ali (21 Ramadan)"), // estimate
          h(2027, 3, 9, "Eid al-Fitr (1 Shawwal)"), // estimate
          h(2027, 3, 10, "Eid al-Fitr holiday (2 Shawwal)"), // estimate
          h(2027, 4, 2, "Martyrdom of Imam Sadiq (25 Shawwal)"), // estimate
          h(2027, 5, 16, "Eid al-Adha (10 Dhu al-Hijjah)"), // estimate
          h(2027, 5, 24, "Eid al-Ghadir (18 Dhu al-Hijjah)"), // estimate
          h(2027, 6, 14, "Tasua (9 Muharram)"), // estimate
          h(2027, 6, 15, "Ashura (10 Muharram)"), // estimate
          h(2027, 7, 24, "Arbaeen (20 Safar)"), // estimate
          h(2027, 8, 1, "Death of the Prophet and martyrdom of Imam Hasan (28 Safar)"), // estimate
          h(2027, 8, 2, "Martyrdom of Imam Reza (end of Safar)"), // estimate
          h(2027, 8, 10, "Martyrdom of Imam Hasan Askari (8 Rabi al-Awwal)"), // estimate
          h(2027, 8, 19, "Birth of the Prophet and Imam Sadiq (17 Rabi al-Awwal)"), // estimate
          h(2027, 11, 2, "Martyrdom of Fatimah (3 Jumada al-Thani)"), // estimate
          h(2027, 12, 11, "Birth of Imam Ali (13 Rajab)"), // estimate
          h(2027, 12, 25, "Mab'ath (27 Rajab)")); // estimate
      default -> throw noData("IR", year);
    };
  }

  private static IllegalArgumentException noData(String country, int year) {
    return new IllegalArgumentException("no sample holiday data for " + country + " " + year
        + " (have " + YEARS + "); load the official calendar for that year");
  }

  private static Holiday h(int year, int month, int day, String name) {
    return new Holiday(LocalDate.of(year, month, day), name);
  }

  /** Date order, one entry per date: occasions sharing a date are named together. */
  private static List<Holiday> sorted(List<Holiday> days) {
    TreeMap<LocalDate, String> byDate = new TreeMap<>();
    for (Holiday day : days) {
      byDate.merge(day.date(), day.name(), (a, b) -> a + "; " + b);
    }
    List<Holiday> out = new ArrayList<>(byDate.size());
    byDate.forEach((date, name) -> out.add(new Holiday(date, name)));
    return List.copyOf(out);
  }

  private static List<LocalDate> datesOf(
      List<Integer> years, java.util.function.IntFunction<List<Holiday>> source) {
    List<LocalDate> dates = new ArrayList<>();
    for (int year : years) {
      for (Holiday day : source.apply(year)) {
        dates.add(day.date());
      }
    }
    return List.copyOf(dates);
  }
}

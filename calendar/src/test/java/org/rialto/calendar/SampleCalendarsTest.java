package org.rialto.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SampleCalendarsTest {

  private static int businessDays(BusinessCalendar cal, int year) {
    int count = 0;
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      if (cal.isBusinessDay(d)) {
        count++;
      }
    }
    return count;
  }

  @Test
  void russia2026MatchesTheOfficialProductionCalendar() {
    BusinessCalendar cal = BusinessCalendar.of(SampleCalendars.russia());
    // The official 2026 production calendar: 247 working days on a five-day week.
    assertThat(businessDays(cal, 2026)).isEqualTo(247);
    // New Year holidays run 1-11 January with the 3 January day off moved to Friday 9 January.
    for (int day = 1; day <= 11; day++) {
      assertThat(cal.isBusinessDay(LocalDate.of(2026, 1, day))).as("January %d", day).isFalse();
    }
    assertThat(cal.nextBusinessDay(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 12));
    assertThat(cal.isBusinessDay(LocalDate.of(2026, 3, 9))).isFalse();
    assertThat(cal.isBusinessDay(LocalDate.of(2026, 5, 11))).isFalse();
    assertThat(cal.isBusinessDay(LocalDate.of(2026, 12, 31))).isFalse();
    assertThat(cal.isBusinessDay(LocalDate.of(2026, 12, 30))).isTrue();
  }

  @Test
  void russia2027AppliesTheLabourCodeMoves() {
    BusinessCalendar cal = BusinessCalendar.of(SampleCalendars.russia());
    assertThat(cal.isBusinessDay(LocalDate.of(2027, 5, 3))).isFalse();
    assertThat(cal.isBusinessDay(LocalDate.of(2027, 5, 10))).isFalse();
    assertThat(cal.isBusinessDay(LocalDate.of(2027, 6, 14))).isFalse();
    assertThat(cal.isBusinessDay(LocalDate.of(2027, 1, 11))).isTrue();
  }

  @Test
  void iran1405HasThePublishedTwentyFiveHolidaysByMonth() {
    LocalDate first = SolarHijri.nowruz(1405);
    LocalDate last = SolarHijri.nowruz(1406).minusDays(1);
    Map<Integer, Integer> perMonth = new TreeMap<>();
    for (int year = 2026; year <= 2027; year++) {
      for (Holiday h : SampleCalendars.iranHolidays(year)) {
        if (!h.date().isBefore(first) && !h.date().isAfter(last)) {
          perMonth.merge(SolarHijri.of(h.date()).month(), 1, Integer::sum);
        }
      }
    }
    // The official 1405 calendar: 25 holidays; Farvardin 6, Mordad 4, Esfand 4; none in
    // Ordibehesht, Mehr, Azar.
    assertThat(perMonth.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(25);
    assertThat(perMonth).containsEntry(1, 6).containsEntry(5, 4).containsEntry(12, 4)
        .doesNotContainKeys(2, 7, 9);
  }

  @Test
  void iranFixedSolarHolidaysAndTheirNames() {
    List<Holiday> days = SampleCalendars.iranHolidays(2026);
    assertThat(days).contains(
        new Holiday(LocalDate.of(2026, 2, 11), "Victory of the Islamic Revolution"),
        new Holiday(LocalDate.of(2026, 4, 1), "Islamic Republic Day"),
        new Holiday(LocalDate.of(2026, 4, 2), "Sizdah Bedar (Nature Day)"),
        new Holiday(LocalDate.of(2026, 3, 21), "Nowruz (Persian New Year); Eid al-Fitr (1 Shawwal)"),
        new Holiday(LocalDate.of(2026, 6, 4), "Death of Imam Khomeini; Eid al-Ghadir (18 Dhu al-Hijjah)"));
    assertThat(SampleCalendars.iranSolarHijriHolidays(2027)).extracting(Holiday::date).contains(
        LocalDate.of(2027, 2, 11), LocalDate.of(2027, 3, 20), LocalDate.of(2027, 3, 21),
        LocalDate.of(2027, 3, 24), LocalDate.of(2027, 6, 4), LocalDate.of(2027, 6, 5));
    BusinessCalendar cal = BusinessCalendar.of(SampleCalendars.iran());
    // Nowruz 1405 and the Friday before it: the first value date after 19 March 2026 close.
    assertThat(cal.nextBusinessDay(LocalDate.of(2026, 3, 19))).isEqualTo(LocalDate.of(2026, 3, 25));
  }

  private static final Pattern LUNAR = Pattern.compile(
      "\\((\\d{1,2}) (Muharram|Safar|Rabi al-Awwal|Jumada al-Thani|Rajab|Sha'ban|Ramadan|Shawwal"
          + "|Dhu al-Hijjah)\\)|\\((end of Safar)\\)");
  private static final List<String> MONTHS = List.of("Muharram", "Safar", "Rabi al-Awwal",
      "Rabi al-Thani", "Jumada al-Awwal", "Jumada al-Thani", "Rajab", "Sha'ban", "Ramadan",
      "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah");

  @Test
  void lunarDataIsWithinOneDayOfTheTabularDate() {
    // Guards the hand-entered data against typos: the official Iranian date of a lunar holiday
    // is within a day of the Umm al-Qura date for the same Hijri day.
    int checked = 0;
    for (int year : SampleCalendars.YEARS) {
      for (Holiday h : SampleCalendars.iranHolidays(year)) {
        Matcher m = LUNAR.matcher(h.name());
        while (m.find()) {
          int month = m.group(3) != null ? 2 : MONTHS.indexOf(m.group(2)) + 1;
          int day = m.group(3) != null ? 29 : Integer.parseInt(m.group(1));
          long best = Long.MAX_VALUE;
          for (int hijriYear = 1447; hijriYear <= 1449; hijriYear++) {
            best = Math.min(best, Math.abs(ChronoUnit.DAYS.between(h.date(),
                umAlQura(hijriYear, month, day))));
          }
          assertThat(best).as(h.toString()).isLessThanOrEqualTo(m.group(3) != null ? 2 : 1);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(17 + 18);
  }

  private static LocalDate umAlQura(int year, int month, int day) {
    IslamicCalendar c = new IslamicCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
    c.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
    c.clear();
    c.set(year, month - 1, day);
    return LocalDate.ofEpochDay(Math.floorDiv(c.getTimeInMillis(), 86_400_000L));
  }

  @Test
  void sampleConfigsLoadAndCoverTheirYears() {
    for (CalendarConfig config : List.of(SampleCalendars.russia(), SampleCalendars.iran())) {
      BusinessCalendar cal = BusinessCalendar.of(config);
      assertThat(cal.coversYear(2026)).isTrue();
      assertThat(cal.coversYear(2027)).isTrue();
      assertThat(config.holidays()).doesNotHaveDuplicates().isSorted();
    }
    assertThatThrownBy(() -> SampleCalendars.iranHolidays(2028))
        .hasMessageContaining("no sample holiday data for IR 2028");
    assertThatThrownBy(() -> SampleCalendars.russiaHolidays(2025))
        .hasMessageContaining("no sample holiday data for RU 2025");
    assertThat(Calendar.getInstance(new ULocale("en@calendar=persian")).getType()).isEqualTo("persian");
  }
}

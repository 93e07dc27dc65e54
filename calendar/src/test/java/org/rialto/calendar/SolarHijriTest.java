package org.rialto.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SolarHijriTest {

  @Test
  void knownDates() {
    // Nowruz of recent years (official calendar), Revolution Day and the founding referendum.
    assertThat(SolarHijri.of(LocalDate.of(2024, 3, 20))).isEqualTo(new SolarHijriDate(1403, 1, 1));
    assertThat(SolarHijri.of(LocalDate.of(2025, 3, 21))).isEqualTo(new SolarHijriDate(1404, 1, 1));
    assertThat(SolarHijri.of(LocalDate.of(2026, 3, 21))).isEqualTo(new SolarHijriDate(1405, 1, 1));
    assertThat(SolarHijri.of(LocalDate.of(2027, 3, 21))).isEqualTo(new SolarHijriDate(1406, 1, 1));
    assertThat(SolarHijri.of(LocalDate.of(2028, 3, 20))).isEqualTo(new SolarHijriDate(1407, 1, 1));
    assertThat(SolarHijri.of(LocalDate.of(2025, 3, 20))).isEqualTo(new SolarHijriDate(1403, 12, 30));
    assertThat(SolarHijri.of(LocalDate.of(2026, 3, 20))).isEqualTo(new SolarHijriDate(1404, 12, 29));
    assertThat(SolarHijri.of(LocalDate.of(1979, 2, 11))).isEqualTo(new SolarHijriDate(1357, 11, 22));
    assertThat(SolarHijri.of(LocalDate.of(1979, 4, 1))).isEqualTo(new SolarHijriDate(1358, 1, 12));
    assertThat(SolarHijri.of(LocalDate.of(2026, 11, 23))).isEqualTo(new SolarHijriDate(1405, 9, 2));
  }

  @Test
  void formats() {
    LocalDate date = LocalDate.of(2026, 11, 23);
    assertThat(SolarHijri.format(date)).isEqualTo("1405-09-02");
    assertThat(SolarHijri.formatLong(date)).isEqualTo("2 Azar 1405");
    assertThat(SolarHijri.formatLongPersian(date)).isEqualTo("۲ آذر ۱۴۰۵");
    assertThat(SolarHijri.formatLong(LocalDate.of(2026, 3, 21))).isEqualTo("1 Farvardin 1405");
    assertThat(SolarHijri.formatLongPersian(LocalDate.of(2027, 3, 20))).isEqualTo("۲۹ اسفند ۱۴۰۵");
    assertThat(SolarHijri.of(date).monthNameLatin()).isEqualTo("Azar");
    assertThat(SolarHijri.of(date).monthNamePersian()).isEqualTo("آذر");
  }

  @Test
  void leapYearsAndNonexistentDates() {
    assertThat(SolarHijri.isLeapYear(1403)).isTrue();
    assertThat(SolarHijri.isLeapYear(1404)).isFalse();
    assertThat(SolarHijri.monthLength(1403, 12)).isEqualTo(30);
    assertThat(SolarHijri.monthLength(1405, 12)).isEqualTo(29);
    assertThat(SolarHijri.toGregorian(1403, 12, 30)).isEqualTo(LocalDate.of(2025, 3, 20));
    assertThatThrownBy(() -> SolarHijri.toGregorian(1404, 12, 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Esfand 1404 has 29 days");
    assertThatThrownBy(() -> SolarHijri.toGregorian(1405, 7, 31))
        .hasMessageContaining("Mehr 1405 has 30 days");
    assertThatThrownBy(() -> SolarHijri.toGregorian(1405, 13, 1)).hasMessageContaining("not in 1..12");
    assertThatThrownBy(() -> SolarHijri.of(LocalDate.of(2400, 1, 1)))
        .hasMessageContaining("outside the supported range");
  }

  @Test
  void everyDayOfTwoCenturiesRoundTripsAndFollowsTheDayBefore() {
    LocalDate day = LocalDate.of(1925, 3, 21); // 1 Farvardin 1304
    SolarHijriDate previous = SolarHijri.of(day.minusDays(1));
    int days = 0;
    for (; day.getYear() < 2125 && days < 80_000; day = day.plusDays(1), days++) {
      SolarHijriDate sh = SolarHijri.of(day);
      boolean nextDay = sh.year() == previous.year() && sh.month() == previous.month()
          && sh.day() == previous.day() + 1;
      boolean nextMonth = sh.day() == 1 && previous.day() == SolarHijri.monthLength(previous.year(),
          previous.month()) && (sh.month() == previous.month() + 1 && sh.year() == previous.year()
          || sh.month() == 1 && previous.month() == 12 && sh.year() == previous.year() + 1);
      assertThat(nextDay || nextMonth).as("%s -> %s after %s", day, sh, previous).isTrue();
      if (sh.day() == 1 || sh.day() >= 29) {
        assertThat(SolarHijri.toGregorian(sh.year(), sh.month(), sh.day())).isEqualTo(day);
      }
      previous = sh;
    }
    assertThat(days).isGreaterThan(72_900);
  }
}

package org.rialto.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

  /** Moscow, Sat+Sun weekend, 09:00-18:00, customer cut-off 16:00, 2026-02-23 a holiday. */
  private static BusinessCalendar moscow() {
    return BusinessCalendar.of(new CalendarConfig(
        "Europe/Moscow",
        List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        LocalTime.of(9, 0),
        LocalTime.of(18, 0),
        Map.of("customer", LocalTime.of(16, 0)),
        false,
        List.of(LocalDate.of(2026, 2, 23)),
        List.of(),
        false));
  }

  private static Instant moscowAt(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), MOSCOW).toInstant();
  }

  private static Instant tehranAt(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), TEHRAN).toInstant();
  }

  @Test
  void weekendsAndHolidaysAreClosedDays() {
    BusinessCalendar cal = moscow();
    assertThat(cal.isBusinessDay(LocalDate.of(2026, 2, 20))).isTrue(); // Friday
    assertThat(cal.isBusinessDay(LocalDate.of(2026, 2, 21))).isFalse(); // Saturday
    assertThat(cal.isBusinessDay(LocalDate.of(2026, 2, 22))).isFalse(); // Sunday
    assertThat(cal.isBusinessDay(LocalDate.of(2026, 2, 23))).isFalse(); // holiday Monday
    assertThat(cal.isBusinessDay(LocalDate.of(2026, 2, 24))).isTrue();
    assertThat(cal.nextBusinessDay(LocalDate.of(2026, 2, 20))).isEqualTo(LocalDate.of(2026, 2, 24));
    assertThat(cal.businessDayOnOrAfter(LocalDate.of(2026, 2, 24)))
        .isEqualTo(LocalDate.of(2026, 2, 24));
  }

  @Test
  void openFromOpeningInclusiveToCutOffExclusive() {
    BusinessCalendar cal = moscow();
    assertThat(cal.isOpen(moscowAt("2026-02-20T08:59:59.999999999"))).isFalse();
    assertThat(cal.isOpen(moscowAt("2026-02-20T09:00:00"))).isTrue();
    assertThat(cal.isOpen(moscowAt("2026-02-20T17:59:59.999999999"))).isTrue();
    assertThat(cal.isOpen(moscowAt("2026-02-20T18:00:00"))).isFalse();
    assertThat(cal.isOpen(moscowAt("2026-02-21T12:00:00"))).isFalse(); // Saturday
    assertThat(cal.isOpen(moscowAt("2026-02-23T12:00:00"))).isFalse(); // holiday
  }

  @Test
  void valueDateRollsAtExactlyTheCutOff() {
    BusinessCalendar cal = moscow();
    LocalDate friday = LocalDate.of(2026, 2, 20);
    LocalDate tuesday = LocalDate.of(2026, 2, 24); // after weekend + holiday Monday
    assertThat(cal.businessDate(moscowAt("2026-02-20T06:00:00"))).isEqualTo(friday);
    assertThat(cal.businessDate(moscowAt("2026-02-20T17:59:59.999999999"))).isEqualTo(friday);
    assertThat(cal.businessDate(moscowAt("2026-02-20T18:00:00"))).isEqualTo(tuesday);
    assertThat(cal.businessDate(moscowAt("2026-02-21T10:00:00"))).isEqualTo(tuesday);
    assertThat(cal.businessDate(moscowAt("2026-02-23T10:00:00"))).isEqualTo(tuesday);
    // Midnight belongs to the new day: the local date, not the UTC date, decides.
    assertThat(cal.businessDate(moscowAt("2026-02-24T00:00:00"))).isEqualTo(tuesday);
    assertThat(cal.businessDate(Instant.parse("2026-02-23T21:30:00Z"))).isEqualTo(tuesday);
  }

  @Test
  void namedCutOffIsEarlierThanTheDayClose() {
    BusinessCalendar cal = moscow();
    Instant at1600 = moscowAt("2026-02-20T16:00:00");
    assertThat(cal.businessDate(moscowAt("2026-02-20T15:59:59"), "customer"))
        .isEqualTo(LocalDate.of(2026, 2, 20));
    assertThat(cal.businessDate(at1600, "customer")).isEqualTo(LocalDate.of(2026, 2, 24));
    assertThat(cal.businessDate(at1600)).isEqualTo(LocalDate.of(2026, 2, 20));
    assertThat(cal.isOpen(at1600, "customer")).isFalse();
    assertThat(cal.isOpen(at1600)).isTrue();
    assertThat(cal.cutOff(LocalDate.of(2026, 2, 20), "customer")).isEqualTo(at1600);
    assertThat(cal.cutOffNames()).containsExactly("customer");
    assertThatThrownBy(() -> cal.businessDate(at1600, "interbank"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown cut-off 'interbank'")
        .hasMessageContaining("customer");
  }

  @Test
  void nextOpening() {
    BusinessCalendar cal = moscow();
    Instant open = moscowAt("2026-02-20T10:00:00");
    assertThat(cal.nextOpening(open)).isEqualTo(open);
    assertThat(cal.nextOpening(moscowAt("2026-02-20T07:00:00")))
        .isEqualTo(moscowAt("2026-02-20T09:00:00"));
    assertThat(cal.nextOpening(moscowAt("2026-02-20T18:00:00")))
        .isEqualTo(moscowAt("2026-02-24T09:00:00"));
    assertThat(cal.nextOpening(moscowAt("2026-02-22T23:59:59")))
        .isEqualTo(moscowAt("2026-02-24T09:00:00"));
  }

  @Test
  void openingAndCloseOfABusinessDayAndRefusalOfAClosedDay() {
    BusinessCalendar cal = moscow();
    assertThat(cal.openingOf(LocalDate.of(2026, 2, 20))).isEqualTo(Instant.parse("2026-02-20T06:00:00Z"));
    assertThat(cal.closeOf(LocalDate.of(2026, 2, 20))).isEqualTo(Instant.parse("2026-02-20T15:00:00Z"));
    assertThatThrownBy(() -> cal.closeOf(LocalDate.of(2026, 2, 23)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-02-23 (MONDAY) is not a business day")
        .hasMessageContaining("next one is 2026-02-24");
  }

  @Test
  void tehranIsUtcPlus0330WithoutDaylightSaving() {
    BusinessCalendar cal = BusinessCalendar.of(SampleCalendars.iran());
    // Summer and winter alike: Iran abolished daylight saving in 2022.
    assertThat(cal.openingOf(LocalDate.of(2026, 7, 1))).isEqualTo(Instant.parse("2026-07-01T04:30:00Z"));
    assertThat(cal.openingOf(LocalDate.of(2026, 12, 1))).isEqualTo(Instant.parse("2026-12-01T04:30:00Z"));
    // Thursday open, Friday closed.
    assertThat(cal.isOpen(tehranAt("2026-07-02T10:00:00"))).isTrue();
    assertThat(cal.isOpen(tehranAt("2026-07-03T10:00:00"))).isFalse();
    assertThat(cal.businessDate(tehranAt("2026-07-02T16:00:00"))).isEqualTo(LocalDate.of(2026, 7, 4));
  }

  @Test
  void weekendDaysAreConfigurable() {
    CalendarConfig base = SampleCalendars.iran();
    CalendarConfig thursdayFriday = new CalendarConfig(base.zone(),
        List.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), base.openTime(), base.cutOffTime(),
        base.cutOffs(), false, base.holidays(), List.of(), true);
    BusinessCalendar cal = BusinessCalendar.of(thursdayFriday);
    assertThat(cal.isBusinessDay(LocalDate.of(2026, 7, 2))).isFalse(); // Thursday
    assertThat(cal.businessDate(tehranAt("2026-07-01T16:00:00"))).isEqualTo(LocalDate.of(2026, 7, 4));
  }

  @Test
  void extraBusinessDayOpensAWeekendDay() {
    LocalDate saturday = LocalDate.of(2024, 11, 2); // a Russian working Saturday in 2024
    BusinessCalendar cal = BusinessCalendar.of(new CalendarConfig("Europe/Moscow",
        List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(18, 0),
        Map.of(), false, List.of(LocalDate.of(2024, 11, 4)), List.of(saturday), false));
    assertThat(cal.isBusinessDay(saturday)).isTrue();
    assertThat(cal.isBusinessDay(saturday.plusDays(1))).isFalse();
    assertThat(cal.nextBusinessDay(LocalDate.of(2024, 11, 1))).isEqualTo(saturday);
    assertThat(cal.nextBusinessDay(saturday)).isEqualTo(LocalDate.of(2024, 11, 5));
  }

  @Test
  void alwaysOpen() {
    BusinessCalendar cal = BusinessCalendar.of(new CalendarConfig("Asia/Tehran", List.of(), null,
        null, true, List.of(), false));
    Instant friday = tehranAt("2026-07-03T03:00:00");
    assertThat(cal.isOpen(friday)).isTrue();
    assertThat(cal.nextOpening(friday)).isEqualTo(friday);
    assertThat(cal.businessDate(friday)).isEqualTo(LocalDate.of(2026, 7, 3));
    assertThat(cal.openingOf(LocalDate.of(2026, 7, 3))).isEqualTo(tehranAt("2026-07-03T00:00:00"));
    assertThat(cal.closeOf(LocalDate.of(2026, 7, 3))).isEqualTo(tehranAt("2026-07-04T00:00:00"));
    assertThat(cal.coversYear(2099)).isTrue();
  }

  @Test
  void daylightSavingZoneStillUsesLocalTimes() {
    // Not a Rialto zone today, but a configured zone may have daylight saving: the opening hour
    // stays 09:00 local on both sides of the change, so the UTC instant moves.
    BusinessCalendar cal = BusinessCalendar.of(new CalendarConfig("Europe/Berlin",
        List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(9, 0), LocalTime.of(18, 0),
        false, List.of(), false));
    assertThat(cal.openingOf(LocalDate.of(2026, 3, 27))).isEqualTo(Instant.parse("2026-03-27T08:00:00Z"));
    assertThat(cal.openingOf(LocalDate.of(2026, 3, 30))).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    assertThat(cal.nextOpening(Instant.parse("2026-03-27T17:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
  }

  @Test
  void openingInsideADaylightSavingGapMovesForward() {
    // America/Sao_Paulo used to skip 00:00-01:00 at the start of summer time (2018-11-04).
    BusinessCalendar cal = BusinessCalendar.of(new CalendarConfig("America/Sao_Paulo", List.of(),
        LocalTime.of(0, 30), LocalTime.of(18, 0), false, List.of(), false));
    Instant opening = cal.openingOf(LocalDate.of(2018, 11, 4));
    assertThat(opening).isEqualTo(Instant.parse("2018-11-04T03:30:00Z"));
    assertThat(cal.isOpen(opening)).isTrue();
  }

  @Test
  void formatsDatesWithSolarHijriWhenConfigured() {
    LocalDate date = LocalDate.of(2026, 11, 23);
    assertThat(moscow().formatDate(date, Locale.ENGLISH)).isEqualTo("2026-11-23");
    BusinessCalendar iran = BusinessCalendar.of(SampleCalendars.iran());
    assertThat(iran.formatDate(date, Locale.ENGLISH)).isEqualTo("2026-11-23 (2 Azar 1405)");
    assertThat(iran.formatDate(date, Locale.forLanguageTag("fa-IR"))).isEqualTo("۲ آذر ۱۴۰۵");
  }

  @Test
  void coversYearTellsWhetherHolidayDataIsLoaded() {
    BusinessCalendar cal = BusinessCalendar.of(SampleCalendars.russia());
    assertThat(cal.coversYear(2026)).isTrue();
    assertThat(cal.coversYear(2027)).isTrue();
    assertThat(cal.coversYear(2028)).isFalse();
  }

  @Test
  void everyMisconfigurationIsNamedAtOnce() {
    CalendarConfig bad = new CalendarConfig("Mars/Olympus",
        java.util.Arrays.asList(DayOfWeek.FRIDAY, DayOfWeek.FRIDAY, null),
        LocalTime.of(18, 0), LocalTime.of(9, 0),
        Map.of("Customer", LocalTime.of(10, 0)), false,
        List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)),
        List.of(LocalDate.of(2026, 1, 5)), false);
    assertThatThrownBy(() -> BusinessCalendar.of(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zone 'Mars/Olympus' is not a known time zone id")
        .hasMessageContaining("weekendDays lists FRIDAY twice")
        .hasMessageContaining("weekendDays contains an empty entry")
        .hasMessageContaining("openTime 18:00 must be before cutOffTime 09:00")
        .hasMessageContaining("cut-off name 'Customer' must match")
        .hasMessageContaining("holiday 2026-01-01 is listed twice")
        .hasMessageContaining("extra business day 2026-01-05 is a MONDAY, not a weekend day");
  }

  @Test
  void missingTimesAndContradictory247AreRejected() {
    assertThatThrownBy(() -> BusinessCalendar.of(new CalendarConfig("Europe/Moscow", List.of(),
        null, null, false, List.of(), false)))
        .hasMessageContaining("openTime is missing")
        .hasMessageContaining("cutOffTime is missing");
    assertThatThrownBy(() -> BusinessCalendar.of(new CalendarConfig("Europe/Moscow",
        List.of(DayOfWeek.SUNDAY), LocalTime.of(9, 0), null, true,
        List.of(LocalDate.of(2026, 1, 1)), false)))
        .hasMessageContaining("alwaysOpen calendar lists weekend days [SUNDAY]")
        .hasMessageContaining("alwaysOpen calendar must not set openTime or cutOffTime")
        .hasMessageContaining("alwaysOpen calendar lists holidays");
    assertThatThrownBy(() -> BusinessCalendar.of(new CalendarConfig("Europe/Moscow",
        List.of(DayOfWeek.values()), LocalTime.of(9, 0), LocalTime.of(18, 0), false, List.of(),
        false)))
        .hasMessageContaining("weekendDays lists all seven days");
    assertThatThrownBy(() -> BusinessCalendar.of(new CalendarConfig("Europe/Moscow", List.of(),
        LocalTime.of(9, 0), LocalTime.of(18, 0), Map.of("customer", LocalTime.of(19, 0)), false,
        List.of(), List.of(), false)))
        .hasMessageContaining("cut-off 'customer' at 19:00 must not be after cutOffTime 18:00");
  }

  @Test
  void aCalendarWithNoBusinessDayForAYearFailsAtLoadInsteadOfHanging() {
    // Only Mondays are weekdays, and every Monday of 2026-2027 is a holiday.
    List<LocalDate> mondays = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2026, 1, 5); d.getYear() < 2028; d = d.plusWeeks(1)) {
      mondays.add(d);
    }
    List<DayOfWeek> weekend = List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThatThrownBy(() -> BusinessCalendar.of(new CalendarConfig("Europe/Moscow", weekend,
        LocalTime.of(9, 0), LocalTime.of(18, 0), false, mondays, false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no business day in a year: calendar misconfigured");
  }

  @Test
  void configIsImmutableAndToleratesAbsentLists() {
    List<LocalDate> holidays = new ArrayList<>(List.of(LocalDate.of(2026, 1, 1)));
    CalendarConfig config = new CalendarConfig("Europe/Moscow", null, LocalTime.of(9, 0),
        LocalTime.of(18, 0), null, false, holidays, null, false);
    holidays.add(LocalDate.of(2026, 1, 2));
    assertThat(config.holidays()).containsExactly(LocalDate.of(2026, 1, 1));
    assertThat(config.weekendDays()).isEmpty();
    assertThat(config.cutOffs()).isEmpty();
    assertThat(BusinessCalendar.of(config).isBusinessDay(LocalDate.of(2026, 1, 2))).isTrue();
  }
}

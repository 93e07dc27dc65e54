package org.rialto.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A currency's business calendar: when its node settles and which value date a payment gets.
 * Immutable and safe to share between threads. No clock inside: every question takes the
 * instant or date it is about, so the node's answers replay identically.
 *
 * <p>Rules (stated once, used everywhere):
 *
 * <ul>
 *   <li>A business day is a date that is not a weekend day (unless listed in
 *       {@code extraBusinessDays}) and not a holiday. A 24/7 calendar has no closed days.
 *   <li>The node is open on a business day from {@code openTime} (inclusive) to
 *       {@code cutOffTime} (exclusive): a payment received exactly at the cut-off is late.
 *   <li>The value date of a payment received at instant {@code t}: the local date of {@code t}
 *       when that is a business day and {@code t} is before the cut-off (also before opening: the
 *       payment waits for the opening with today's value date); otherwise the next business day.
 * </ul>
 */
public final class BusinessCalendar {

  /**
   * How far any search for a business day may look. A real calendar has a business day within a
   * few weeks; one with none in 400 days is misconfigured, and the bound turns that into an error
   * instead of a hang.
   */
  public static final int MAX_SEARCH_DAYS = 400;

  /** Bounds on configuration size: a calendar covers decades with far fewer entries. */
  public static final int MAX_HOLIDAYS = 10_000;

  public static final int MAX_EXTRA_BUSINESS_DAYS = 2_000;
  public static final int MAX_CUT_OFFS = 16;

  private static final Pattern CUT_OFF_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  private final CalendarConfig config;
  private final ZoneId zone;
  private final Set<DayOfWeek> weekend;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> extraBusinessDays;
  private final Set<Integer> holidayYears;

  private BusinessCalendar(CalendarConfig config, ZoneId zone) {
    this.config = config;
    this.zone = zone;
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    days.addAll(config.weekendDays());
    this.weekend = Collections.unmodifiableSet(days);
    this.holidays = Set.copyOf(config.holidays());
    this.extraBusinessDays = Set.copyOf(config.extraBusinessDays());
    Set<Integer> years = new HashSet<>();
    for (LocalDate holiday : config.holidays()) {
      years.add(holiday.getYear());
    }
    this.holidayYears = Set.copyOf(years);
  }

  /**
   * Checks {@code config} and builds the calendar.
   *
   * @throws IllegalArgumentException naming every problem found, one per line
   */
  public static BusinessCalendar of(CalendarConfig config) {
    Objects.requireNonNull(config, "config");
    List<String> problems = new ArrayList<>();
    ZoneId zone = null;
    if (config.zone() == null || config.zone().isBlank()) {
      problems.add("zone is missing (an IANA id such as Europe/Moscow)");
    } else {
      try {
        zone = ZoneId.of(config.zone());
      } catch (DateTimeException e) {
        problems.add("zone '" + config.zone() + "' is not a known time zone id");
      }
    }
    checkWeekend(config, problems);
    checkTimes(config, problems);
    checkDates(config, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "calendar configuration invalid:\n  - " + String.join("\n  - ", problems));
    }
    BusinessCalendar calendar = new BusinessCalendar(config, zone);
    // A calendar that never reaches a business day fails here, at load time, rather than on the
    // first payment: holidays may cover every working day of a year.
    if (!config.alwaysOpen()) {
      try {
        for (LocalDate holiday : config.holidays()) {
          calendar.nextBusinessDay(holiday);
        }
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException("calendar configuration invalid:\n  - " + e.getMessage(), e);
      }
    }
    return calendar;
  }

  private static void checkWeekend(CalendarConfig config, List<String> problems) {
    EnumSet<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek day : config.weekendDays()) {
      if (day == null) {
        problems.add("weekendDays contains an empty entry");
      } else if (!seen.add(day)) {
        problems.add("weekendDays lists " + day + " twice");
      }
    }
    if (seen.size() == 7) {
      problems.add("weekendDays lists all seven days: the node would never open");
    }
    if (config.alwaysOpen() && !seen.isEmpty()) {
      problems.add("alwaysOpen calendar lists weekend days " + seen + "; a 24/7 calendar has none");
    }
  }

  private static void checkTimes(CalendarConfig config, List<String> problems) {
    if (config.alwaysOpen()) {
      if (config.openTime() != null || config.cutOffTime() != null) {
        problems.add("alwaysOpen calendar must not set openTime or cutOffTime");
      }
      if (!config.cutOffs().isEmpty()) {
        problems.add("alwaysOpen calendar must not set named cutOffs");
      }
      return;
    }
    if (config.openTime() == null) {
      problems.add("openTime is missing (or set alwaysOpen: true)");
    }
    if (config.cutOffTime() == null) {
      problems.add("cutOffTime is missing (or set alwaysOpen: true)");
    }
    if (config.openTime() != null
        && config.cutOffTime() != null
        && !config.openTime().isBefore(config.cutOffTime())) {
      problems.add("openTime " + config.openTime() + " must be before cutOffTime "
          + config.cutOffTime() + " (a business day opens and closes on the same date)");
    }
    if (config.cutOffs().size() > MAX_CUT_OFFS) {
      problems.add("cutOffs has " + config.cutOffs().size() + " entries; at most " + MAX_CUT_OFFS);
      return;
    }
    for (Map.Entry<String, LocalTime> entry : config.cutOffs().entrySet()) {
      String name = entry.getKey();
      LocalTime time = entry.getValue();
      if (name == null || !CUT_OFF_NAME.matcher(name).matches()) {
        problems.add("cut-off name '" + name + "' must match " + CUT_OFF_NAME.pattern());
        continue;
      }
      if (time == null) {
        problems.add("cut-off '" + name + "' has no time");
        continue;
      }
      if (config.openTime() != null && !config.openTime().isBefore(time)) {
        problems.add("cut-off '" + name + "' at " + time + " must be after openTime "
            + config.openTime());
      }
      if (config.cutOffTime() != null && time.isAfter(config.cutOffTime())) {
        problems.add("cut-off '" + name + "' at " + time + " must not be after cutOffTime "
            + config.cutOffTime() + " (the day closes then)");
      }
    }
  }

  private static void checkDates(CalendarConfig config, List<String> problems) {
    if (config.holidays().size() > MAX_HOLIDAYS) {
      problems.add("holidays has " + config.holidays().size() + " entries; at most "
          + MAX_HOLIDAYS);
      return;
    }
    if (config.extraBusinessDays().size() > MAX_EXTRA_BUSINESS_DAYS) {
      problems.add("extraBusinessDays has " + config.extraBusinessDays().size()
          + " entries; at most " + MAX_EXTRA_BUSINESS_DAYS);
      return;
    }
    if (config.alwaysOpen() && !config.holidays().isEmpty()) {
      problems.add("alwaysOpen calendar lists holidays; a 24/7 calendar has none");
    }
    Set<LocalDate> holidays = new HashSet<>();
    for (LocalDate holiday : config.holidays()) {
      if (holiday == null) {
        problems.add("holidays contains an empty entry");
      } else if (!holidays.add(holiday)) {
        problems.add("holiday " + holiday + " is listed twice");
      }
    }
    Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek day : config.weekendDays()) {
      if (day != null) {
        weekend.add(day);
      }
    }
    Set<LocalDate> extra = new HashSet<>();
    for (LocalDate day : config.extraBusinessDays()) {
      if (day == null) {
        problems.add("extraBusinessDays contains an empty entry");
      } else if (!extra.add(day)) {
        problems.add("extra business day " + day + " is listed twice");
      } else if (!weekend.contains(day.getDayOfWeek())) {
        problems.add("extra business day " + day + " is a " + day.getDayOfWeek()
            + ", not a weekend day: it is a business day anyway");
      } else if (holidays.contains(day)) {
        problems.add(day + " is listed both as a holiday and as an extra business day");
      }
    }
  }

  /** The configuration this calendar was built from. */
  public CalendarConfig config() {
    return config;
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean alwaysOpen() {
    return config.alwaysOpen();
  }

  /** Names of the optional earlier cut-offs, in configuration order. */
  public Set<String> cutOffNames() {
    return config.cutOffs().keySet();
  }

  /**
   * Whether the holiday data covers {@code year} (at least one holiday listed in it). The node
   * warns when the current or next year is not covered: every day would count as a business day.
   */
  public boolean coversYear(int year) {
    return alwaysOpen() || holidayYears.contains(year);
  }

  /** The local date of {@code instant} in this calendar's zone. */
  public LocalDate localDate(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  public boolean isBusinessDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (config.alwaysOpen()) {
      return true;
    }
    if (holidays.contains(date)) {
      return false;
    }
    return !weekend.contains(date.getDayOfWeek()) || extraBusinessDays.contains(date);
  }

  /**
   * The first business day strictly after {@code date}.
   *
   * @throws IllegalStateException when there is none within {@link #MAX_SEARCH_DAYS} days
   */
  public LocalDate nextBusinessDay(LocalDate date) {
    return firstBusinessDayFrom(date.plusDays(1));
  }

  /** The first business day on or after {@code date}. */
  public LocalDate businessDayOnOrAfter(LocalDate date) {
    return firstBusinessDayFrom(date);
  }

  private LocalDate firstBusinessDayFrom(LocalDate first) {
    LocalDate day = first;
    for (int i = 0; i < MAX_SEARCH_DAYS; i++) {
      if (isBusinessDay(day)) {
        return day;
      }
      day = day.plusDays(1);
    }
    throw new IllegalStateException("no business day in a year: calendar misconfigured (no "
        + "business day in the " + MAX_SEARCH_DAYS + " days from " + first + "; check "
        + "weekendDays and holidays of zone " + zone + ")");
  }

  /** Whether the node settles at {@code instant} (business day, open time inclusive, cut-off exclusive). */
  public boolean isOpen(Instant instant) {
    if (config.alwaysOpen()) {
      return true;
    }
    return isOpenUntil(instant, config.cutOffTime());
  }

  /** Whether a payment subject to the named cut-off is accepted for same-day value at {@code instant}. */
  public boolean isOpen(Instant instant, String cutOffName) {
    return isOpenUntil(instant, namedCutOff(cutOffName));
  }

  private boolean isOpenUntil(Instant instant, LocalTime cutOff) {
    ZonedDateTime local = instant.atZone(zone);
    if (!isBusinessDay(local.toLocalDate())) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    return !time.isBefore(config.openTime()) && time.isBefore(cutOff);
  }

  /**
   * The value date a payment received at {@code instant} gets (see the class rules).
   *
   * @throws IllegalStateException when no business day follows within {@link #MAX_SEARCH_DAYS}
   */
  public LocalDate businessDate(Instant instant) {
    if (config.alwaysOpen()) {
      return localDate(instant);
    }
    return businessDateFor(instant, config.cutOffTime());
  }

  /** As {@link #businessDate(Instant)}, for a payment subject to the named earlier cut-off. */
  public LocalDate businessDate(Instant instant, String cutOffName) {
    return businessDateFor(instant, namedCutOff(cutOffName));
  }

  private LocalDate businessDateFor(Instant instant, LocalTime cutOff) {
    ZonedDateTime local = instant.atZone(zone);
    LocalDate today = local.toLocalDate();
    if (isBusinessDay(today) && local.toLocalTime().isBefore(cutOff)) {
      return today;
    }
    LocalDate valueDate = nextBusinessDay(today);
    if (!valueDate.isAfter(today)) {
      throw new AssertionError("value date " + valueDate + " not after " + today);
    }
    return valueDate;
  }

  /**
   * The earliest instant at or after {@code instant} at which the node is open: {@code instant}
   * itself when open, else the next opening.
   */
  public Instant nextOpening(Instant instant) {
    if (isOpen(instant)) {
      return instant;
    }
    ZonedDateTime local = instant.atZone(zone);
    LocalDate today = local.toLocalDate();
    LocalDate day = isBusinessDay(today) && local.toLocalTime().isBefore(config.openTime())
        ? today
        : nextBusinessDay(today);
    Instant opening = openingOf(day);
    if (!opening.isAfter(instant) || !isOpen(opening)) {
      throw new AssertionError("next opening " + opening + " is not an open instant after " + instant);
    }
    return opening;
  }

  /**
   * When {@code date} opens. For a 24/7 calendar, the start of the local day.
   *
   * @throws IllegalArgumentException when {@code date} is not a business day
   */
  public Instant openingOf(LocalDate date) {
    requireBusinessDay(date);
    if (config.alwaysOpen()) {
      return date.atStartOfDay(zone).toInstant();
    }
    // ZonedDateTime.of moves a time inside a daylight-saving gap forward, so an opening in a
    // skipped hour still exists; with the overlap it takes the earlier offset (opens early).
    return ZonedDateTime.of(date, config.openTime(), zone).toInstant();
  }

  /**
   * When {@code date} closes: its cut-off, after which payments get the next value date, and the
   * moment day-close (statements, balance snapshot) may run. For a 24/7 calendar, the start of
   * the next local day.
   *
   * @throws IllegalArgumentException when {@code date} is not a business day
   */
  public Instant closeOf(LocalDate date) {
    requireBusinessDay(date);
    if (config.alwaysOpen()) {
      return date.plusDays(1).atStartOfDay(zone).toInstant();
    }
    return ZonedDateTime.of(date, config.cutOffTime(), zone).toInstant();
  }

  /** The named earlier cut-off on {@code date}. */
  public Instant cutOff(LocalDate date, String cutOffName) {
    LocalTime time = namedCutOff(cutOffName);
    requireBusinessDay(date);
    return ZonedDateTime.of(date, time, zone).toInstant();
  }

  private LocalTime namedCutOff(String cutOffName) {
    LocalTime time = config.cutOffs().get(cutOffName);
    if (time == null) {
      throw new IllegalArgumentException("unknown cut-off '" + cutOffName + "'; this calendar has "
          + (cutOffNames().isEmpty() ? "none" : cutOffNames()));
    }
    return time;
  }

  private void requireBusinessDay(LocalDate date) {
    if (!isBusinessDay(date)) {
      throw new IllegalArgumentException(date + " (" + date.getDayOfWeek() + ") is not a business "
          + "day in this calendar; the next one is " + nextBusinessDay(date));
    }
  }

  /**
   * A date as operators read it. Gregorian calendars: ISO ({@code 2026-11-23}). With Solar Hijri:
   * in Persian ({@code fa}) the Solar Hijri long form in Persian script ({@code ۲ آذر ۱۴۰۵});
   * otherwise ISO followed by the Solar Hijri date in Latin script
   * ({@code 2026-11-23 (2 Azar 1405)}).
   */
  public String formatDate(LocalDate date, Locale locale) {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(locale, "locale");
    if (!config.solarHijri()) {
      return date.toString();
    }
    if ("fa".equals(locale.getLanguage())) {
      return SolarHijri.formatLongPersian(date);
    }
    return date + " (" + SolarHijri.formatLong(date) + ")";
  }

  @Override
  public String toString() {
    return "BusinessCalendar[" + zone + (config.alwaysOpen() ? ", 24/7" : ", open "
        + config.openTime() + "-" + config.cutOffTime() + ", weekend " + weekend) + ", "
        + holidays.size() + " holidays]";
  }
}

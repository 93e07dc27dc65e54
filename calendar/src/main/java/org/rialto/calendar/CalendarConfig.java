package org.rialto.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One currency's business calendar as plain data, shaped so that the node can read it from YAML
 * or JSON with Jackson (java.time types via jackson-datatype-jsr310) without custom code. This
 * record holds data only; {@link BusinessCalendar#of(CalendarConfig)} checks it and names every
 * problem at once, so an operator fixes a bad file in one pass.
 *
 * @param zone IANA time zone id, for example {@code Asia/Tehran}
 * @param weekendDays days of the week on which the node is closed
 * @param openTime local time at which a business day opens; null when {@code alwaysOpen}
 * @param cutOffTime local time at which a business day closes: a payment received at or after it
 *     gets the next business day's value date; null when {@code alwaysOpen}
 * @param cutOffs optional earlier cut-offs by name (for example {@code customer} before the
 *     interbank {@code cutOffTime}); each lies after {@code openTime} and not after
 *     {@code cutOffTime}
 * @param alwaysOpen 24/7: every day is a business day and every instant is open
 * @param holidays closed dates (any year; the node loads each year's official list)
 * @param extraBusinessDays weekend dates declared working days (Russian transfers of days off)
 * @param solarHijri also show dates in the Solar Hijri calendar
 */
public record CalendarConfig(
    String zone,
    List<DayOfWeek> weekendDays,
    LocalTime openTime,
    LocalTime cutOffTime,
    Map<String, LocalTime> cutOffs,
    boolean alwaysOpen,
    List<LocalDate> holidays,
    List<LocalDate> extraBusinessDays,
    boolean solarHijri) {

  public CalendarConfig {
    // Absent lists in a YAML file arrive as null; an absent list means "none", not an error.
    // Copies keep the record immutable even when the caller keeps mutating its lists; nulls
    // inside a list survive the copy so that BusinessCalendar.of can name them.
    weekendDays = copy(weekendDays);
    holidays = copy(holidays);
    extraBusinessDays = copy(extraBusinessDays);
    cutOffs = cutOffs == null
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(cutOffs));
  }

  /** The common shape: one cut-off, no working weekend days. */
  public CalendarConfig(
      String zone,
      List<DayOfWeek> weekendDays,
      LocalTime openTime,
      LocalTime cutOffTime,
      boolean alwaysOpen,
      List<LocalDate> holidays,
      boolean solarHijri) {
    this(zone, weekendDays, openTime, cutOffTime, Map.of(), alwaysOpen, holidays, List.of(),
        solarHijri);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}

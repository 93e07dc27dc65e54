package org.rialto.iso20022;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The ISO choice of a date or a date-time (DateAndDateTime2Choice). Exactly one is non-null. */
public record DateOrDateTime(LocalDate date, OffsetDateTime dateTime) {
  public DateOrDateTime {
    Check.oneOf(date, dateTime, "date or date-time");
  }

  public static DateOrDateTime of(LocalDate date) {
    return new DateOrDateTime(date, null);
  }

  public static DateOrDateTime of(OffsetDateTime dateTime) {
    return new DateOrDateTime(null, dateTime);
  }
}

package org.rialto.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A closed date and why, for operators and reports; {@link CalendarConfig} needs only the date.
 *
 * @param name in English; several occasions on one date are joined with "; "
 */
public record Holiday(LocalDate date, String name) {

  public Holiday {
    Objects.requireNonNull(date, "date");
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("holiday " + date + " needs a name of 1..200 characters");
    }
  }
}

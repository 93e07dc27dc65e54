package org.rialto.compliance.lists;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date of birth as sanctions lists give it: an exact day, a year, or a range of years, possibly
 * approximate ("circa 1955").
 *
 * @param exact the exact day, or {@code null} when only years are known
 * @param fromYear first possible year
 * @param toYear last possible year (equal to {@code fromYear} for a single year)
 * @param approximate the list says "circa" / "approximately"
 */
public record BirthDate(LocalDate exact, int fromYear, int toYear, boolean approximate) {
  public static final int MIN_YEAR = 1800;
  public static final int MAX_YEAR = 2200;

  public BirthDate {
    if (fromYear < MIN_YEAR || toYear > MAX_YEAR || fromYear > toYear) {
      throw new IllegalArgumentException("birth years out of range: " + fromYear + ".." + toYear);
    }
    if (exact != null && (exact.getYear() != fromYear || toYear != fromYear)) {
      throw new IllegalArgumentException("exact date " + exact + " disagrees with years " + fromYear + ".." + toYear);
    }
  }

  public static BirthDate ofDay(LocalDate day) {
    return new BirthDate(day, day.getYear(), day.getYear(), false);
  }

  public static BirthDate ofYears(int fromYear, int toYear, boolean approximate) {
    return new BirthDate(null, fromYear, toYear, approximate);
  }

  /**
   * Parses the national-list and snapshot notation: {@code 1970-01-31}, {@code 1970},
   * {@code 1968..1970}, with an optional {@code ~} prefix for approximate.
   */
  public static BirthDate parse(String text) {
    String t = text.strip();
    boolean approximate = t.startsWith("~");
    if (approximate) {
      t = t.substring(1).strip();
    }
    try {
      int range = t.indexOf("..");
      if (range > 0) {
        return ofYears(Integer.parseInt(t.substring(0, range).strip()), Integer.parseInt(t.substring(range + 2).strip()), approximate);
      }
      if (t.length() == 10) {
        LocalDate day = LocalDate.parse(t);
        return new BirthDate(day, day.getYear(), day.getYear(), approximate);
      }
      int year = Integer.parseInt(t);
      return ofYears(year, year, approximate);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "bad birth date '" + text + "': expected YYYY-MM-DD, YYYY or YYYY..YYYY (prefix ~ if approximate)", e);
    }
  }

  /** The notation {@link #parse} reads. */
  public String format() {
    String body = exact != null ? exact.toString() : fromYear == toYear ? Integer.toString(fromYear) : fromYear + ".." + toYear;
    return approximate ? "~" + body : body;
  }

  /** How a payment party's date of birth relates to this one. */
  public enum Agreement { SAME_DAY, SAME_YEAR, NEAR, DIFFERENT }

  public Agreement compare(LocalDate other) {
    if (exact != null && exact.equals(other)) {
      return Agreement.SAME_DAY;
    }
    int y = other.getYear();
    if (y >= fromYear && y <= toYear) {
      return Agreement.SAME_YEAR;
    }
    int slack = approximate ? 3 : 1;
    if (y >= fromYear - slack && y <= toYear + slack) {
      return Agreement.NEAR;
    }
    return Agreement.DIFFERENT;
  }
}

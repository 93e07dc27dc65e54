package org.rialto.node;

import java.time.Instant;
import org.rialto.calendar.BusinessCalendar;
import org.rialto.calendar.CalendarConfig;
import org.rialto.node.engine.BusinessHours;

/** The node's view of its currency's business calendar. */
final class CalendarHours implements BusinessHours {
  private final BusinessCalendar calendar;

  private CalendarHours(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  static BusinessHours of(CalendarConfig config) {
    if (config == null) return BusinessHours.ALWAYS_OPEN;
    return new CalendarHours(BusinessCalendar.of(config));
  }

  @Override
  public boolean isOpen(long epochMillis) {
    return calendar.isOpen(Instant.ofEpochMilli(epochMillis));
  }

  @Override
  public String valueDate(long epochMillis) {
    return calendar.businessDate(Instant.ofEpochMilli(epochMillis)).toString();
  }

  @Override
  public String nextBusinessDay(String isoDate) {
    return calendar.nextBusinessDay(java.time.LocalDate.parse(isoDate)).toString();
  }
}

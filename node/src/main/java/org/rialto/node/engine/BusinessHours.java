package org.rialto.node.engine;

/** When the node settles, and which business day a settlement belongs to. */
public interface BusinessHours {
  boolean isOpen(long epochMillis);

  /** ISO date (yyyy-MM-dd) of the business day a payment settled now gets as value date. */
  String valueDate(long epochMillis);

  /** The business day after {@code isoDate}. */
  String nextBusinessDay(String isoDate);

  BusinessHours ALWAYS_OPEN =
      new BusinessHours() {
        @Override
        public boolean isOpen(long epochMillis) {
          return true;
        }

        @Override
        public String valueDate(long epochMillis) {
          return java.time.Instant.ofEpochMilli(epochMillis).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }

        @Override
        public String nextBusinessDay(String isoDate) {
          return java.time.LocalDate.parse(isoDate).plusDays(1).toString();
        }
      };
}

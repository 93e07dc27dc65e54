package org.rialto.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LexicalTest {
  @Test
  void decimalsFollowXsdDecimalAndKeepTheirScale() {
    assertThat(Lexical.decimal("1000.00")).isEqualTo(new BigDecimal("1000.00"));
    assertThat(Lexical.decimal(" 7.5\n")).isEqualTo(new BigDecimal("7.5"));
    assertThat(Lexical.decimal("+0.001")).isEqualTo(new BigDecimal("0.001"));
    assertThat(Lexical.decimal(".5")).isEqualTo(new BigDecimal("0.5"));
    assertThat(Lexical.decimal("5.")).isEqualTo(new BigDecimal("5"));
    assertThat(Lexical.decimal("-12")).isEqualTo(new BigDecimal("-12"));
    assertThat(Lexical.decimal("123456789012345678901234.5")).isEqualTo(new BigDecimal("123456789012345678901234.5"));
    for (String bad : new String[] {"", ".", "1e5", "1.2.3", "--1", "1,5", "NaN", "0x10", " "}) {
      assertThatThrownBy(() -> Lexical.decimal(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void dateTimesKeepOffsetAndFractionAndAlwaysWriteSeconds() {
    OffsetDateTime t = Lexical.dateTime("2026-01-01T10:00:00+03:30");
    assertThat(t).isEqualTo(OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(3, 30)));
    assertThat(Lexical.dateTime("2026-01-01T10:00:00.5Z").getNano()).isEqualTo(500_000_000);
    assertThat(Lexical.dateTime("2026-01-01T10:00:00").getOffset()).isEqualTo(ZoneOffset.UTC);
    assertThat(Lexical.hasZone("2026-01-01T10:00:00")).isFalse();
    assertThat(Lexical.hasZone("2026-01-01T10:00:00Z")).isTrue();
    assertThat(Lexical.hasZone("2026-01-01T10:00:00-05:00")).isTrue();
    StringBuilder sb = new StringBuilder();
    Lexical.dateTime(sb, OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC));
    assertThat(sb.toString()).isEqualTo("2026-01-01T10:00:00Z");
    sb.setLength(0);
    Lexical.dateTime(sb, OffsetDateTime.of(2026, 12, 31, 23, 5, 9, 120_000_000, ZoneOffset.ofHoursMinutes(-5, -45)));
    assertThat(sb.toString()).isEqualTo("2026-12-31T23:05:09.12-05:45");
    sb.setLength(0);
    Lexical.time(sb, OffsetTime.of(7, 0, 0, 0, ZoneOffset.ofHours(3)));
    assertThat(sb.toString()).isEqualTo("07:00:00+03:00");
    for (String bad : new String[] {"2026-01-01", "2026-13-01T10:00:00Z", "2026-02-30T10:00:00Z", "2026-01-01T25:00:00Z",
        "2026-01-01T10:00Z", "2026-01-01T10:00:00+15:00", "2026-01-01T10:00:00.Z", "2026-01-01T10:00:00.1234567890Z",
        "20260101T100000Z", "2026-01-01T10:00:00 +01:00"}) {
      assertThatThrownBy(() -> Lexical.dateTime(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void datesAreIsoDates() {
    assertThat(Lexical.date("2026-03-02")).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(Lexical.date("2026-03-02Z")).isEqualTo(LocalDate.of(2026, 3, 2));
    for (String bad : new String[] {"2026-3-2", "02.03.2026", "2026-02-29", "", "2026-03-02T00:00:00"}) {
      assertThatThrownBy(() -> Lexical.date(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    StringBuilder sb = new StringBuilder();
    Lexical.date(sb, LocalDate.of(987, 6, 5));
    assertThat(sb.toString()).isEqualTo("0987-06-05");
    assertThatThrownBy(() -> Lexical.date(new StringBuilder(), LocalDate.of(10000, 1, 1))).isInstanceOf(IllegalArgumentException.class);
  }
}

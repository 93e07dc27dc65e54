package org.rialto.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MoneyTest {
  final Money money = new Money(Map.of("RUB", 2, "IRR", 0));

  @Test
  void formatsMinorUnitsPerCurrencyWithGrouping() {
    assertThat(money.amount(123_456_789L, "RUB")).isEqualTo("1,234,567.89");
    assertThat(money.amount(5, "RUB")).isEqualTo("0.05");
    assertThat(money.amount(0, "RUB")).isEqualTo("0.00");
    assertThat(money.amount(-100_000, "RUB")).isEqualTo("\u22121,000.00");
    assertThat(money.withCode(520_500, "IRR")).isEqualTo("520,500 IRR");
    assertThat(money.amount(999, "IRR")).isEqualTo("999");
    assertThat(money.amount(Long.MAX_VALUE, "IRR")).isEqualTo("9,223,372,036,854,775,807");
    assertThat(money.amount(Long.MIN_VALUE, "RUB")).isEqualTo("\u221292,233,720,368,547,758.08");
  }

  @Test
  void parsesWhatAnOperatorTypes() {
    assertThat(Money.parseMajor("1,500.25", 2)).isEqualTo(150_025L);
    assertThat(Money.parseMajor("1500", 2)).isEqualTo(150_000L);
    assertThat(Money.parseMajor("1500.5", 0)).isNull();
    assertThat(Money.parseMajor("abc", 2)).isNull();
    assertThat(Money.parseMajor("-3", 2)).isNull();
    assertThat(Money.parseMajor("99999999999999999999", 2)).isNull();
  }

  @Test
  void escapesMarkup() {
    assertThat(Html.escape("<script>\"x\"&'y'</script>")).isEqualTo("&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;");
  }

  @Test
  void chartAxisRoundsUp() {
    assertThat(ThroughputChart.niceCeiling(4)).isEqualTo(4);
    assertThat(ThroughputChart.niceCeiling(7)).isEqualTo(10);
    assertThat(ThroughputChart.niceCeiling(31)).isEqualTo(40);
    assertThat(ThroughputChart.niceCeiling(101)).isEqualTo(200);
  }
}

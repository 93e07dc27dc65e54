package org.rialto.compliance.aml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmlEngineTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static final String RULES = """
      maxTrackedKeys: 3
      amountThresholds:
        - {id: large-rub, currency: RUB, amountMinor: 100000000, action: hold}
      velocity:
        - {id: count-1h, subject: debtor, windowSeconds: 3600, maxCount: 3, action: flag}
        - {id: amount-24h, subject: debtorAccount, windowSeconds: 86400, maxAmountMinor: {RUB: 150000000}, action: hold}
      structuring:
        - {id: structuring, subject: debtor, currency: RUB, thresholdMinor: 60000000, marginPercent: 10, minCount: 3,
           windowSeconds: 86400, action: hold}
      highRiskJurisdictions:
        callForAction: [KP, IR, MM]
        increasedMonitoring: [SY, VE]
      r16:
        enabled: true
        crossBorderOnly: true
        fullInformationFromMinor: {RUB: 10000000}
        action: hold
      """;

  private static PartyView debtor(String id) {
    return new PartyView(id, "Ivan Petrov", "40702810900000000001", "RU", "Moscow, Tverskaya 1", null, null, null, null);
  }

  private static PartyView creditor(String country) {
    return PartyView.of("cred-1", "Parsian Trading", "IR000000000000000000000001", country);
  }

  private static PaymentView payment(String id, Instant at, long amountMinor, PartyView debtor) {
    return new PaymentView(id, at, amountMinor, "RUB", debtor, creditor("AE"), "SABRRUMM", "NBADAEAA", false);
  }

  private static List<String> ruleIds(AmlResult r) {
    return r.hits().stream().map(AmlHit::ruleId).toList();
  }

  @Test
  void amountThresholdPerCurrency() {
    AmlEngine e = new AmlEngine(AmlRules.parse(RULES));
    assertThat(ruleIds(e.assess(payment("p1", T0, 99_999_999, debtor("d1"))))).doesNotContain("large-rub");
    AmlResult r = e.assess(payment("p2", T0, 100_000_000, debtor("d2")));
    assertThat(ruleIds(r)).contains("large-rub");
    assertThat(r.hold()).isTrue();
    assertThat(r.hits().get(0).evidence()).contains("1000000.00 RUB");
  }

  @Test
  void velocityCountsAndSumsPerSubjectWithinTheWindow() {
    AmlEngine e = new AmlEngine(AmlRules.parse(RULES));
    for (int i = 0; i < 3; i++) {
      assertThat(ruleIds(e.assess(payment("p" + i, T0.plusSeconds(i * 60L), 1_000_00, debtor("d1"))))).doesNotContain("count-1h");
    }
    AmlResult fourth = e.assess(payment("p3", T0.plusSeconds(200), 1_000_00, debtor("d1")));
    assertThat(ruleIds(fourth)).contains("count-1h");
    assertThat(fourth.hold()).as("velocity count is a flag rule").isFalse();
    // Another debtor has its own window; the first debtor's window expires after an hour.
    assertThat(ruleIds(e.assess(payment("p4", T0.plusSeconds(300), 1_000_00, debtor("d2"))))).doesNotContain("count-1h");
    assertThat(ruleIds(e.assess(payment("p5", T0.plusSeconds(2 * 3600), 1_000_00, debtor("d1"))))).doesNotContain("count-1h");

    AmlEngine amounts = new AmlEngine(AmlRules.parse(RULES));
    assertThat(ruleIds(amounts.assess(payment("a1", T0, 90_000_000, debtor("x"))))).doesNotContain("amount-24h");
    AmlResult over = amounts.assess(payment("a2", T0.plusSeconds(3600), 70_000_000, debtor("y")));
    assertThat(ruleIds(over)).as("same account, another debtor id").contains("amount-24h");
    assertThat(over.hold()).isTrue();
  }

  @Test
  void structuringIsSeveralPaymentsJustUnderTheThreshold() {
    AmlEngine e = new AmlEngine(AmlRules.parse(RULES));
    assertThat(ruleIds(e.assess(payment("s1", T0, 59_000_000, debtor("d1"))))).doesNotContain("structuring");
    assertThat(ruleIds(e.assess(payment("s2", T0.plusSeconds(600), 30_000_000, debtor("d1"))))).doesNotContain("structuring");
    assertThat(ruleIds(e.assess(payment("s3", T0.plusSeconds(1200), 58_500_000, debtor("d1"))))).doesNotContain("structuring");
    AmlResult third = e.assess(payment("s4", T0.plusSeconds(1800), 59_999_999, debtor("d1")));
    assertThat(ruleIds(third)).contains("structuring");
    assertThat(third.hits().stream().filter(h -> h.ruleId().equals("structuring")).findFirst().orElseThrow().evidence())
        .contains("3 payments", "540000.00", "599999.99");
  }

  @Test
  void highRiskJurisdictionsOfPartiesAndAgents() {
    AmlEngine e = new AmlEngine(AmlRules.parse(RULES));
    AmlResult r = e.assess(new PaymentView("h1", T0, 1_000_00, "RUB", debtor("d1"), creditor("IR"), "SABRRUMM", "BMJIIRTH", false));
    AmlHit hit = r.hits().stream().filter(h -> h.type() == AmlRuleType.HIGH_RISK_JURISDICTION).findFirst().orElseThrow();
    assertThat(hit.action()).isEqualTo(AmlAction.HOLD);
    assertThat(hit.evidence()).contains("creditor in IR", "creditor agent BMJIIRTH in IR");
    AmlResult grey = e.assess(new PaymentView("h2", T0, 1_000_00, "RUB", debtor("d1"), creditor("SY"), "SABRRUMM", null, false));
    assertThat(grey.hits()).anySatisfy(h -> {
      assertThat(h.ruleId()).isEqualTo("fatf-increased-monitoring");
      assertThat(h.action()).isEqualTo(AmlAction.FLAG);
    });
  }

  @Test
  void fatfRecommendation16Completeness() {
    AmlEngine e = new AmlEngine(AmlRules.parse(RULES));
    PartyView bare = new PartyView("d9", "Ivan Petrov", "40702810900000000009", "RU", null, null, null, null, null);
    PartyView noAccount = PartyView.of("c9", "Parsian Trading", null, "AE");
    AmlResult small = e.assess(new PaymentView("r1", T0, 5_000_00, "RUB", bare, noAccount, null, null, true));
    assertThat(small.hits()).singleElement().satisfies(h -> {
      assertThat(h.type()).isEqualTo(AmlRuleType.FATF_R16);
      assertThat(h.evidence()).contains("creditor account").doesNotContain("debtor address");
    });
    AmlResult large = e.assess(new PaymentView("r2", T0, 20_000_000, "RUB", bare, creditor("AE"), null, null, true));
    assertThat(large.hits()).anySatisfy(h -> assertThat(h.evidence()).contains("debtor address, national id"));
    PartyView born = new PartyView("d8", "Ivan Petrov", "4070", "RU", null, null, null, LocalDate.of(1970, 1, 1), "Tula");
    assertThat(e.assess(new PaymentView("r3", T0, 20_000_000, "RUB", born, creditor("AE"), null, null, true)).clear()).isTrue();
    assertThat(e.assess(new PaymentView("r4", T0, 5_000_00, "RUB", bare, noAccount, null, null, false)).clear())
        .as("domestic payments are outside crossBorderOnly R16").isTrue();
  }

  @Test
  void stateIsBoundedByMaxTrackedKeys() {
    AmlEngine e = new AmlEngine(AmlRules.parse(RULES));
    for (int i = 0; i < 10; i++) {
      e.assess(payment("k" + i, T0.plusSeconds(i), 1_000_00, new PartyView("debtor-" + i, "N", "acc-" + i, "RU", "a", null, null, null, null)));
    }
    // Two window rules per payment (count by debtor, amount by account), 3 subjects each at most.
    assertThat(e.trackedKeys()).isEqualTo(6);
    assertThat(e.evictions()).isEqualTo(14);
  }

  @Test
  void rulesAreValidatedWithClearMessages() {
    assertThatThrownBy(() -> AmlRules.parse("amountThresholds:\n  - {id: x, currency: RUB, amountMinor: 10.5}"))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> AmlRules.parse("velocity:\n  - {id: v, subject: payer, windowSeconds: 60, maxCount: 1}"))
        .hasMessageContaining("subject must be");
    assertThatThrownBy(() -> AmlRules.parse("highRiskJurisdictions:\n  callForAction: [Iran]")).hasMessageContaining("ISO 3166");
    assertThatThrownBy(() -> AmlRules.parse("amountThresholds:\n  - {id: a, currency: RUB, amountMinor: 1}\n"
        + "  - {id: a, currency: IRR, amountMinor: 1}")).hasMessageContaining("used twice");
    assertThatThrownBy(() -> AmlRules.parse("velocityy: []")).hasMessageContaining("unknown field");
    AmlRules example = AmlRules.example();
    assertThat(example.highRisk().callForAction()).contains("KP", "IR", "MM");
    assertThat(example.r16().enabled()).isTrue();
  }
}

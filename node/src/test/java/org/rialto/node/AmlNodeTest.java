package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.A;
import static org.rialto.node.Participants.B;
import static org.rialto.node.Participants.RU_CB;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.config.NodeConfig;

/** AML/CFT rules in a node's payment flow, through its real HTTP API on a SQLite store. */
class AmlNodeTest {
  /** A participant whose BIC places it in a FATF call-for-action jurisdiction. */
  static final String K = "KKKKKPPY";

  static final String RULES = """
      amountThresholds:
        - { id: large-rub, currency: RUB, amountMinor: 100000, action: hold }
      structuring:
        - { id: under-1000-rub, subject: debtor, currency: RUB, thresholdMinor: 100000, marginPercent: 10,
            minCount: 3, windowSeconds: 86400, action: hold }
      velocity:
        - { id: busy-agent, subject: debtorAgent, windowSeconds: 3600, maxCount: 50, action: flag }
      highRiskJurisdictions: { callForAction: [KP], increasedMonitoring: [] }
      r16: { enabled: true, crossBorderOnly: false, action: %s }
      """;

  @TempDir Path dir;
  Node node;
  Http http;
  TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z"));

  NodeConfig config(String r16Action) throws Exception {
    Path rules = dir.resolve("aml-" + r16Action + ".yaml");
    Files.writeString(rules, RULES.formatted(r16Action));
    return new NodeConfig("RU-AML", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", 0), new NodeConfig.StoreConfig(dir.resolve("node.db").toString()), null,
        List.of(
            new NodeConfig.ParticipantConfig(RU_CB, "Central Bank", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(A, "Bank A", "RU", "0", "100000.00"),
            new NodeConfig.ParticipantConfig(B, "Bank B", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(K, "Bank K", "KP", "0", "0")),
        List.of(), List.of(), null, null, null, new NodeConfig.AmlConfig(rules.toString(), null)).withOperators(TestOperators.all())
        .withSecurity(TestPki.security("RU-AML"));
  }

  void start(String r16Action) throws Exception {
    node = Node.start(config(r16Action), clock);
    http = new Http(node.port(), "RU-AML");
    sessions.clear(); // a restarted node listens for operators on a new port
  }

  @AfterEach
  void stop() throws Exception {
    if (http != null) http.close();
    if (node != null) node.close();
  }

  Http.Response pay(String uetr, String debtor, String creditor, String amount, String debtorName) throws Exception {
    String d = debtorName == null ? "" : "\"debtor\":{\"name\":\"" + debtorName + "\"},";
    return http.post(debtor, "/v1/payments", "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + debtor
        + "\",\"creditorAgent\":\"" + creditor + "\",\"amount\":\"" + amount + "\",\"currency\":\"RUB\"," + d
        + "\"creditor\":{\"name\":\"Kazan Grid JSC\"}}");
  }

  static String state(Http.Response r) {
    return r.body().get("payments").get(0).get("state").asText();
  }

  String balance(String bic) throws Exception {
    return http.get(bic, "/v1/accounts/" + bic).body().get("balance").asText();
  }

  final java.util.Map<String, Http> sessions = new java.util.HashMap<>();

  /** A signed-in operator's session on the operator listener (one per operator per test). */
  Http as(String name) throws Exception {
    Http h = sessions.get(name);
    if (h == null) {
      h = Http.operator(node.operatorPort(), name);
      sessions.put(name, h);
    }
    return h;
  }

  Http.Response operator(String name, String path, String body) throws Exception {
    return as(name).post(null, path, body);
  }

  String caseOf(String uetr) throws Exception {
    for (var c : as(TestOperators.VIEWER).get(null, "/v1/admin/cases?status=all").body()) {
      if (c.get("uetr").asText().equals(uetr)) return c.toString();
    }
    throw new AssertionError("no case for " + uetr);
  }

  @Test
  void aThresholdHitIsHeldWithItsEvidenceUntilTwoOperatorsReleaseIt() throws Exception {
    start("reject");
    String big = UUID.randomUUID().toString();
    assertThat(state(pay(big, A, B, "1500.00", "Volga Energy LLC"))).isEqualTo("HELD");
    // Nothing moved while held.
    assertThat(balance(A)).isEqualTo("100000.00");
    assertThat(balance(B)).isEqualTo("0.00");
    String c = caseOf(big);
    assertThat(c).contains("large-rub").contains("1500.00 RUB").contains("1000.00 RUB").contains("AML rules sha256:");
    assertThat(operator(TestOperators.OPERATOR, "/v1/admin/cases/" + big + "/release", "{\"reason\":\"known importer, contract 17\"}")
        .body().get("status").asText()).isEqualTo("awaiting-second-operator");
    assertThat(operator(TestOperators.OPERATOR, "/v1/admin/cases/" + big + "/release", "{\"reason\":\"again\"}").status()).isEqualTo(422);
    assertThat(balance(B)).isEqualTo("0.00");
    assertThat(operator(TestOperators.SUPERVISOR, "/v1/admin/cases/" + big + "/release", "{\"reason\":\"checked the contract\"}")
        .body().get("status").asText()).isEqualTo("released");
    assertThat(http.get(A, "/v1/payments/" + big).body().get("state").asText()).isEqualTo("SETTLED");
    assertThat(balance(B)).isEqualTo("1500.00");
    assertThat(caseOf(big)).contains("RELEASED").contains(TestOperators.OPERATOR).contains(TestOperators.SUPERVISOR);
    assertThat(as(TestOperators.VIEWER).get(null, "/v1/admin/payments/" + big).raw()).contains("released by " + TestOperators.OPERATOR + " and " + TestOperators.SUPERVISOR);
    // A decided case stays decided.
    assertThat(operator(TestOperators.OPERATOR_2, "/v1/admin/cases/" + big + "/reject", "{\"reason\":\"late\"}").status()).isEqualTo(422);
  }

  @Test
  void structuringAcrossPaymentsIsHeldAndTheHistorySurvivesARestart() throws Exception {
    start("reject");
    assertThat(state(pay(UUID.randomUUID().toString(), A, B, "950.00", "Ivan Petrov"))).isEqualTo("SETTLED");
    assertThat(state(pay(UUID.randomUUID().toString(), A, B, "960.00", "Ivan  PETROV"))).isEqualTo("SETTLED");
    // Another debtor at the same bank is counted apart.
    assertThat(state(pay(UUID.randomUUID().toString(), A, B, "970.00", "Anna Sidorova"))).isEqualTo("SETTLED");
    node.close();
    node = null;
    clock.advanceMillis(30 * 60_000L);
    start("reject");
    String third = UUID.randomUUID().toString();
    assertThat(state(pay(third, A, B, "990.00", "Ivan Petrov"))).isEqualTo("HELD");
    assertThat(caseOf(third)).contains("under-1000-rub").contains("3 payments").contains("2900.00");
    assertThat(balance(B)).isEqualTo("2880.00");
    // Rejected by one operator with a regulatory reason: final, nothing moved.
    assertThat(operator(TestOperators.OPERATOR_2, "/v1/admin/cases/" + third + "/reject", "{\"reasonCode\":\"RR04\",\"reason\":\"structuring\"}")
        .status()).isEqualTo(200);
    var p = http.get(A, "/v1/payments/" + third).body();
    assertThat(p.get("state").asText()).isEqualTo("REJECTED");
    assertThat(p.get("reasonCode").asText()).isEqualTo("RR04");
    assertThat(balance(B)).isEqualTo("2880.00");
    assertThat(operator(TestOperators.SUPERVISOR_2, "/v1/admin/cases/" + third + "/release", "{\"reason\":\"x\"}").status()).isEqualTo(422);
  }

  @Test
  void highRiskJurisdictionIsHeldAndR16IncompleteIsRejectedOrHeldPerConfig() throws Exception {
    start("reject");
    String toKp = UUID.randomUUID().toString();
    assertThat(state(pay(toKp, A, K, "10.00", "Volga Energy LLC"))).isEqualTo("HELD");
    assertThat(caseOf(toKp)).contains("fatf-call-for-action").contains("KP");
    assertThat(balance(K)).isEqualTo("0.00");

    String nameless = UUID.randomUUID().toString();
    var r = pay(nameless, A, B, "10.00", null);
    assertThat(state(r)).isEqualTo("REJECTED");
    assertThat(r.body().get("payments").get(0).get("reasonCode").asText()).isEqualTo("RR02");
    assertThat(as(TestOperators.VIEWER).get(null, "/v1/admin/payments/" + nameless).raw()).contains("FATF Recommendation 16").contains("debtor name");
    assertThat(balance(B)).isEqualTo("0.00");

    node.close();
    node = null;
    start("hold");
    String heldNameless = UUID.randomUUID().toString();
    assertThat(state(pay(heldNameless, A, B, "10.00", null))).isEqualTo("HELD");
    assertThat(caseOf(heldNameless)).contains("fatf-r16").contains("debtor name");
    assertThat(balance(B)).isEqualTo("0.00");
  }
}

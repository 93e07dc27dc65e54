package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.config.NodeConfig;

/**
 * AML rules on the receiving node of a cross-border payment: an incoming payment over its
 * threshold is held there, nothing moves on either node, and two operators of that node release it.
 */
class AmlCrossBorderTest {
  static final String RU_CB = "CBRURUMM";
  static final String VOLGA = "VOLGRUMM";
  static final String IR_CB = "CBIRIRTH";
  static final String TEHRAN = "TEHRIRTH";
  static final String DEALER = "DLRXRUMM";

  @TempDir Path dir;
  TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z"));
  Node ru;
  Node ir;

  static int freePort() throws Exception {
    // Reserves the operator listener's port (bank port + 1) too: see FreePorts.
    return org.rialto.node.config.FreePorts.bankAndOperator();
  }

  @AfterEach
  void stop() throws Exception {
    if (ru != null) ru.close();
    if (ir != null) ir.close();
  }

  @Test
  void anIncomingPaymentOverTheThresholdIsHeldOnTheReceivingNodeUntilTwoOperatorsReleaseIt() throws Exception {
    int ruPort = freePort();
    int irPort = freePort();
    var irRules = Http.JSON.readTree("{\"amountThresholds\":[{\"id\":\"large-irr\",\"currency\":\"IRR\","
        + "\"amountMinor\":500000,\"action\":\"hold\"}]}");
    ru = Node.start(new NodeConfig("RU-NODE", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", ruPort), new NodeConfig.StoreConfig(dir.resolve("ru.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(RU_CB, "Central Bank RU", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(VOLGA, "Volga Bank", "RU", "0", "1000000.00"),
            new NodeConfig.ParticipantConfig(DEALER, "Dealer Bank", "RU", "0", "0")),
        List.of(new NodeConfig.PeerConfig("IR-NODE", "https://127.0.0.1:" + irPort, new NodeConfig.CurrencyConfig("IRR", 0), List.of("IR"))),
        List.of(DEALER), 5, null, null).withSecurity(TestPki.security("RU-NODE", "IR-NODE")), clock);
    ir = Node.start(new NodeConfig("IR-NODE", new NodeConfig.CurrencyConfig("IRR", 0), IR_CB,
        new NodeConfig.ListenConfig("127.0.0.1", irPort), new NodeConfig.StoreConfig(dir.resolve("ir.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(IR_CB, "Central Bank IR", "IR", "0", "0"),
            new NodeConfig.ParticipantConfig(TEHRAN, "Tehran Bank", "IR", "0", "0"),
            new NodeConfig.ParticipantConfig(DEALER, "Dealer Bank", "RU", "0", "100000000")),
        List.of(new NodeConfig.PeerConfig("RU-NODE", "https://127.0.0.1:" + ruPort, new NodeConfig.CurrencyConfig("RUB", 2), List.of("RU"))),
        List.of(DEALER), 5, null, null, new NodeConfig.AmlConfig(null, irRules)).withOperators(TestOperators.all())
        .withSecurity(TestPki.security("IR-NODE", "RU-NODE")), clock);
    var ruHttp = new Http(ru.port(), "RU-NODE");
    var irHttp = new Http(ir.port(), "IR-NODE");
    assertThat(ruHttp.post(DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}").status()).isEqualTo(201);
    String quoteId = ruHttp.post(VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"1000.00\"}")
        .body().get("quotes").get(0).get("quoteId").asText();
    String uetr = UUID.randomUUID().toString();
    ruHttp.post(VOLGA, "/v1/payments", "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + VOLGA + "\",\"creditorAgent\":\""
        + TEHRAN + "\",\"amount\":\"1000.00\",\"currency\":\"RUB\",\"quoteId\":\"" + quoteId
        + "\",\"debtor\":{\"name\":\"Volga Energy\"},\"creditor\":{\"name\":\"Tehran Power Plant\"}}");
    long deadline = System.currentTimeMillis() + 20_000;
    while (!"HELD".equals(stateOn(irHttp, TEHRAN, uetr)) && System.currentTimeMillis() < deadline) Thread.sleep(25);
    assertThat(stateOn(irHttp, TEHRAN, uetr)).isEqualTo("HELD");
    var viewer = Http.operator(ir.operatorPort(), TestOperators.VIEWER);
    assertThat(viewer.get(null, "/v1/admin/cases").raw()).contains(uetr).contains("large-irr").contains("520500");
    // Held on the receiving node: leg 2 not posted, leg 1 only reserved, the sender still waits.
    assertThat(irHttp.get(TEHRAN, "/v1/accounts/" + TEHRAN).body().get("balance").asText()).isEqualTo("0");
    assertThat(stateOn(ruHttp, VOLGA, uetr)).isIn("RECEIVED", "HELD");

    String release = "/v1/admin/cases/" + uetr + "/release";
    String why = "{\"reason\":\"contract checked\"}";
    assertThat(Http.operator(ir.operatorPort(), TestOperators.OPERATOR).post(null, release, why).body().get("status").asText())
        .isEqualTo("awaiting-second-operator");
    assertThat(Http.operator(ir.operatorPort(), TestOperators.SUPERVISOR).post(null, release, why).body().get("status").asText())
        .isEqualTo("released");
    assertThat(stateOn(irHttp, TEHRAN, uetr)).isEqualTo("SETTLED");
    assertThat(irHttp.get(TEHRAN, "/v1/accounts/" + TEHRAN).body().get("balance").asText()).isEqualTo("520500");
    deadline = System.currentTimeMillis() + 20_000;
    while (!"SETTLED".equals(stateOn(ruHttp, VOLGA, uetr)) && System.currentTimeMillis() < deadline) Thread.sleep(25);
    assertThat(stateOn(ruHttp, VOLGA, uetr)).isEqualTo("SETTLED");
  }

  static String stateOn(Http http, String bic, String uetr) throws Exception {
    var r = http.get(bic, "/v1/payments/" + uetr);
    return r.status() == 200 ? r.body().get("state").asText() : "ABSENT";
  }
}

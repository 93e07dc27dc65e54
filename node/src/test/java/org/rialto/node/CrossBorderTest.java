package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.DEALER;
import static org.rialto.node.Participants.IR_CB;
import static org.rialto.node.Participants.RU_CB;
import static org.rialto.node.Participants.TEHRAN;
import static org.rialto.node.Participants.VOLGA;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.config.NodeConfig;

/**
 * RUB → IRR through an FX provider holding accounts on both nodes, two real nodes over HTTP on
 * loopback, each on its own SQLite store: both legs settle or neither does.
 */
class CrossBorderTest {
  @TempDir Path dir;
  TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z"));
  Node ru;
  Node ir;
  Http ruHttp;
  Http irHttp;
  int ruPort;
  int irPort;

  static int freePort() throws Exception {
    // Reserves the operator listener's port (bank port + 1) too: see FreePorts.
    return org.rialto.node.config.FreePorts.bankAndOperator();
  }

  NodeConfig ruConfig() {
    return new NodeConfig("RU-NODE", new NodeConfig.CurrencyConfig("RUB", 2), RU_CB,
        new NodeConfig.ListenConfig("127.0.0.1", ruPort), new NodeConfig.StoreConfig(dir.resolve("ru.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(RU_CB, "Central Bank RU", "RU", "0", "0"),
            new NodeConfig.ParticipantConfig(VOLGA, "Volga Bank", "RU", "0", "1000000.00"),
            new NodeConfig.ParticipantConfig(DEALER, "Dealer Bank", "RU", "0", "0")),
        List.of(new NodeConfig.PeerConfig("IR-NODE", "https://127.0.0.1:" + irPort, new NodeConfig.CurrencyConfig("IRR", 0), List.of("IR"))),
        List.of(DEALER), 5, null, null).withSecurity(TestPki.security("RU-NODE", "IR-NODE"));
  }

  NodeConfig irConfig() {
    return new NodeConfig("IR-NODE", new NodeConfig.CurrencyConfig("IRR", 0), IR_CB,
        new NodeConfig.ListenConfig("127.0.0.1", irPort), new NodeConfig.StoreConfig(dir.resolve("ir.db").toString()), null,
        List.of(new NodeConfig.ParticipantConfig(IR_CB, "Central Bank IR", "IR", "0", "0"),
            new NodeConfig.ParticipantConfig(TEHRAN, "Tehran Bank", "IR", "0", "0"),
            new NodeConfig.ParticipantConfig(DEALER, "Dealer Bank", "RU", "0", "100000000")),
        List.of(new NodeConfig.PeerConfig("RU-NODE", "https://127.0.0.1:" + ruPort, new NodeConfig.CurrencyConfig("RUB", 2), List.of("RU"))),
        List.of(DEALER), 5, null, null).withSecurity(TestPki.security("IR-NODE", "RU-NODE"));
  }

  @BeforeEach
  void start() throws Exception {
    ruPort = freePort();
    irPort = freePort();
    ru = Node.start(ruConfig(), clock);
    ir = Node.start(irConfig(), clock);
    ruHttp = new Http(ru.port(), "RU-NODE");
    irHttp = new Http(ir.port(), "IR-NODE");
    var rate = ruHttp.post(DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}");
    assertThat(rate.status()).as(rate.raw()).isEqualTo(201);
  }

  @AfterEach
  void stop() throws Exception {
    if (ru != null) ru.close();
    if (ir != null) ir.close();
  }

  String quote(String sourceAmount) throws Exception {
    var r = ruHttp.post(VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"" + sourceAmount + "\"}");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("quotes").get(0).get("quoteId").asText();
  }

  Http.Response pay(String uetr, String amount, String quoteId) throws Exception {
    return ruHttp.post(VOLGA, "/v1/payments", "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + VOLGA
        + "\",\"creditorAgent\":\"" + TEHRAN + "\",\"amount\":\"" + amount + "\",\"currency\":\"RUB\",\"quoteId\":\""
        + quoteId + "\",\"debtor\":{\"name\":\"Volga Energy\"},\"creditor\":{\"name\":\"Tehran Power Plant\"}}");
  }

  String stateOn(Http http, String bic, String uetr) throws Exception {
    var r = http.get(bic, "/v1/payments/" + uetr);
    return r.status() == 200 ? r.body().get("state").asText() : "ABSENT";
  }

  String awaitFinal(String uetr, long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    String s = stateOn(ruHttp, VOLGA, uetr);
    while (!(s.equals("SETTLED") || s.equals("REJECTED")) && System.currentTimeMillis() < deadline) {
      Thread.sleep(25);
      s = stateOn(ruHttp, VOLGA, uetr);
    }
    return s;
  }

  String balance(Http http, String bic) throws Exception {
    return http.get(bic, "/v1/accounts/" + bic).body().get("balance").asText();
  }

  @Test
  void settlesBothLegsAtTheQuotedAmounts() throws Exception {
    var q = ruHttp.post(VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"1000.00\"}").body().get("quotes").get(0);
    assertThat(q.get("targetAmount").asText()).isEqualTo("520500");
    String uetr = UUID.randomUUID().toString();
    var r = pay(uetr, "1000.00", q.get("quoteId").asText());
    assertThat(r.body().get("payments").get(0).get("state").asText()).isIn("RECEIVED", "SETTLED");
    assertThat(awaitFinal(uetr, 10_000)).isEqualTo("SETTLED");
    assertThat(stateOn(irHttp, TEHRAN, uetr)).isEqualTo("SETTLED");
    assertThat(balance(ruHttp, VOLGA)).isEqualTo("999000.00");
    assertThat(balance(ruHttp, DEALER)).isEqualTo("1000.00");
    assertThat(balance(irHttp, DEALER)).isEqualTo("99479500");
    assertThat(balance(irHttp, TEHRAN)).isEqualTo("520500");
    // Positions: the provider sees its own, the central bank every provider's, a bank none.
    assertThat(ruHttp.get(DEALER, "/v1/fx/positions").body().toString()).contains("\"bought\":\"1000.00\"").contains("520500");
    assertThat(ruHttp.get(RU_CB, "/v1/fx/positions").body().get("positions")).hasSize(1);
    assertThat(ruHttp.get(VOLGA, "/v1/fx/positions").body().get("positions")).isEmpty();
    // A quote serves one payment.
    var again = pay(UUID.randomUUID().toString(), "1000.00", q.get("quoteId").asText());
    assertThat(again.body().get("payments").get(0).get("reasonCode").asText()).isEqualTo("DUPL");
  }

  @Test
  void expiredQuoteIsRejectedAndNothingMoves() throws Exception {
    String quoteId = quote("10.00");
    clock.advanceMillis(600_000);
    String uetr = UUID.randomUUID().toString();
    var r = pay(uetr, "10.00", quoteId);
    assertThat(r.body().get("payments").get(0).get("state").asText()).isEqualTo("REJECTED");
    assertThat(r.body().get("payments").get(0).get("reasonCode").asText()).isEqualTo("AB03");
    assertThat(balance(ruHttp, VOLGA)).isEqualTo("1000000.00");
    assertThat(stateOn(irHttp, TEHRAN, uetr)).isEqualTo("ABSENT");
  }

  @Test
  void fxProviderWithoutLiquidityOnTheReceivingNodeMeansNeitherLegSettles() throws Exception {
    // 999,000 RUB at 520.5 is far more IRR than the dealer holds on the IR node.
    String uetr = UUID.randomUUID().toString();
    pay(uetr, "999000.00", quote("999000.00"));
    assertThat(awaitFinal(uetr, 10_000)).isEqualTo("REJECTED");
    assertThat(ruHttp.get(VOLGA, "/v1/payments/" + uetr).body().get("reasonCode").asText()).isEqualTo("AM04");
    assertThat(stateOn(irHttp, TEHRAN, uetr)).isEqualTo("REJECTED");
    assertThat(balance(ruHttp, VOLGA)).isEqualTo("1000000.00");
    assertThat(ruHttp.get(VOLGA, "/v1/accounts/" + VOLGA).body().get("reserved").asText()).isEqualTo("0.00");
    assertThat(balance(irHttp, DEALER)).isEqualTo("100000000");
  }

  @Test
  void receivingNodeDownThenBackCatchesUpAndSettles() throws Exception {
    ir.close();
    ir = null;
    String uetr = UUID.randomUUID().toString();
    pay(uetr, "20.00", quote("20.00"));
    Thread.sleep(300);
    assertThat(stateOn(ruHttp, VOLGA, uetr)).isEqualTo("RECEIVED");
    assertThat(ruHttp.get(VOLGA, "/v1/accounts/" + VOLGA).body().get("reserved").asText()).isEqualTo("20.00");
    ir = Node.start(irConfig(), clock);
    irHttp = new Http(ir.port(), "IR-NODE");
    assertThat(awaitFinal(uetr, 15_000)).isEqualTo("SETTLED");
    assertThat(stateOn(irHttp, TEHRAN, uetr)).isEqualTo("SETTLED");
    assertThat(balance(irHttp, TEHRAN)).isEqualTo("10410");
  }

  @Test
  void receivingNodeBackAfterTheDecisionWindowRejectsAndTheReservationIsReleased() throws Exception {
    ir.close();
    ir = null;
    String uetr = UUID.randomUUID().toString();
    pay(uetr, "30.00", quote("30.00"));
    clock.advanceMillis(6_000); // past the 5 s decision window
    ir = Node.start(irConfig(), clock);
    irHttp = new Http(ir.port(), "IR-NODE");
    assertThat(awaitFinal(uetr, 15_000)).isEqualTo("REJECTED");
    assertThat(ruHttp.get(VOLGA, "/v1/payments/" + uetr).body().get("reasonCode").asText()).isEqualTo("AB05");
    assertThat(stateOn(irHttp, TEHRAN, uetr)).isEqualTo("REJECTED");
    assertThat(balance(ruHttp, VOLGA)).isEqualTo("1000000.00");
    assertThat(balance(irHttp, TEHRAN)).isEqualTo("0");
  }

  @Test
  void sendingNodeRestartKeepsQuotesAndInFlightPayments() throws Exception {
    String quoteId = quote("40.00");
    ru.close();
    ru = Node.start(ruConfig(), clock);
    ruHttp = new Http(ru.port(), "RU-NODE");
    String uetr = UUID.randomUUID().toString();
    pay(uetr, "40.00", quoteId);
    assertThat(awaitFinal(uetr, 10_000)).isEqualTo("SETTLED");
    assertThat(balance(irHttp, TEHRAN)).isEqualTo("20820");
  }
}

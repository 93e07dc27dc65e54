package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.DEALER;
import static org.rialto.node.Participants.IR_CB;
import static org.rialto.node.Participants.RU_CB;
import static org.rialto.node.Participants.TEHRAN;
import static org.rialto.node.Participants.VOLGA;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, network partition, with real node processes: while the receiving node cannot be
 * reached, cross-border payments stay RECEIVED with leg 1 reserved (also across a kill -9 of the
 * sending node); when it is back they settle. Once the decision window has passed the receiving
 * node rejects (AB05) and the reservation is released. Nothing is decided by the sending node
 * alone.
 */
class PartitionTest {
  static final long VOLGA_OPENING_MINOR = 1_000_000_00L;
  static final long DEALER_IRR = 100_000_000L;

  @TempDir Path dir;
  int ruPort;
  int irPort;
  Path ruConfig;
  Path irConfig;
  NodeProcess ru;
  NodeProcess ir;
  Http ruHttp;
  Http irHttp;

  @AfterEach
  void tearDown() throws Exception {
    if (ru != null) ru.close();
    if (ir != null) ir.close();
  }

  static int freePort() throws Exception {
    // Reserves the operator listener's port (bank port + 1) too: see FreePorts.
    return org.rialto.node.config.FreePorts.bankAndOperator();
  }

  void writeRuConfig(int decisionWindowSeconds, int quoteValiditySeconds) throws Exception {
    Files.writeString(ruConfig, NodeYaml.config("RU-NODE", "RUB", 2, RU_CB, ruPort, dir.resolve("ru.db"),
        List.of(new NodeYaml.Participant(RU_CB, "Central Bank RU", "RU", "0"),
            new NodeYaml.Participant(VOLGA, "Volga Bank", "RU", "1000000.00"),
            new NodeYaml.Participant(DEALER, "Dealer Bank", "RU", "0")),
        List.of(new NodeYaml.Peer("IR-NODE", irPort, "IRR", 0, List.of("IR"))), List.of(DEALER), decisionWindowSeconds,
        quoteValiditySeconds));
  }

  @Test
  void paymentsWaitReservedWhileThePeerIsUnreachableAndAreDecidedOnlyByIt() throws Exception {
    ruPort = freePort();
    irPort = freePort();
    ruConfig = dir.resolve("ru.yaml");
    irConfig = dir.resolve("ir.yaml");
    writeRuConfig(600, 0);
    Files.writeString(irConfig, NodeYaml.config("IR-NODE", "IRR", 0, IR_CB, irPort, dir.resolve("ir.db"),
        List.of(new NodeYaml.Participant(IR_CB, "Central Bank IR", "IR", "0"),
            new NodeYaml.Participant(TEHRAN, "Tehran Bank", "IR", "0"),
            new NodeYaml.Participant(DEALER, "Dealer Bank", "RU", Long.toString(DEALER_IRR))),
        List.of(new NodeYaml.Peer("RU-NODE", ruPort, "RUB", 2, List.of("RU"))), List.of(DEALER), 30));
    var pool = Executors.newFixedThreadPool(2);
    var ruStart = pool.submit(() -> NodeProcess.start(ruConfig, dir.resolve("ru.log")));
    var irStart = pool.submit(() -> NodeProcess.start(irConfig, dir.resolve("ir.log")));
    ru = ruStart.get();
    ir = irStart.get();
    pool.shutdown();
    ruHttp = new Http(ruPort, "RU-NODE");
    irHttp = new Http(irPort, "IR-NODE");
    var rate = ruHttp.post(DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}");
    assertThat(rate.status()).as(rate.raw()).isEqualTo(201);

    // 1. The receiving node is unreachable: payments are accepted, reserved, and wait.
    ir.kill();
    var waiting = pay(10, "12.34");
    long reservedMinor = 10 * 12_34;
    for (String uetr : waiting.keySet()) assertThat(state(ruHttp, VOLGA, uetr)).isEqualTo("RECEIVED");
    assertThat(account(ruHttp, VOLGA).get("reserved").asText()).isEqualTo(amount(reservedMinor));
    // The sending node is killed during the partition too: the reservations and the forwarding
    // duty come back with it from its store.
    ru.kill();
    ru = NodeProcess.start(ruConfig, dir.resolve("ru.log"));
    Thread.sleep(1_000);
    for (String uetr : waiting.keySet()) assertThat(state(ruHttp, VOLGA, uetr)).isEqualTo("RECEIVED");
    var volga = account(ruHttp, VOLGA);
    assertThat(volga.get("reserved").asText()).isEqualTo(amount(reservedMinor));
    assertThat(volga.get("balance").asText()).isEqualTo(amount(VOLGA_OPENING_MINOR));
    assertThat(finalStatuses(VOLGA).keySet()).doesNotContainAnyElementsOf(waiting.keySet());

    // The partition heals: every payment settles on both sides at the quoted amount.
    ir = NodeProcess.start(irConfig, dir.resolve("ir.log"));
    long settledIrr = 0;
    for (var e : waiting.entrySet()) {
      assertThat(awaitFinal(e.getKey())).isEqualTo("SETTLED");
      assertThat(state(irHttp, TEHRAN, e.getKey())).isEqualTo("SETTLED");
      settledIrr += e.getValue();
    }
    volga = account(ruHttp, VOLGA);
    assertThat(volga.get("reserved").asText()).isEqualTo("0.00");
    assertThat(volga.get("balance").asText()).isEqualTo(amount(VOLGA_OPENING_MINOR - reservedMinor));
    assertThat(account(irHttp, TEHRAN).get("balance").asText()).isEqualTo(Long.toString(settledIrr));
    var told = finalStatuses(VOLGA);
    for (String uetr : waiting.keySet()) assertThat(told.get(uetr)).isEqualTo("ACSC");

    // 2. A short decision window and short quotes (restart with a new configuration on the same
    // store): the receiving node comes back after the window has passed and must reject; leg 1
    // is voided. A quote used after its expiry is refused before anything is reserved.
    ru.stop();
    writeRuConfig(2, 3);
    ru = NodeProcess.start(ruConfig, dir.resolve("ru.log"));
    var stale = ruHttp.post(VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"5.00\"}").body()
        .get("quotes").get(0).get("quoteId").asText();
    long staleQuotedAt = System.currentTimeMillis();
    ir.kill();
    long sentAt = System.currentTimeMillis();
    var late = pay(5, "7.00");
    assertThat(account(ruHttp, VOLGA).get("reserved").asText()).isEqualTo(amount(5 * 7_00));
    Thread.sleep(Math.max(0, sentAt + 2_500 - System.currentTimeMillis()));
    ir = NodeProcess.start(irConfig, dir.resolve("ir.log"));
    for (String uetr : late.keySet()) {
      assertThat(awaitFinal(uetr)).isEqualTo("REJECTED");
      assertThat(ruHttp.get(VOLGA, "/v1/payments/" + uetr).body().get("reasonCode").asText()).isEqualTo("AB05");
      assertThat(state(irHttp, TEHRAN, uetr)).isEqualTo("REJECTED");
    }
    volga = account(ruHttp, VOLGA);
    assertThat(volga.get("reserved").asText()).isEqualTo("0.00");
    assertThat(volga.get("balance").asText()).isEqualTo(amount(VOLGA_OPENING_MINOR - reservedMinor));
    assertThat(account(irHttp, TEHRAN).get("balance").asText()).isEqualTo(Long.toString(settledIrr));
    assertThat(account(irHttp, DEALER).get("balance").asText()).isEqualTo(Long.toString(DEALER_IRR - settledIrr));
    told = finalStatuses(VOLGA);
    for (String uetr : late.keySet()) assertThat(told.get(uetr)).isEqualTo("RJCT:AB05");
    Thread.sleep(Math.max(0, staleQuotedAt + 3_500 - System.currentTimeMillis()));
    String staleUetr = UUID.randomUUID().toString();
    var refused = ruHttp.post(VOLGA, "/v1/payments", "{\"uetr\":\"" + staleUetr + "\",\"debtorAgent\":\"" + VOLGA
        + "\",\"creditorAgent\":\"" + TEHRAN + "\",\"amount\":\"5.00\",\"currency\":\"RUB\",\"quoteId\":\"" + stale + "\"}");
    assertThat(refused.body().get("payments").get(0).get("state").asText()).as(refused.raw()).isEqualTo("REJECTED");
    assertThat(refused.body().get("payments").get(0).get("reasonCode").asText()).isEqualTo("AB03");
    assertThat(account(ruHttp, VOLGA).get("reserved").asText()).isEqualTo("0.00");
    assertThat(state(irHttp, TEHRAN, staleUetr)).isEqualTo("ABSENT");
    ru.stop();
    ir.stop();
  }

  /** Quotes and pays {@code count} RUB → IRR payments; returns uetr → quoted IRR amount. */
  Map<String, Long> pay(int count, String rub) throws Exception {
    var out = new HashMap<String, Long>();
    for (int i = 0; i < count; i++) {
      var q = ruHttp.post(VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"" + rub + "\"}");
      assertThat(q.status()).as(q.raw()).isEqualTo(200);
      var quote = q.body().get("quotes").get(0);
      String uetr = UUID.randomUUID().toString();
      var r = ruHttp.post(VOLGA, "/v1/payments", "{\"uetr\":\"" + uetr + "\",\"debtorAgent\":\"" + VOLGA
          + "\",\"creditorAgent\":\"" + TEHRAN + "\",\"amount\":\"" + rub + "\",\"currency\":\"RUB\",\"quoteId\":\""
          + quote.get("quoteId").asText() + "\",\"debtor\":{\"name\":\"Volga Energy\"},\"creditor\":{\"name\":\"Tehran Grid\"}}");
      assertThat(r.status()).as(r.raw()).isEqualTo(200);
      assertThat(r.body().get("payments").get(0).get("state").asText()).isEqualTo("RECEIVED");
      out.put(uetr, Long.parseLong(quote.get("targetAmount").asText()));
    }
    return out;
  }

  static String amount(long minor) {
    return BigDecimal.valueOf(minor, 2).toPlainString();
  }

  static String state(Http http, String bic, String uetr) throws Exception {
    var r = http.get(bic, "/v1/payments/" + uetr);
    return r.status() == 200 ? r.body().get("state").asText() : "ABSENT";
  }

  JsonNode account(Http http, String bic) throws Exception {
    var r = http.get(bic, "/v1/accounts/" + bic);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body();
  }

  String awaitFinal(String uetr) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    String s = state(ruHttp, VOLGA, uetr);
    while (!(s.equals("SETTLED") || s.equals("REJECTED")) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
      s = state(ruHttp, VOLGA, uetr);
    }
    return s;
  }

  /** uetr → detail of the pacs.002 messages in the bank's inbox. */
  Map<String, String> finalStatuses(String bank) throws Exception {
    var out = new HashMap<String, String>();
    var all = new ArrayList<JsonNode>();
    long after = 0;
    while (true) {
      var r = ruHttp.get(bank, "/v1/messages?after=" + after + "&limit=1000&xml=false");
      assertThat(r.status()).as(r.raw()).isEqualTo(200);
      var list = r.body().get("messages");
      if (list.isEmpty()) break;
      list.forEach(all::add);
      after = r.body().get("next").asLong();
    }
    for (JsonNode m : all) {
      if (!m.get("kind").asText().equals("pacs.002")) continue;
      assertThat(out.put(m.get("uetr").asText(), m.get("detail").asText())).as("one pacs.002 per payment").isNull();
    }
    return out;
  }
}

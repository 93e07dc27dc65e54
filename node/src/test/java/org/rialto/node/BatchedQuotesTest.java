package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.DEALER;
import static org.rialto.node.Participants.IR_CB;
import static org.rialto.node.Participants.RU_CB;
import static org.rialto.node.Participants.TEHRAN;
import static org.rialto.node.Participants.VOLGA;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rialto.node.config.ConfigLoader;

/** POST /v1/quotes with many requests: one firm quote per payment of a batch, asked for at once. */
class BatchedQuotesTest {
  @TempDir Path dir;
  Node ru;
  Node ir;

  @AfterEach
  void stop() throws Exception {
    if (ru != null) ru.close();
    if (ir != null) ir.close();
  }

  static int freePort() throws Exception {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aBatchOfPaymentsPaysOnABatchOfQuotes() throws Exception {
    int ruPort = freePort();
    int irPort = freePort();
    var clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z"));
    Files.writeString(dir.resolve("ru.yaml"), NodeYaml.config("RU-NODE", "RUB", 2, RU_CB, ruPort, dir.resolve("ru.db"),
        List.of(new NodeYaml.Participant(RU_CB, "Central Bank RU", "RU", "0"),
            new NodeYaml.Participant(VOLGA, "Volga Bank", "RU", "1000.00"),
            new NodeYaml.Participant(DEALER, "Dealer", "RU", "0")),
        List.of(new NodeYaml.Peer("IR-NODE", irPort, "IRR", 0, List.of("IR"))), List.of(DEALER), 30));
    Files.writeString(dir.resolve("ir.yaml"), NodeYaml.config("IR-NODE", "IRR", 0, IR_CB, irPort, dir.resolve("ir.db"),
        List.of(new NodeYaml.Participant(IR_CB, "Central Bank IR", "IR", "0"),
            new NodeYaml.Participant(TEHRAN, "Tehran Bank", "IR", "0"),
            new NodeYaml.Participant(DEALER, "Dealer", "RU", "100000000")),
        List.of(new NodeYaml.Peer("RU-NODE", ruPort, "RUB", 2, List.of("RU"))), List.of(DEALER), 30));
    ru = Node.start(ConfigLoader.load(dir.resolve("ru.yaml")), clock);
    ir = Node.start(ConfigLoader.load(dir.resolve("ir.yaml")), clock);
    var http = new Http(ru.port(), "RU-NODE");
    assertThat(http.post(DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}").status()).isEqualTo(201);

    var answer = http.post(VOLGA, "/v1/quotes", "{\"requests\":[{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"10.00\"},"
        + "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"20.00\"},{\"targetCurrency\":\"IRR\",\"targetAmount\":\"5205\"}]}");
    assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    var results = answer.body().get("results");
    assertThat(results.size()).isEqualTo(3);
    assertThat(results.get(0).get("quotes").get(0).get("targetAmount").asText()).isEqualTo("5205");
    assertThat(results.get(1).get("quotes").get(0).get("targetAmount").asText()).isEqualTo("10410");
    assertThat(results.get(2).get("quotes").get(0).get("sourceAmount").asText()).isEqualTo("10.00");
    var ids = new HashSet<String>();
    results.forEach(r -> ids.add(r.get("quotes").get(0).get("quoteId").asText()));
    assertThat(ids).as("one quote per request").hasSize(3);

    // One message pays all three, each on its own quote.
    var uetrs = new ArrayList<String>();
    var body = new StringBuilder("{\"msgId\":\"BATCH-1\",\"payments\":[");
    for (int i = 0; i < 3; i++) {
      var q = results.get(i).get("quotes").get(0);
      String uetr = UUID.randomUUID().toString();
      uetrs.add(uetr);
      body.append(i == 0 ? "" : ",").append("{\"uetr\":\"").append(uetr).append("\",\"debtorAgent\":\"").append(VOLGA)
          .append("\",\"creditorAgent\":\"").append(TEHRAN).append("\",\"amount\":\"").append(q.get("sourceAmount").asText())
          .append("\",\"currency\":\"RUB\",\"quoteId\":\"").append(q.get("quoteId").asText()).append("\"}");
    }
    var paid = http.post(VOLGA, "/v1/payments", body.append("]}").toString());
    assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
    for (String uetr : uetrs) {
      long deadline = System.currentTimeMillis() + 10_000;
      String state;
      do {
        state = http.get(VOLGA, "/v1/payments/" + uetr).body().get("state").asText();
      } while (!state.equals("SETTLED") && System.currentTimeMillis() < deadline && sleep());
      assertThat(state).isEqualTo("SETTLED");
    }
    assertThat(new Http(ir.port(), "IR-NODE").get(TEHRAN, "/v1/accounts/" + TEHRAN).body().get("balance").asText()).isEqualTo("20820");

    // The inbox with and without the ISO 20022 documents: the same messages, in the same order.
    var full = http.get(VOLGA, "/v1/messages?after=0").body().get("messages");
    var states = http.get(VOLGA, "/v1/messages?after=0&xml=false").body().get("messages");
    assertThat(states.size()).isEqualTo(full.size()).isGreaterThanOrEqualTo(3);
    for (int i = 0; i < full.size(); i++) {
      for (String field : List.of("id", "kind", "uetr", "detail")) {
        assertThat(states.get(i).get(field)).as(field).isEqualTo(full.get(i).get(field));
      }
      assertThat(full.get(i).get("xml").isNull()).isFalse();
      assertThat(states.get(i).get("xml").isNull()).isTrue();
    }
    assertThat(http.get(VOLGA, "/v1/messages?after=0&xml=maybe").status()).isEqualTo(400);

    // A bad request anywhere refuses the whole call, naming which one, and quotes nothing.
    var bad = http.post(VOLGA, "/v1/quotes", "{\"requests\":[{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"1.00\"},"
        + "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"1.001\"}]}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("error").asText()).startsWith("requests[1].");
    assertThat(http.post(VOLGA, "/v1/quotes", "{\"requests\":[]}").status()).isEqualTo(400);
  }

  static boolean sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }
}

package org.rialto.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rialto.node.Participants.DEALER;
import static org.rialto.node.Participants.RU_CB;
import static org.rialto.node.Participants.VOLGA;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structured logs, read from a real node process's output: every log line is one JSON object,
 * every line of the node's own loggers names the node, and every line about a payment (its steps,
 * the peer dispatcher failing to forward it, …) carries its UETR as a field, not only in the text.
 */
class LogLinesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  NodeProcess ru;

  @AfterEach
  void tearDown() throws Exception {
    if (ru != null) ru.close();
  }

  @Test
  void everyLineAboutAPaymentCarriesItsUetrAndTheNode() throws Exception {
    int ruPort = org.rialto.node.config.FreePorts.bankAndOperator();
    // The peer is configured but never started: forwarding fails, and the dispatcher says so.
    int irPort = org.rialto.node.config.FreePorts.bankAndOperator();
    Path config = dir.resolve("ru.yaml");
    Files.writeString(config, NodeYaml.config("RU-NODE", "RUB", 2, RU_CB, ruPort, dir.resolve("ru.db"),
        List.of(new NodeYaml.Participant(RU_CB, "Central Bank RU", "RU", "0"),
            new NodeYaml.Participant(VOLGA, "Volga Bank", "RU", "1000000.00"),
            new NodeYaml.Participant(DEALER, "Dealer Bank", "RU", "0")),
        List.of(new NodeYaml.Peer("IR-NODE", irPort, "IRR", 0, List.of("IR"))), List.of(DEALER), 600));
    Path log = dir.resolve("ru.log");
    ru = NodeProcess.start(config, log, List.of("-Dorg.slf4j.simpleLogger.log.rialto.payment=debug"));
    var http = new Http(ruPort, "RU-NODE");
    assertThat(http.post(DEALER, "/v1/fx/rates", "{\"targetCurrency\":\"IRR\",\"rate\":\"520.5\"}").status()).isEqualTo(201);

    String cross = UUID.randomUUID().toString();
    String quote = http.post(VOLGA, "/v1/quotes", "{\"targetCurrency\":\"IRR\",\"sourceAmount\":\"10.00\"}").body()
        .get("quotes").get(0).get("quoteId").asText();
    var sent = http.post(VOLGA, "/v1/payments", "{\"uetr\":\"" + cross + "\",\"debtorAgent\":\"" + VOLGA
        + "\",\"creditorAgent\":\"TEHRIRTH\",\"amount\":\"10.00\",\"currency\":\"RUB\",\"quoteId\":\"" + quote + "\"}");
    assertThat(sent.body().get("payments").get(0).get("state").asText()).as(sent.raw()).isEqualTo("RECEIVED");
    String domestic = UUID.randomUUID().toString();
    var paid = http.post(VOLGA, "/v1/payments", "{\"uetr\":\"" + domestic + "\",\"debtorAgent\":\"" + VOLGA
        + "\",\"creditorAgent\":\"" + RU_CB + "\",\"amount\":\"1.00\",\"currency\":\"RUB\"}");
    assertThat(paid.body().get("payments").get(0).get("state").asText()).as(paid.raw()).isEqualTo("SETTLED");

    // Wait for the dispatcher's line about the failed forward. Every line is flushed as written, so a kill loses none.
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      String text = Files.readString(log);
      if (text.contains("link to IR-NODE down") && text.contains(domestic)) break;
      Thread.sleep(100);
    }
    ru.kill();
    ru = null;
    long ended = System.currentTimeMillis() + 10_000;
    while (!Files.readString(log).contains("---- process output ended") && System.currentTimeMillis() < ended) Thread.sleep(20);

    // Kept for review, like the console's screenshots.
    Files.createDirectories(Path.of("target"));
    Files.copy(log, Path.of("target", "log-lines-test.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    var lines = new ArrayList<JsonNode>();
    for (String raw : Files.readAllLines(log)) {
      // Not log lines: the pump's markers, the node's announcement on standard output, and the
      // JVM's own warnings (native access by the SQLite driver) and its note of JAVA_TOOL_OPTIONS
      // when the environment sets them, which no logger sees.
      if (raw.startsWith("---- ") || raw.startsWith("rialto node ") || raw.startsWith("WARNING: ")
          || raw.startsWith("Picked up JAVA_TOOL_OPTIONS: ") || raw.isBlank()) continue;
      assertThat(raw).as("a log line that is not one JSON object").startsWith("{").endsWith("}");
      lines.add(JSON.readTree(raw));
    }
    for (var l : lines) {
      assertThat(l.has("ts") && l.has("level") && l.has("logger")).as(l.toString()).isTrue();
      if (l.get("logger").asText().startsWith("rialto.")) assertThat(text(l, "node")).as(l.toString()).isEqualTo("RU-NODE");
    }
    for (String uetr : List.of(cross, domestic)) {
      var about = lines.stream().filter(l -> l.toString().contains(uetr)).toList();
      for (var l : about) {
        boolean carries = uetr.equals(text(l, "uetr")) || Arrays.asList(String.valueOf(text(l, "uetrs")).split(",")).contains(uetr);
        assertThat(carries).as("a line about " + uetr + " without it as a field: " + l).isTrue();
      }
      assertThat(about).as("payment lines of " + uetr).anyMatch(l -> "rialto.payment".equals(text(l, "logger")));
    }
    var crossSteps = lines.stream().filter(l -> cross.equals(text(l, "uetr")) && l.has("event"))
        .map(l -> l.get("event").get("step").asText()).toList();
    assertThat(crossSteps).contains("prepared");
    assertThat(lines).anyMatch(l -> "rialto.peer".equals(text(l, "logger")) && text(l, "msg").contains("link to IR-NODE down")
        && text(l, "uetrs").contains(cross) && "IR-NODE".equals(text(l, "peer")));
  }

  private static String text(JsonNode l, String field) {
    return l.has(field) ? l.get(field).asText() : null;
  }
}
